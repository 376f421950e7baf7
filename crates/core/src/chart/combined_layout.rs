//! Where the combined timeline's rows go, top to bottom: a header per
//! model, then its lanes (work lanes taller when tasks stack, thin lanes
//! for the page's responsiveness and the overheads). Pure: heights in SVG
//! units; the component adds the time axis (x) from [`Axis`](super::Axis).

use super::combined::{CombinedLane, CombinedTimeline, LaneKind};

/// Height of a model's header row (its name, wall time, status).
pub const HEADER_H: f64 = 20.0;
/// Height of a work lane with one row of tasks.
pub const WORK_LANE_H: f64 = 16.0;
/// Extra height for each further stacked row of a work lane.
const STACK_ROW_H: f64 = 4.0;
/// Tallest a work lane grows, however many tasks stack on it.
pub const MAX_LANE_H: f64 = 44.0;
/// Height of the responsiveness and overheads lanes.
pub const THIN_LANE_H: f64 = 12.0;
/// Space between two model groups.
pub const GROUP_GAP: f64 = 6.0;
/// Space between a lane's edge and its bars.
pub const LANE_PAD: f64 = 1.5;

/// A lane's box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneBox {
    pub top: f64,
    pub height: f64,
    /// Height of one stacked row of bars inside the lane.
    pub row_h: f64,
}

impl LaneBox {
    /// The top of the bars of stacked row `row`.
    pub fn row_top(&self, row: u32) -> f64 {
        self.top + LANE_PAD + self.row_h * f64::from(row)
    }
}

/// A model group's box: its header, then one box per lane.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBox {
    pub top: f64,
    pub lanes: Vec<LaneBox>,
    pub bottom: f64,
}

/// The height a lane needs.
pub fn lane_height(lane: &CombinedLane) -> f64 {
    match lane.kind {
        LaneKind::Work => {
            (WORK_LANE_H + STACK_ROW_H * f64::from(lane.rows.saturating_sub(1))).min(MAX_LANE_H)
        }
        LaneKind::Responsiveness | LaneKind::Overheads => THIN_LANE_H,
    }
}

/// The boxes of every group, starting at `top`; returns them with the
/// bottom of the last one.
pub fn layout(timeline: &CombinedTimeline, top: f64) -> (Vec<GroupBox>, f64) {
    let mut y = top;
    let mut boxes = Vec::with_capacity(timeline.groups.len());
    for (i, g) in timeline.groups.iter().enumerate() {
        if i > 0 {
            y += GROUP_GAP;
        }
        let group_top = y;
        y += HEADER_H;
        let lanes = g
            .lanes
            .iter()
            .map(|lane| {
                let height = lane_height(lane);
                let b = LaneBox {
                    top: y,
                    height,
                    row_h: (height - 2.0 * LANE_PAD) / f64::from(lane.rows.max(1)),
                };
                y += height;
                b
            })
            .collect();
        boxes.push(GroupBox {
            top: group_top,
            lanes,
            bottom: y,
        });
    }
    (boxes, y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fixtures;

    #[test]
    fn groups_and_lanes_follow_each_other_without_overlap() {
        let t = CombinedTimeline::from_results(&fixtures::small());
        let (boxes, bottom) = layout(&t, 30.0);
        assert_eq!(boxes.len(), t.groups.len());
        assert_eq!(boxes[0].top, 30.0);
        let mut y = 30.0;
        for (b, g) in boxes.iter().zip(&t.groups) {
            assert!(b.top >= y, "groups in order");
            assert_eq!(b.lanes.len(), g.lanes.len(), "a box per lane");
            let mut lane_y = b.top + HEADER_H;
            for lane in &b.lanes {
                assert_eq!(lane.top, lane_y, "lanes touch, in order");
                lane_y += lane.height;
            }
            assert_eq!(b.bottom, lane_y);
            y = b.bottom;
        }
        assert_eq!(bottom, y);
        // The skipped model keeps its header (with its reason), no lanes.
        let skipped = &boxes[4];
        assert_eq!(skipped.bottom - skipped.top, HEADER_H);
    }

    #[test]
    fn stacked_lanes_grow_up_to_a_cap_and_thin_lanes_stay_thin() {
        let t = CombinedTimeline::from_results(&fixtures::small());
        let (boxes, _) = layout(&t, 0.0);
        let engine = boxes[2].lanes[0]; // async: 2 stacked rows
        assert_eq!(engine.height, WORK_LANE_H + 4.0);
        assert_eq!(engine.row_top(1) - engine.row_top(0), engine.row_h);
        assert!(engine.row_top(1) + engine.row_h <= engine.top + engine.height - LANE_PAD + 1e-9);
        assert_eq!(boxes[1].lanes[2].height, THIN_LANE_H, "gil's overheads");
        assert_eq!(
            boxes[3].lanes[1].height, THIN_LANE_H,
            "main-thread's page lane"
        );
        // 100 requests in flight on one page lane: capped.
        let r = CombinedTimeline::from_results(&fixtures::reference(7));
        let (boxes, _) = layout(&r, 0.0);
        let page = r
            .groups
            .iter()
            .position(|g| g.model == "async")
            .expect("async");
        assert_eq!(boxes[page].lanes[0].height, MAX_LANE_H);
    }
}
