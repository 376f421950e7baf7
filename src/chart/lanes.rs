//! The timeline: one lane per place work ran, one bar per task.

use crate::report::TaskRecord;

/// A task's bar on its lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBar {
    pub index: u32,
    pub start_ms: f64,
    pub end_ms: f64,
    pub ok: bool,
}

/// One lane (`engine`, `thread-1`, ...), with its tasks in start order.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub bars: Vec<LaneBar>,
}

/// Groups tasks by lane. Lanes are ordered naturally (`thread-2` before
/// `thread-10`).
pub fn timeline_lanes(tasks: &[TaskRecord]) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for t in tasks {
        let bar = LaneBar {
            index: t.index,
            start_ms: t.start_ms,
            end_ms: t.end_ms,
            ok: t.status == crate::report::TaskStatus::Ok,
        };
        match lanes.iter_mut().find(|l| l.name == t.lane) {
            Some(lane) => lane.bars.push(bar),
            None => lanes.push(Lane {
                name: t.lane.clone(),
                bars: vec![bar],
            }),
        }
    }
    for lane in &mut lanes {
        lane.bars.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
    }
    lanes.sort_by_key(|l| lane_key(&l.name));
    lanes
}

/// Sort key: the name's text before its trailing number, then the number.
fn lane_key(name: &str) -> (String, u64) {
    let digits = name.chars().rev().take_while(char::is_ascii_digit).count();
    let (head, tail) = name.split_at(name.len() - digits);
    (head.to_owned(), tail.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_are_grouped_by_lane_in_natural_order() {
        let t = |i, lane: &str, s, e| TaskRecord::fib(i, lane.into(), s, e, 1);
        let lanes = timeline_lanes(&[
            t(0, "thread-10", 0.0, 1.0),
            t(1, "thread-2", 2.0, 3.0),
            t(2, "thread-2", 0.0, 2.0),
        ]);
        let names: Vec<&str> = lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, vec!["thread-2", "thread-10"]);
        assert_eq!(lanes[0].bars[0].index, 2, "bars in start order");
        assert_eq!(lanes[0].bars.len(), 2);
    }
}
