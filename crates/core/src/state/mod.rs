//! The page's state and its reducer: what the user typed, the validated
//! settings, the engine's status and the results. Pure (no web APIs), so the
//! transitions are tested natively; components only render it and dispatch
//! [`Action`]s.
//!
//! `form` and `settings` are raw input and its validated form, kept both on
//! purpose: the form must show what the user typed (`n=abc` stays `abc`,
//! beside its error) while a run needs valid settings. `form` is the source:
//! `settings` is only ever derived from it, by `revalidate` (validate, then
//! keep the page flags `lesson`, `autorun`, `embed`, `controls`, `lock`,
//! which have no form field). With `lock`, the reducer refuses every change
//! to the experiment (fields, models, opening a lesson); Run and Stop stay.
//! A URL or a lesson fills the form (with `form_of`, the normalised text of
//! its validated settings, key by key from the settings table) and then
//! derives the settings the same way. Actions name settings by [`Key`].

use crate::config::{validate, Key, RawSettings, Settings};
use crate::models::ModelId;
use crate::report::Results;
pub use crate::report::Sweep;
use crate::runner::RunEvent;
use crate::teach::{lesson_ids, Prediction};
pub use status::{EngineStart, PoolStatus, Progress, RunPhase, ServerStatus};

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The form's raw text, by key.
    pub form: RawSettings,
    /// The settings a run uses (always valid).
    pub settings: Settings,
    /// Messages about rejected settings, shown until the input changes.
    pub errors: Vec<(String, String)>,
    pub default_threads: u32,
    pub engine_start_ms: Option<f64>,
    /// An engine was started on this visit (none starts before the first run).
    pub engine_started: bool,
    /// Why the page is not cross-origin isolated (`None`: it is, or the
    /// page has not found out yet): threads stay off whatever an engine
    /// says. Known once the page has started; kept apart from `pool`, which
    /// an engine's failure replaces.
    pub not_isolated: Option<String>,
    pub server: ServerStatus,
    pub pool: PoolStatus,
    pub phase: RunPhase,
    /// One entry per model of the current (or last) run.
    pub progress: Vec<Progress>,
    /// Stop was pressed and the run is winding down.
    pub stopping: bool,
    /// The last thread sweep, if any.
    pub sweep: Option<Sweep>,
    pub results: Option<Results>,
    /// The learner's predictions and finished lessons (kept by the page in
    /// local storage).
    pub lessons: crate::teach::Progress,
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
// An action is made and consumed once per event, never stored: the size of
// the run's events (a results document) costs nothing that boxing would save.
#[allow(clippy::large_enum_variant)]
pub enum Action {
    /// A form field changed.
    SetField {
        key: Key,
        value: String,
    },
    /// A model checkbox was toggled.
    ToggleModel(ModelId),
    /// The simulated server is up, or why not.
    ServerReady,
    ServerFailed {
        reason: String,
    },
    /// The page is not cross-origin isolated, and why (at load: no engine
    /// needs to start to know that threads are off).
    NotIsolated {
        reason: String,
    },
    /// Something happened in the run or the engine (what the runner
    /// reports, as it reports it).
    Run(RunEvent),
    /// The user pressed Stop.
    StopRequested,
    /// Open a lesson (its settings replace the form) or close it (`None`).
    OpenLesson(Option<String>),
    /// The learner ranked the models of the open lesson.
    Predicted(Prediction),
    /// The learner reset their lesson progress.
    ResetLessons,
}

impl AppState {
    /// The state for a page opened with `query`.
    pub fn from_query(query: &str, default_threads: u32) -> Self {
        let raw = RawSettings::from_query(query);
        let (settings, errors) = validate(&raw, default_threads, &lesson_ids());
        let mut state = AppState {
            form: form_of(&settings),
            // Its page flags are kept; the rest is derived from the form below.
            settings,
            errors: Vec::new(),
            default_threads,
            engine_start_ms: None,
            engine_started: false,
            not_isolated: None,
            server: ServerStatus::Starting,
            pool: PoolStatus::OnDemand,
            phase: RunPhase::Idle,
            progress: Vec::new(),
            stopping: false,
            sweep: None,
            results: None,
            lessons: crate::teach::Progress::default(),
        };
        state.revalidate();
        // The query's errors (the form holds their defaults, which are valid).
        state.errors = messages(&errors);
        state
    }

    /// True while a run is in progress (or waits for its engine).
    pub fn running(&self) -> bool {
        matches!(self.phase, RunPhase::Preparing | RunPhase::Running { .. })
    }

    /// True when the Run button may start a run: once the page has started
    /// (the engine's workers must be served by the simulated server), with
    /// or without an engine (a run starts it, or waits for one starting).
    pub fn can_run(&self) -> bool {
        !self.running() && !self.sweeping() && self.started()
    }

    /// True once the page has started: the simulated server is up, or known
    /// to be unavailable. From then on an engine may be started (its workers
    /// are served by that server), and an embedding page hears `ready`.
    pub fn started(&self) -> bool {
        self.server != ServerStatus::Starting
    }

    /// Whether the results shown are complete. While the next run prepares
    /// (its engine and pool starting) they are still the last run's, which
    /// finished: they stay downloadable and shareable until that run starts
    /// and replaces them.
    pub fn results_finished(&self) -> bool {
        !matches!(self.phase, RunPhase::Running { .. })
    }

    /// True while a thread sweep is in progress.
    pub fn sweeping(&self) -> bool {
        self.sweep.as_ref().is_some_and(|s| s.running)
    }

    /// The form text of `key`.
    pub fn field(&self, key: &str) -> &str {
        self.form.get(key).unwrap_or("")
    }

    /// Applies one action.
    pub fn reduce(mut self, action: Action) -> Self {
        let changes_experiment = matches!(
            action,
            Action::SetField { .. } | Action::ToggleModel(_) | Action::OpenLesson(Some(_))
        );
        if self.settings.lock && changes_experiment {
            return self;
        }
        match action {
            Action::SetField { key, value } => {
                let before = self.settings.workload;
                self.set_field(key, value);
                if key == Key::Workload {
                    self.fit_defaults_to_workload(before);
                }
                self.drop_strict_where_they_do_not_apply();
                self.revalidate();
            }
            Action::ToggleModel(model) => {
                self.toggle_model(model);
                self.drop_strict_where_they_do_not_apply();
                self.revalidate();
            }
            Action::ServerReady => self.server = ServerStatus::Ready,
            Action::ServerFailed { reason } => self.server = ServerStatus::Unavailable { reason },
            Action::NotIsolated { reason } => self.not_isolated(reason),
            Action::Run(event) => self.on_run_event(event),
            Action::StopRequested => self.stopping = self.running(),
            Action::OpenLesson(None) => self.settings.lesson = None,
            Action::OpenLesson(Some(id)) => {
                if let (Some(lesson), false) = (crate::teach::lesson(&id), self.running()) {
                    self.form = form_of(&lesson.settings(self.default_threads));
                    self.settings.lesson = Some(lesson.id.clone());
                    self.settings.autorun = false;
                    // A lesson's settings are valid (tested): this clears the errors.
                    self.revalidate();
                    self.results = None;
                    self.phase = RunPhase::Idle;
                    self.progress.clear();
                }
            }
            Action::Predicted(prediction) => {
                if let Some(id) = &self.settings.lesson {
                    self.lessons.predict(id, prediction);
                }
            }
            Action::ResetLessons => self.lessons = crate::teach::Progress::default(),
        }
        self
    }

    /// The one place `settings` is derived from `form` (see the module doc).
    fn revalidate(&mut self) {
        let (settings, errors) = validate(&self.form, self.default_threads, &lesson_ids());
        // Keep what has no form field (autorun, embed, the view, projector
        // mode, the open lesson).
        self.settings = Settings {
            autorun: self.settings.autorun,
            embed: self.settings.embed,
            controls: self.settings.controls.clone(),
            lock: self.settings.lock,
            view: self.settings.view,
            present: self.settings.present,
            lesson: self.settings.lesson.clone(),
            ..settings
        };
        self.errors = messages(&errors);
    }
}

mod form;
use form::{form_of, messages};

mod engine;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod lessons_tests;

pub mod run_events;
pub mod status;
