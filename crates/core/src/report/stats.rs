//! Summary statistics over repeated runs and facts about task timelines.

use super::task::TaskRecord;

/// Repeats whose slowest/fastest exceeds this are called widely spread (by
/// the explanation after a run and by the class table).
pub const SPREAD_LIMIT: f64 = 1.5;

/// Median and spread of a set of samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub count: usize,
}

impl Summary {
    /// Summarises samples; `None` when there are none (or any is NaN).
    pub fn of(samples: &[f64]) -> Option<Summary> {
        if samples.is_empty() || samples.iter().any(|s| s.is_nan()) {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mid = sorted.len() / 2;
        let median = if sorted.len() % 2 == 1 {
            sorted[mid]
        } else {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        };
        Some(Summary {
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
            count: sorted.len(),
        })
    }

    /// The index of the sample closest to the median (whose tasks are shown).
    pub fn median_index(samples: &[f64]) -> Option<usize> {
        let summary = Summary::of(samples)?;
        samples
            .iter()
            .enumerate()
            .min_by(|a, b| {
                let da = (a.1 - summary.median).abs();
                let db = (b.1 - summary.median).abs();
                da.total_cmp(&db)
            })
            .map(|(i, _)| i)
    }
}

/// Time per task not spent in any task: `(wall - busy / lanes) / tasks`,
/// where `busy` is the sum of task durations. The cost of dispatching,
/// waking threads and collecting results, spread over the tasks.
pub fn overhead_per_task_ms(wall_ms: f64, tasks: &[TaskRecord]) -> Option<f64> {
    let lanes = lanes_used(tasks).len();
    if tasks.is_empty() || lanes == 0 {
        return None;
    }
    let busy: f64 = tasks.iter().map(TaskRecord::duration_ms).sum();
    Some(((wall_ms - busy / lanes as f64) / tasks.len() as f64).max(0.0))
}

/// The distinct lanes the tasks ran on, sorted.
pub fn lanes_used(tasks: &[TaskRecord]) -> Vec<String> {
    let mut lanes: Vec<String> = tasks.iter().map(|t| t.lane.clone()).collect();
    lanes.sort();
    lanes.dedup();
    lanes
}

/// The most tasks in progress at the same instant (touching ends do not overlap).
pub fn max_overlap(tasks: &[TaskRecord]) -> usize {
    // Sweep over start (+1) and end (-1) events; ends sort before starts at
    // the same instant so back-to-back tasks do not count as overlapping.
    let mut events: Vec<(f64, i32)> = tasks
        .iter()
        .flat_map(|t| [(t.start_ms, 1), (t.end_ms, -1)])
        .collect();
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut now, mut best) = (0i32, 0i32);
    for (_, delta) in events {
        now += delta;
        best = best.max(now);
    }
    usize::try_from(best).expect("a count of started tasks is never negative")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(lane: &str, start: f64, end: f64) -> TaskRecord {
        TaskRecord::fib(0, lane.into(), start, end, 1)
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        let s = Summary::of(&[5.0, 1.0, 3.0]).expect("samples");
        assert_eq!((s.median, s.min, s.max, s.count), (3.0, 1.0, 5.0, 3));
        let s = Summary::of(&[4.0, 1.0, 3.0, 2.0]).expect("samples");
        assert_eq!(s.median, 2.5);
        assert_eq!(Summary::of(&[]), None);
        assert_eq!(Summary::of(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn median_index_points_at_the_middle_sample() {
        assert_eq!(Summary::median_index(&[9.0, 1.0, 5.0]), Some(2));
        assert_eq!(Summary::median_index(&[]), None);
    }

    #[test]
    fn overhead_per_task_is_the_unexplained_time() {
        let tasks = [
            task("a", 0.0, 1.0),
            task("b", 0.0, 1.0),
            task("a", 2.0, 3.0),
            task("b", 2.0, 3.0),
        ];
        // busy 4 ms on 2 lanes = 2 ms of a 4 ms wall: 2 ms over 4 tasks.
        assert_eq!(overhead_per_task_ms(4.0, &tasks), Some(0.5));
        assert_eq!(overhead_per_task_ms(1.0, &[]), None);
    }

    #[test]
    fn lanes_are_distinct_and_sorted() {
        let tasks = [
            task("thread-2", 0.0, 1.0),
            task("thread-1", 0.0, 1.0),
            task("thread-2", 1.0, 2.0),
        ];
        assert_eq!(lanes_used(&tasks), vec!["thread-1", "thread-2"]);
    }

    #[test]
    fn overlap_counts_simultaneous_tasks_only() {
        let sequential = [
            task("a", 0.0, 1.0),
            task("a", 1.0, 2.0),
            task("a", 2.0, 3.0),
        ];
        assert_eq!(max_overlap(&sequential), 1);
        let parallel = [
            task("a", 0.0, 2.0),
            task("b", 0.5, 2.5),
            task("a", 2.0, 3.0),
        ];
        assert_eq!(max_overlap(&parallel), 2);
        assert_eq!(max_overlap(&[]), 0);
    }
}
