//! View components: they render props and emit callbacks; state lives in
//! `ui::state`. `ResultsView` and `SweepResult` (and what only they use) are
//! linked into the results module (`ui::remote`), not the page's.

mod chart_tools;
mod combined_chart;
mod combined_lanes;
mod combined_panel;
mod comparison_chart;
mod convoy;
mod embed_builder;
mod embed_form;
mod environment;
mod errors;
mod explanations;
mod lessons;
mod replay;
mod results;
mod run_status;
mod settings_form;
mod share;
mod sweep;
mod sweep_chart;
mod timeline;

pub use chart_tools::ChartTools;
pub use embed_form::EmbedForm;
pub use environment::EnvironmentPanel;
pub use errors::ErrorList;
pub use lessons::LessonPanel;
pub use results::ResultsView;
pub use run_status::{RunStatus, RUN_STATUS_ID};
pub use settings_form::{SettingsForm, SettingsFormProps};
pub use share::{IsolationBanner, SharePanel};
pub use sweep::SweepPanel;
pub use sweep_chart::SweepResult;
