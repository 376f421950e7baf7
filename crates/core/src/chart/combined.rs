//! The combined timeline: every model of one run on ONE shared time axis
//! (ms from each model's own start), a group of lanes per model, each task
//! cut into typed segments (computing, waiting for the GIL, waiting for
//! I/O), the page's responsiveness as its own lane, the overheads reported
//! apart as their own marked lane, an axis fitted to the fastest or the
//! slowest model, and a replay cut (the state at time `t`).
//!
//! Pure series: it reads a [`Results`] document and returns numbers; the
//! component that draws them maps ms to pixels and never recomputes these.
//! Stacking of overlapping tasks comes from [`timeline_lanes`], the same as
//! the per-model timeline.

pub use super::axis::Axis;
use super::lanes::{timeline_lanes, LaneBar};
use crate::report::{ModelResult, Results, RunStatus};
use crate::vocab::ModelId;

/// A frame longer than this is a long frame: the page could not respond
/// (the "tasks over 50 ms" threshold browsers use for long tasks). The
/// page's meter counts its long frames by the same bound.
pub const LONG_FRAME_MS: f64 = 50.0;

/// Gaps shorter than one 60 Hz frame between blocking tasks on the page do
/// not let it paint, so they are merged into one blocked interval.
const FRAME_MS: f64 = 1000.0 / 60.0;

/// What a segment shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// The task computed.
    Compute,
    /// The task waited for the global lock (`gil`).
    GilWait,
    /// The task waited for a response (a fetch, or a pipeline's fetch).
    IoWait,
    /// The page's thread ran without painting (responsiveness lane).
    Blocked,
    /// A cost reported apart (pool start, warm-up, process start, copy).
    Overhead,
}

/// One drawn piece of a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The task it belongs to (none for blocked and overhead segments).
    pub task: Option<u32>,
    pub start_ms: f64,
    pub end_ms: f64,
    /// Sub-row inside the lane (tasks overlapping on one event loop stack).
    pub row: u32,
    pub kind: SegmentKind,
    /// False when its task failed or was cancelled.
    pub ok: bool,
    /// Overheads: their name (`pool_start`, ...); empty otherwise.
    pub label: String,
}

impl Segment {
    /// Its length in ms.
    pub fn duration_ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }

    /// A blocked interval long enough to be a long frame.
    pub fn is_long_frame(&self) -> bool {
        self.kind == SegmentKind::Blocked && self.duration_ms() > LONG_FRAME_MS
    }
}

/// What a lane stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    /// Where tasks ran: `engine`, `page`, `thread-k`, `process-k`.
    Work,
    /// The page's responsiveness during the model's run.
    Responsiveness,
    /// Costs reported apart, laid end to end from 0: not the model's time.
    Overheads,
}

/// One lane of a model's group.
#[derive(Clone, Debug, PartialEq)]
pub struct CombinedLane {
    pub name: String,
    pub kind: LaneKind,
    /// Sub-rows needed (1 unless tasks overlap on the lane).
    pub rows: u32,
    pub segments: Vec<Segment>,
}

/// The page's responsiveness as the results report it (no frame times are
/// recorded, only these summaries).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PageSummary {
    pub longest_gap_ms: Option<f64>,
    pub long_frames: Option<u32>,
    pub longest_task_ms: Option<f64>,
}

/// A model's group of lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelGroup {
    /// The model id (`threads`, ...).
    pub model: String,
    pub status: RunStatus,
    pub wall_ms: Option<f64>,
    /// Where its drawing ends: its wall time or its last task, whichever is
    /// later (overheads excluded).
    pub end_ms: f64,
    /// Work lanes in natural order, then responsiveness, then overheads.
    pub lanes: Vec<CombinedLane>,
    pub page: PageSummary,
    /// Why it did not run, or how it failed.
    pub note: Option<String>,
}

impl ModelGroup {
    /// Whether the model had finished at time `t_ms` of a replay.
    pub fn finished_at(&self, t_ms: f64) -> bool {
        self.end_ms <= t_ms
    }
}

/// Which model the axis is fitted to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fit {
    /// Every model fits; the fastest is a short stripe.
    #[default]
    Slowest,
    /// The fastest model fills the width; slower ones run off the edge.
    Fastest,
}

/// The combined timeline of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct CombinedTimeline {
    pub groups: Vec<ModelGroup>,
}

impl CombinedTimeline {
    /// Series for every model of `results`, in run order.
    pub fn from_results(results: &Results) -> Self {
        CombinedTimeline {
            groups: results.runs.iter().map(group).collect(),
        }
    }

    /// The axis fitted to the slowest or the fastest model that drew
    /// anything (a 1 ms axis when none did).
    pub fn axis(&self, fit: Fit) -> Axis {
        let ends = self.groups.iter().map(|g| g.end_ms).filter(|e| *e > 0.0);
        let end = match fit {
            Fit::Slowest => ends.fold(None, |m: Option<f64>, e| Some(m.map_or(e, |m| m.max(e)))),
            Fit::Fastest => ends.fold(None, |m: Option<f64>, e| Some(m.map_or(e, |m| m.min(e)))),
        };
        Axis {
            end_ms: end.unwrap_or(1.0),
        }
    }

    /// How long a replay lasts: until the slowest model ends.
    pub fn duration_ms(&self) -> f64 {
        self.groups.iter().map(|g| g.end_ms).fold(0.0, f64::max)
    }

    /// The replay's state at `t_ms`: segments that started before `t_ms`,
    /// cut at `t_ms`. The overheads lane is not part of the race and stays
    /// whole.
    pub fn at(&self, t_ms: f64) -> CombinedTimeline {
        let mut cut = self.clone();
        for lane in cut.groups.iter_mut().flat_map(|g| g.lanes.iter_mut()) {
            if lane.kind == LaneKind::Overheads {
                continue;
            }
            lane.segments.retain(|s| s.start_ms < t_ms);
            for s in &mut lane.segments {
                s.end_ms = s.end_ms.min(t_ms);
            }
        }
        cut
    }
}

fn group(run: &ModelResult) -> ModelGroup {
    let gil = run.model == ModelId::Gil;
    let fetches = run.workload.valueless_task_is_request();
    let mut lanes: Vec<CombinedLane> = timeline_lanes(&run.tasks)
        .into_iter()
        .map(|lane| CombinedLane {
            segments: lane
                .bars
                .iter()
                .flat_map(|b| segments(b, gil, fetches))
                .collect(),
            name: lane.name,
            kind: LaneKind::Work,
            rows: lane.rows,
        })
        .collect();
    let page = PageSummary {
        longest_gap_ms: run.page_longest_gap_ms,
        long_frames: run.page_long_frames,
        longest_task_ms: run.page_longest_task_ms,
    };
    let blocked = blocked_intervals(run);
    if !blocked.is_empty() || page.longest_gap_ms.is_some() || page.long_frames.is_some() {
        lanes.push(CombinedLane {
            name: "page responsiveness".to_owned(),
            kind: LaneKind::Responsiveness,
            rows: 1,
            segments: blocked,
        });
    }
    if !run.overheads_ms.is_empty() {
        lanes.push(overheads_lane(run));
    }
    let last_end = lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Overheads)
        .flat_map(|l| l.segments.iter().map(|s| s.end_ms))
        .fold(0.0, f64::max);
    ModelGroup {
        model: run.model.as_str().to_owned(),
        status: run.status,
        wall_ms: run.wall_ms,
        end_ms: run.wall_ms.unwrap_or(0.0).max(last_end),
        lanes,
        page,
        note: run.skipped_reason.clone().or_else(|| run.error.clone()),
    }
}

/// A task's bar cut into computing and waiting pieces. Its waits are GIL
/// waits in the `gil` model and response waits elsewhere (a pipeline's
/// fetch); the rest is I/O for a fetch, computing otherwise.
fn segments(bar: &LaneBar, gil: bool, fetches: bool) -> Vec<Segment> {
    let base = if bar.io && fetches {
        SegmentKind::IoWait
    } else {
        SegmentKind::Compute
    };
    let wait = if gil {
        SegmentKind::GilWait
    } else {
        SegmentKind::IoWait
    };
    let mut waits: Vec<[f64; 2]> = bar
        .waits
        .iter()
        .map(|[s, e]| [s.max(bar.start_ms), e.min(bar.end_ms)])
        .filter(|[s, e]| e > s)
        .collect();
    waits.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let mut pieces: Vec<(f64, f64, SegmentKind)> = Vec::new();
    let mut at = bar.start_ms;
    for [s, e] in waits {
        let s = s.max(at);
        if s > at {
            pieces.push((at, s, base));
        }
        if e > s {
            pieces.push((s, e, wait));
            at = e;
        }
    }
    if bar.end_ms > at || pieces.is_empty() {
        pieces.push((at, bar.end_ms.max(at), base));
    }
    let mut out: Vec<Segment> = Vec::new();
    for (start, end, kind) in pieces {
        match out.last_mut() {
            Some(prev) if prev.kind == kind && prev.end_ms >= start => prev.end_ms = end,
            _ => out.push(Segment {
                task: Some(bar.index),
                start_ms: start,
                end_ms: end,
                row: bar.row,
                kind,
                ok: bar.ok,
                label: String::new(),
            }),
        }
    }
    out
}

/// When the page's own thread was busy without painting: the tasks the
/// `main-thread` model ran on it (synchronous work, or blocking requests),
/// merged across gaps shorter than a frame. Other models leave the page
/// free; their long frames are known only as counts (`PageSummary`).
fn blocked_intervals(run: &ModelResult) -> Vec<Segment> {
    if run.model.as_str() != "main-thread" {
        return Vec::new();
    }
    let mut spans: Vec<[f64; 2]> = run
        .tasks
        .iter()
        .filter(|t| t.lane == "page")
        .map(|t| [t.start_ms, t.end_ms.max(t.start_ms)])
        .collect();
    spans.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let mut merged: Vec<[f64; 2]> = Vec::new();
    for [s, e] in spans {
        match merged.last_mut() {
            Some(last) if s - last[1] < FRAME_MS => last[1] = last[1].max(e),
            _ => merged.push([s, e]),
        }
    }
    merged
        .into_iter()
        .map(|[s, e]| Segment {
            task: None,
            start_ms: s,
            end_ms: e,
            row: 0,
            kind: SegmentKind::Blocked,
            ok: true,
            label: String::new(),
        })
        .collect()
}

/// The overheads end to end from 0, in name order, each with its name.
fn overheads_lane(run: &ModelResult) -> CombinedLane {
    let mut at = 0.0;
    let segments = run
        .overheads_ms
        .iter()
        .filter(|(_, ms)| ms.is_finite() && **ms >= 0.0)
        .map(|(name, ms)| {
            let s = Segment {
                task: None,
                start_ms: at,
                end_ms: at + ms,
                row: 0,
                kind: SegmentKind::Overhead,
                ok: true,
                label: name.clone(),
            };
            at += ms;
            s
        })
        .collect();
    CombinedLane {
        name: "overheads (apart)".to_owned(),
        kind: LaneKind::Overheads,
        rows: 1,
        segments,
    }
}

#[cfg(test)]
#[path = "combined_tests.rs"]
mod tests;
