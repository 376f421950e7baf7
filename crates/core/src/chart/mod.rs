//! Chart data: results -> series the SVG components draw. Pure and tested
//! natively; the components in `playground_views::components` only map numbers to pixels.

mod axis;
mod bars;
mod combined;
mod combined_focus;
mod combined_layout;
mod combined_table;
#[cfg(test)]
pub(crate) mod fixtures;
mod lanes;
mod replay;
mod sweep;
mod trace;

pub use bars::{comparison_bars, Bar};
pub use combined::{
    Axis, CombinedLane, CombinedTimeline, Fit, LaneKind, ModelGroup, PageSummary, Segment,
    SegmentKind, LONG_FRAME_MS,
};
pub use combined_focus::{Move, TaskDetails, TaskPos};
pub use combined_layout::{layout, GroupBox, LaneBox, HEADER_H};
pub use combined_table::{timeline_table, TimelineRow};
pub use lanes::{run_lanes, timeline_lanes, Lane, LaneBar, BLOCKED_LANE};
pub use replay::{Replay, Speed};
pub use sweep::{amdahl_serial_fraction, amdahl_speedup, sweep_points, SweepPoint};
pub use trace::{build_trace, trace_file_name, trace_json, Phase, Trace, TraceEvent};
