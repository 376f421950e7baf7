//! The views' components: the results (bars, timelines, replay, convoy,
//! explanations), the sweep's result and what they share with the page
//! (`ErrorList`, `ChartTools`). They render props and emit callbacks.

mod chart_tools;
mod combined_chart;
mod combined_lanes;
mod combined_panel;
mod comparison_chart;
mod convoy;
mod errors;
mod explanations;
mod replay;
mod results;
mod sweep_chart;
mod timeline;

pub use chart_tools::ChartTools;
pub use errors::ErrorList;
pub use results::ResultsView;
pub use sweep_chart::SweepResult;
