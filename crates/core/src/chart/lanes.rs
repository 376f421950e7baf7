//! The timeline: one lane per place work ran, one bar per task.

use crate::report::TaskRecord;
use crate::vocab::lane_key;

/// A task's bar on its lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBar {
    pub index: u32,
    pub start_ms: f64,
    pub end_ms: f64,
    pub ok: bool,
    /// Sub-row inside the lane: tasks that overlap on one lane (interleaved
    /// on an event loop) are stacked instead of drawn over each other.
    pub row: u32,
    /// Intervals inside the task spent waiting for a lock or a response
    /// (drawn differently from computing).
    pub waits: Vec<[f64; 2]>,
    /// The whole task was waiting on I/O (a fetch: nothing was computed).
    pub io: bool,
}

/// One lane (`engine`, `thread-1`, ...), with its tasks in start order.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub bars: Vec<LaneBar>,
    /// How many sub-rows the lane needs (1 when its tasks never overlap).
    pub rows: u32,
}

/// Name of the lane that shows a blocked event loop.
pub const BLOCKED_LANE: &str = "loop blocked";

/// The lane that shows an event loop blocked on purpose (`block_ms`): one
/// bar, the blocking call made by the last task, over `[start, end]`.
fn blocked_lane(tasks: &[TaskRecord], [start_ms, end_ms]: [f64; 2]) -> Lane {
    let index = tasks.iter().map(|t| t.index).max().unwrap_or(0);
    Lane {
        name: BLOCKED_LANE.to_owned(),
        bars: vec![LaneBar {
            index,
            start_ms,
            end_ms,
            ok: true,
            row: 0,
            waits: Vec::new(),
            io: false,
        }],
        rows: 1,
    }
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
            row: 0,
            waits: t.waits.clone(),
            io: t.value.is_none()
                && (t.http_status.is_some() || t.error.is_some() || t.simulated_wait),
        };
        match lanes.iter_mut().find(|l| l.name == t.lane) {
            Some(lane) => lane.bars.push(bar),
            None => lanes.push(Lane {
                name: t.lane.clone(),
                bars: vec![bar],
                rows: 1,
            }),
        }
    }
    for lane in &mut lanes {
        lane.bars.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        lane.rows = stack(&mut lane.bars);
    }
    lanes.sort_by_key(|l| lane_key(&l.name));
    lanes
}

/// The lanes of one model's run, as its card draws them: a task without a
/// value waited for I/O only where the workload fetches (a failed or
/// stopped fib task computed).
pub fn run_lanes(run: &crate::report::ModelResult) -> Vec<Lane> {
    let mut lanes = timeline_lanes(&run.tasks);
    if !run.workload.valueless_task_is_request() {
        for bar in lanes.iter_mut().flat_map(|l| l.bars.iter_mut()) {
            bar.io = false;
        }
    }
    // A blocked loop first, so the stall is seen above the answers it held up.
    if let Some(blocked) = run.output.loop_blocked_ms() {
        lanes.insert(0, blocked_lane(&run.tasks, blocked));
    }
    lanes
}

/// Gives each bar (sorted by start) the first sub-row that is free by its
/// start; returns the number of sub-rows used.
fn stack(bars: &mut [LaneBar]) -> u32 {
    let mut row_ends: Vec<f64> = Vec::new();
    for bar in bars.iter_mut() {
        let row = match row_ends.iter().position(|&end| end <= bar.start_ms) {
            Some(r) => r,
            None => {
                row_ends.push(f64::NEG_INFINITY);
                row_ends.len() - 1
            }
        };
        row_ends[row] = bar.end_ms;
        bar.row = u32::try_from(row).unwrap_or(u32::MAX);
    }
    u32::try_from(row_ends.len().max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::WorkloadOutput;

    #[test]
    fn a_blocked_loop_gets_its_own_lane_first() {
        use crate::report::ModelResult;
        use crate::vocab::{ModelId, Workload};
        let tasks: Vec<TaskRecord> = (0..3)
            .map(|i| {
                TaskRecord::fetch(
                    i,
                    "page".into(),
                    0.2,
                    401.0,
                    Ok(crate::workloads::latency::Answer::Http {
                        status: 200,
                        bytes: 64,
                    }),
                )
            })
            .collect();
        let mut run = ModelResult {
            tasks,
            output: WorkloadOutput::BlockedLoop {
                loop_blocked_ms: [0.3, 400.3],
            },
            ..ModelResult::finished(ModelId::Async, Workload::Fetch, 402.0)
        };
        let lanes = run_lanes(&run);
        assert_eq!(lanes[0].name, BLOCKED_LANE);
        let bar = &lanes[0].bars[0];
        assert_eq!(
            (bar.index, bar.start_ms, bar.end_ms, bar.io),
            (2, 0.3, 400.3, false)
        );
        assert_eq!(lanes[1].name, "page");
        run.output = WorkloadOutput::None {};
        assert_eq!(run_lanes(&run), timeline_lanes(&run.tasks));
    }

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
        assert_eq!(lanes[0].rows, 1, "back-to-back tasks share a row");
        assert!(!lanes[0].bars[0].io, "fib computes");
        let fetch = TaskRecord::fetch(
            0,
            "page".into(),
            0.0,
            150.0,
            Ok(crate::workloads::latency::Answer::Http {
                status: 200,
                bytes: 10,
            }),
        );
        assert!(timeline_lanes(&[fetch])[0].bars[0].io, "a fetch waits");
    }

    #[test]
    fn a_failed_fib_task_computed_while_a_failed_request_waited() {
        let small = crate::chart::fixtures::small();
        let failed = |lanes: Vec<Lane>| {
            lanes
                .into_iter()
                .flat_map(|l| l.bars)
                .find(|b| !b.ok)
                .expect("a failed task")
        };
        let async_run = &small.runs[2];
        assert!(
            failed(timeline_lanes(&async_run.tasks)).io,
            "fields alone say I/O"
        );
        assert!(!failed(run_lanes(async_run)).io, "fib: it computed");
        let fetch = crate::chart::fixtures::fetch();
        assert!(
            failed(run_lanes(&fetch.runs[0])).io,
            "fetch: the 500 waited"
        );
    }

    #[test]
    fn overlapping_tasks_on_one_lane_are_stacked() {
        let t = |i, s, e| TaskRecord::fib(i, "page".into(), s, e, 1);
        let lanes = timeline_lanes(&[
            t(0, 0.0, 10.0),
            t(1, 1.0, 10.0),
            t(2, 2.0, 5.0),
            t(3, 6.0, 9.0),
        ]);
        let rows: Vec<u32> = lanes[0].bars.iter().map(|b| b.row).collect();
        assert_eq!(rows, vec![0, 1, 2, 2]);
        assert_eq!(lanes[0].rows, 3);
    }
}
