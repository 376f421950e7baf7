//! The data table behind the combined timeline, and the legend's words:
//! one row per drawn segment, so a screen reader (or a spreadsheet) gets
//! what the chart shows. Pure.

use super::combined::{CombinedTimeline, SegmentKind};

impl SegmentKind {
    /// The legend's words for the kind.
    pub fn label(self) -> &'static str {
        match self {
            SegmentKind::Compute => "computing",
            SegmentKind::GilWait => "waiting for the GIL",
            SegmentKind::IoWait => "waiting for I/O",
            SegmentKind::Blocked => "page blocked (no heartbeat)",
            SegmentKind::Overhead => "overhead, reported apart",
        }
    }

    /// Every kind, in legend order.
    pub const ALL: [SegmentKind; 5] = [
        SegmentKind::Compute,
        SegmentKind::GilWait,
        SegmentKind::IoWait,
        SegmentKind::Blocked,
        SegmentKind::Overhead,
    ];
}

/// One row of the data table.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub model: String,
    pub lane: String,
    pub task: Option<u32>,
    pub kind: SegmentKind,
    pub start_ms: f64,
    pub end_ms: f64,
    pub ok: bool,
    /// Overheads: their name.
    pub label: String,
}

/// Every segment of the timeline, model by model, lane by lane, in time
/// order within a lane.
pub fn timeline_table(timeline: &CombinedTimeline) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    for g in &timeline.groups {
        for lane in &g.lanes {
            let mut segments: Vec<_> = lane.segments.iter().collect();
            segments.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
            rows.extend(segments.into_iter().map(|s| TimelineRow {
                model: g.model.clone(),
                lane: lane.name.clone(),
                task: s.task,
                kind: s.kind,
                start_ms: s.start_ms,
                end_ms: s.end_ms,
                ok: s.ok,
                label: s.label.clone(),
            }));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fixtures;

    #[test]
    fn the_table_has_a_row_per_segment_with_its_kind() {
        let t = CombinedTimeline::from_results(&fixtures::small());
        let rows = timeline_table(&t);
        let drawn: usize = t
            .groups
            .iter()
            .flat_map(|g| &g.lanes)
            .map(|l| l.segments.len())
            .sum();
        assert_eq!(rows.len(), drawn);
        let gil_waits = rows
            .iter()
            .filter(|r| r.model == "gil" && r.kind == SegmentKind::GilWait)
            .count();
        assert_eq!(gil_waits, 4);
        let first = &rows[0];
        assert_eq!(
            (first.model.as_str(), first.lane.as_str()),
            ("sequential", "engine")
        );
        assert_eq!(
            (first.task, first.start_ms, first.end_ms),
            (Some(0), 0.5, 15.0)
        );
        assert!(rows
            .iter()
            .any(|r| r.kind == SegmentKind::Overhead && r.label == "warm_up"));
        assert_eq!(SegmentKind::GilWait.label(), "waiting for the GIL");
    }
}
