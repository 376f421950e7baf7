//! The form's text of valid settings and the page's text of settings
//! errors: the two conversions the reducer (`state`) makes between raw input
//! and validated settings. Pure.

use crate::config::{ConfigError, RawSettings, Settings};

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
