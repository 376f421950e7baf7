//! View components: they render props and emit callbacks; state lives in
//! `ui::state`.

mod environment;
mod errors;
mod results;
mod settings_form;
mod timeline;

pub use environment::EnvironmentPanel;
pub use errors::ErrorList;
pub use results::ResultsView;
pub use settings_form::SettingsForm;
