//! Chart data: results -> series the SVG components draw. Pure and tested
//! natively; the components in `ui::components` only map numbers to pixels.

mod bars;
mod lanes;
mod sweep;

pub use bars::{comparison_bars, Bar};
pub use lanes::{timeline_lanes, Lane, LaneBar};
pub use sweep::{amdahl_serial_fraction, amdahl_speedup, sweep_points, SweepPoint};
