//! The form's text of valid settings and the page's text of settings
//! errors: the two conversions the reducer (`state`) makes between raw input
//! and validated settings; and the two adjustments of the form's text that
//! follow a change of workload or models. Pure.

use super::AppState;
use crate::config::{request_defaults, ConfigError, RawSettings, Settings, Workload};
use crate::models::ModelId;

/// Each error as (its key, its message), as the page shows them.
pub(super) fn messages(errors: &[ConfigError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.key().to_owned(), e.to_string()))
        .collect()
}

/// The form's text for valid settings.
pub(super) fn form_of(s: &Settings) -> RawSettings {
    let models: Vec<&str> = s.models.iter().map(|m| m.as_str()).collect();
    RawSettings::from_pairs([
        ("workload", s.workload.as_str().to_owned()),
        ("models", models.join(",")),
        ("n", s.n.to_string()),
        ("tasks", s.tasks.to_string()),
        ("threads", s.threads.to_string()),
        ("repeat", s.repeat.to_string()),
        ("requests", s.requests.to_string()),
        ("latency", s.latency_ms.to_string()),
        ("jitter", s.jitter_ms.to_string()),
        (
            "concurrency",
            s.concurrency.map(|c| c.to_string()).unwrap_or_default(),
        ),
        ("url", s.url.clone().unwrap_or_default()),
        ("switch_ms", s.switch_ms.to_string()),
        ("payload", s.payload.to_string()),
        ("increments", s.increments.to_string()),
        (
            "block_ms",
            s.block_ms.map(|b| b.to_string()).unwrap_or_default(),
        ),
    ])
}

impl AppState {
    /// Switching to or from the convoy loads the new workload's default
    /// requests and latency (the convoy's are many short ones).
    pub(super) fn fit_requests_to_workload(&mut self, before: Workload) {
        let Some(after) = Workload::parse(self.field("workload")) else {
            return;
        };
        if before != after && (before == Workload::Convoy || after == Workload::Convoy) {
            let defaults = Settings::defaults(self.default_threads);
            let (requests, latency) = request_defaults(after, &defaults);
            self.form.set("requests", requests.to_string());
            self.form.set("latency", latency.to_string());
        }
    }

    /// `block_ms` has a field only for async fetching: empty it elsewhere,
    /// rather than report a value the learner cannot see.
    pub(super) fn drop_block_where_it_does_not_apply(&mut self) {
        let fetch = self.field("workload") == Workload::Fetch.as_str();
        let async_chosen = self
            .field("models")
            .split(',')
            .any(|m| m.trim() == ModelId::Async.as_str());
        if !(fetch && async_chosen) {
            self.form.set("block_ms", String::new());
        }
    }
}
