//! Chart data: results -> series the SVG components draw. Pure and tested
//! natively; the components in `ui::components` only map numbers to pixels.

mod bars;
mod lanes;

pub use bars::{comparison_bars, Bar};
pub use lanes::{timeline_lanes, Lane, LaneBar};
