//! The form's text of valid settings and the page's text of settings
//! errors: the two conversions the reducer (`state`) makes between raw input
//! and validated settings; and the adjustments of the form's text that
//! follow a change of workload or models, read from the settings table.
//! Pure.

use super::AppState;
use crate::config::{models_text, ConfigError, Key, RawSettings, Settings, Workload};
use crate::models::ModelId;

/// Each error as (its key, its message), as the page shows them.
pub(super) fn messages(errors: &[ConfigError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.key().to_owned(), e.to_string()))
        .collect()
}

/// The form's text for valid settings: every key's, in the table's order.
pub(super) fn form_of(s: &Settings) -> RawSettings {
    RawSettings::from_pairs(Key::ALL.map(|k| (k.as_str(), s.value(k).text())))
}

/// The models the form's text names, in its order (unknown names dropped).
pub(super) fn form_models(form: &RawSettings) -> Vec<ModelId> {
    let text = form.get(Key::Models.as_str()).unwrap_or("");
    text.split(',')
        .filter_map(|m| ModelId::parse(m.trim()))
        .collect()
}

impl AppState {
    /// The form text of setting `key`.
    pub fn field_of(&self, key: Key) -> &str {
        self.field(key.as_str())
    }

    /// Sets the form text of setting `key`.
    pub(super) fn set_field(&mut self, key: Key, value: String) {
        self.form.set(key.as_str(), value);
    }

    /// Adds `model` to the form's models, or removes it: the list stays in
    /// the order the models were chosen.
    pub(super) fn toggle_model(&mut self, model: ModelId) {
        let mut models = form_models(&self.form);
        match models.iter().position(|m| *m == model) {
            Some(i) => {
                models.remove(i);
            }
            None => models.push(model),
        }
        self.set_field(Key::Models, models_text(&models));
    }

    /// A change of workload loads the new workload's default of every
    /// setting whose default differs between the two (the convoy's
    /// requests and latency: many short ones).
    pub(super) fn fit_defaults_to_workload(&mut self, before: Workload) {
        let Some(after) = Workload::parse(self.field_of(Key::Workload)) else {
            return;
        };
        let threads = self.default_threads;
        for key in Key::ALL {
            let new = key.default_value(after, threads);
            if key != Key::Workload && key.default_value(before, threads) != new {
                self.set_field(key, new.text());
            }
        }
    }

    /// A strict setting (`block_ms`) has a field only where it applies:
    /// empty it elsewhere, rather than report a value the learner cannot see.
    pub(super) fn drop_strict_where_they_do_not_apply(&mut self) {
        let workload = Workload::parse(self.field_of(Key::Workload));
        let models = form_models(&self.form);
        for key in Key::ALL {
            if key.spec().strict && !workload.is_some_and(|w| key.applies(w, &models)) {
                self.set_field(key, String::new());
            }
        }
    }
}
