//! View components: they render props and emit callbacks; state lives in
//! `ui::state`.

mod chart_tools;
mod combined_chart;
mod combined_lanes;
mod combined_panel;
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
mod timeline;

pub use chart_tools::ChartTools;
pub use embed_form::EmbedForm;
pub use environment::EnvironmentPanel;
pub use errors::ErrorList;
pub use lessons::LessonPanel;
pub use results::{ExportFormat, ResultsView};
pub use run_status::RunStatus;
pub use settings_form::{SettingsForm, SettingsFormProps};
pub use share::{IsolationBanner, SharePanel};
pub use sweep::SweepPanel;
