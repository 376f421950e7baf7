//! Moving the keyboard focus between the tasks of the combined timeline,
//! and what a focused (or hovered) task shows: its model, lane, times and
//! how its time splits into computing and waiting. Pure: the component
//! keeps a [`TaskPos`] and asks these functions where an arrow key leads.

use std::collections::BTreeMap;

use super::combined::{CombinedLane, CombinedTimeline, LaneKind, Segment, SegmentKind};

/// A task's place in the chart: the model group, the lane in that group,
/// and the task's index (as in the results JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskPos {
    pub group: usize,
    pub lane: usize,
    pub task: u32,
}

/// A keyboard move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The task before on the same lane (Left).
    Prev,
    /// The task after on the same lane (Right).
    Next,
    /// The nearest task in time on the lane above, across models (Up).
    Up,
    /// The nearest task in time on the lane below (Down).
    Down,
    /// The lane's first task (Home).
    First,
    /// The lane's last task (End).
    Last,
}

impl Move {
    /// The move a key (`KeyboardEvent.key`) asks for.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowLeft" => Move::Prev,
            "ArrowRight" => Move::Next,
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

impl CombinedLane {
    /// The tasks drawn on the lane, once each, in start order.
    pub fn tasks(&self) -> Vec<(u32, f64)> {
        let mut first: BTreeMap<u32, f64> = BTreeMap::new();
        for s in &self.segments {
            if let Some(task) = s.task {
                let start = first.entry(task).or_insert(s.start_ms);
                *start = start.min(s.start_ms);
            }
        }
        let mut out: Vec<(u32, f64)> = first.into_iter().collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1));
        out
    }
}

/// What a task did, for the details line.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskDetails {
    pub model: String,
    pub lane: String,
    pub task: u32,
    pub start_ms: f64,
    pub end_ms: f64,
    pub ok: bool,
    pub compute_ms: f64,
    pub gil_ms: f64,
    pub io_ms: f64,
}

impl TaskDetails {
    /// The details in words.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (ms, what) in [
            (self.compute_ms, "computing"),
            (self.gil_ms, "waiting for the GIL"),
            (self.io_ms, "waiting for I/O"),
        ] {
            if ms > 0.0 {
                parts.push(format!("{what} {ms:.1} ms"));
            }
        }
        format!(
            "{} · {} · task {}: {:.1}–{:.1} ms ({:.1} ms){}{}",
            self.model,
            self.lane,
            self.task,
            self.start_ms,
            self.end_ms,
            self.end_ms - self.start_ms,
            if parts.is_empty() {
                String::new()
            } else {
                format!(": {}", parts.join(", "))
            },
            if self.ok { "" } else { ", failed or stopped" },
        )
    }
}

impl CombinedTimeline {
    /// Every work lane that has tasks, top to bottom, as (group, lane).
    fn task_lanes(&self) -> Vec<(usize, usize)> {
        self.groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                group
                    .lanes
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        l.kind == LaneKind::Work && l.segments.iter().any(|s| s.task.is_some())
                    })
                    .map(move |(l, _)| (g, l))
            })
            .collect()
    }

    fn lane(&self, group: usize, lane: usize) -> Option<&CombinedLane> {
        self.groups.get(group)?.lanes.get(lane)
    }

    /// The first task of the first lane: where the focus enters the chart.
    pub fn first_task(&self) -> Option<TaskPos> {
        let (group, lane) = *self.task_lanes().first()?;
        let (task, _) = *self.lane(group, lane)?.tasks().first()?;
        Some(TaskPos { group, lane, task })
    }

    /// Where `mv` leads from `from`; `None` at an edge (or for a task that
    /// is not drawn).
    pub fn step(&self, from: TaskPos, mv: Move) -> Option<TaskPos> {
        let tasks = self.lane(from.group, from.lane)?.tasks();
        let k = tasks.iter().position(|(t, _)| *t == from.task)?;
        let at = |k: usize| {
            tasks.get(k).map(|(task, _)| TaskPos {
                task: *task,
                ..from
            })
        };
        match mv {
            Move::Prev => at(k.checked_sub(1)?),
            Move::Next => at(k + 1),
            Move::First => at(0),
            Move::Last => at(tasks.len() - 1),
            Move::Up | Move::Down => {
                let lanes = self.task_lanes();
                let i = lanes.iter().position(|&p| p == (from.group, from.lane))?;
                let j = if mv == Move::Up {
                    i.checked_sub(1)?
                } else {
                    i + 1
                };
                let (group, lane) = *lanes.get(j)?;
                let start = tasks[k].1;
                let (task, _) = self
                    .lane(group, lane)?
                    .tasks()
                    .into_iter()
                    .min_by(|a, b| (a.1 - start).abs().total_cmp(&(b.1 - start).abs()))?;
                Some(TaskPos { group, lane, task })
            }
        }
    }

    /// The details of the task at `pos`.
    pub fn task_details(&self, pos: TaskPos) -> Option<TaskDetails> {
        let group = self.groups.get(pos.group)?;
        let lane = group.lanes.get(pos.lane)?;
        TaskDetails::from_segments(
            &group.model,
            &lane.name,
            pos.task,
            lane.segments.iter().filter(|s| s.task == Some(pos.task)),
        )
    }
}

impl TaskDetails {
    /// The details of task `task` from its segments; `None` when it has none.
    pub fn from_segments<'a>(
        model: &str,
        lane: &str,
        task: u32,
        segments: impl IntoIterator<Item = &'a Segment>,
    ) -> Option<TaskDetails> {
        let mut segments = segments.into_iter().peekable();
        segments.peek()?;
        let mut d = TaskDetails {
            model: model.to_owned(),
            lane: lane.to_owned(),
            task,
            start_ms: f64::INFINITY,
            end_ms: f64::NEG_INFINITY,
            ok: true,
            compute_ms: 0.0,
            gil_ms: 0.0,
            io_ms: 0.0,
        };
        for s in segments {
            d.start_ms = d.start_ms.min(s.start_ms);
            d.end_ms = d.end_ms.max(s.end_ms);
            d.ok &= s.ok;
            match s.kind {
                SegmentKind::Compute => d.compute_ms += s.duration_ms(),
                SegmentKind::GilWait => d.gil_ms += s.duration_ms(),
                SegmentKind::IoWait => d.io_ms += s.duration_ms(),
                SegmentKind::Blocked | SegmentKind::Overhead => {}
            }
        }
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fixtures;

    fn pos(group: usize, lane: usize, task: u32) -> TaskPos {
        TaskPos { group, lane, task }
    }

    #[test]
    fn arrows_walk_a_lane_and_cross_lanes_and_models() {
        // Groups: 0 sequential [engine], 1 gil [thread-2, thread-10, overheads],
        // 2 async [engine], 3 main-thread [page, page responsiveness], 4 processes [].
        let t = CombinedTimeline::from_results(&fixtures::small());
        let first = t.first_task().expect("a task to focus");
        assert_eq!(first, pos(0, 0, 0));
        assert_eq!(t.step(first, Move::Prev), None, "left edge");
        assert_eq!(t.step(first, Move::Next), Some(pos(0, 0, 1)));
        assert_eq!(t.step(pos(0, 0, 1), Move::Next), None, "right edge");
        assert_eq!(t.step(first, Move::Last), Some(pos(0, 0, 1)));
        assert_eq!(t.step(pos(0, 0, 1), Move::First), Some(first));
        // Down from sequential's task 1 (starts at 15 ms) to gil's thread-2.
        assert_eq!(t.step(pos(0, 0, 1), Move::Down), Some(pos(1, 0, 1)));
        assert_eq!(t.step(pos(1, 0, 1), Move::Down), Some(pos(1, 1, 0)));
        // The overheads lane has no tasks: Down skips to async's engine.
        let async_engine = t.step(pos(1, 1, 0), Move::Down).expect("async below");
        assert_eq!((async_engine.group, async_engine.lane), (2, 0));
        assert_eq!(t.step(async_engine, Move::Up), Some(pos(1, 1, 0)));
        // main-thread's page lane is the last with tasks.
        let page = t.step(pos(2, 0, 2), Move::Down).expect("main-thread below");
        assert_eq!(page, pos(3, 0, 1), "nearest to 19 ms is the task at 30 ms");
        assert_eq!(t.step(page, Move::Down), None, "bottom edge");
        assert_eq!(t.step(first, Move::Up), None, "top edge");
        assert_eq!(t.step(pos(0, 0, 99), Move::Next), None, "no such task");
        assert_eq!(Move::from_key("ArrowUp"), Some(Move::Up));
        assert_eq!(Move::from_key("a"), None);
    }

    #[test]
    fn stacked_tasks_are_listed_once_in_start_order() {
        let t = CombinedTimeline::from_results(&fixtures::small());
        let engine = &t.groups[2].lanes[0];
        assert_eq!(engine.tasks(), vec![(0, 0.0), (1, 1.0), (2, 19.0)]);
        let gil = &t.groups[1].lanes[1];
        assert_eq!(gil.tasks(), vec![(0, 0.0)], "five segments, one task");
        assert!(t.groups[4].lanes.is_empty());
    }

    #[test]
    fn details_split_a_task_into_computing_and_waiting() {
        let t = CombinedTimeline::from_results(&fixtures::small());
        let d = t.task_details(pos(1, 1, 0)).expect("gil thread-10 task 0");
        assert_eq!((d.start_ms, d.end_ms), (0.0, 48.0));
        assert_eq!((d.compute_ms, d.gil_ms, d.io_ms), (28.0, 20.0, 0.0));
        assert_eq!(
            d.describe(),
            "gil · thread-10 · task 0: 0.0–48.0 ms (48.0 ms): computing 28.0 ms, waiting for the GIL 20.0 ms"
        );
        let failed = t.task_details(pos(2, 0, 2)).expect("async task 2");
        assert!(!failed.ok);
        assert!(failed.describe().ends_with(", failed or stopped"));
        let f = CombinedTimeline::from_results(&fixtures::fetch());
        let pipeline = f.task_details(pos(1, 0, 0)).expect("the pipeline task");
        assert_eq!((pipeline.io_ms, pipeline.compute_ms), (100.0, 25.0));
        assert_eq!(t.task_details(pos(0, 0, 7)), None);
        assert_eq!(t.task_details(pos(9, 0, 0)), None);
    }
}
