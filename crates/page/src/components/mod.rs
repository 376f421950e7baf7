//! The page's own components: the settings and embed forms, the lessons,
//! the run's status, the share and sweep panels and the environment panel.
//! They render props and emit callbacks; state lives in
//! `playground_core::state`.

mod embed_builder;
mod embed_form;
mod environment;
mod lessons;
mod run_status;
mod settings_form;
mod share;
mod sweep;

pub use embed_form::EmbedForm;
pub use environment::EnvironmentPanel;
pub use lessons::LessonPanel;
pub use playground_views::components::ErrorList;
pub use run_status::{RunStatus, RUN_STATUS_ID};
pub use settings_form::{SettingsForm, SettingsFormProps};
pub use share::{IsolationBanner, SharePanel};
pub use sweep::SweepPanel;
