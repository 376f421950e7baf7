//! The URL query as raw key/value pairs, and settings back to a query.
//!
//! Parsing keeps every pair in order (repeated keys are reported, not
//! silently merged); serialising writes every setting that applies to the
//! chosen workload, so a shared link pins the whole experiment.

use super::settings::{Settings, Workload};
use crate::models::ModelId;

/// Settings as text, before validation: from a URL query or the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawSettings {
    pairs: Vec<(String, String)>,
}

impl RawSettings {
    /// Reads a query string, with or without the leading `?`.
    pub fn from_query(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        RawSettings { pairs }
    }

    /// Builds raw settings from pairs (the form's fields).
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        RawSettings {
            pairs: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The first value given for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// How many times `key` was given.
    pub fn count(&self, key: &str) -> usize {
        self.pairs.iter().filter(|(k, _)| k == key).count()
    }

    /// Sets `key` to `value`, replacing every earlier value.
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.pairs.retain(|(k, _)| k != key);
        self.pairs.push((key.to_owned(), value.into()));
    }
}

/// Writes the settings as a URL query (without `?`). Keys that do not apply
/// to the chosen workload are left out; `autorun` and `embed` only when on.
pub fn to_query(s: &Settings) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("workload", s.workload.as_str());
    let models: Vec<&str> = s.models.iter().map(|m| m.as_str()).collect();
    q.append_pair("models", &models.join(","));
    match s.workload {
        Workload::Fib => {
            q.append_pair("n", &s.n.to_string());
            q.append_pair("tasks", &s.tasks.to_string());
        }
        Workload::Race => {
            q.append_pair("increments", &s.increments.to_string());
        }
        Workload::Pipeline => {
            q.append_pair("n", &s.n.to_string());
            q.append_pair("requests", &s.requests.to_string());
            q.append_pair("latency", &s.latency_ms.to_string());
            q.append_pair("jitter", &s.jitter_ms.to_string());
        }
        Workload::Fetch => {
            q.append_pair("requests", &s.requests.to_string());
            q.append_pair("latency", &s.latency_ms.to_string());
            q.append_pair("jitter", &s.jitter_ms.to_string());
            if let Some(c) = s.concurrency {
                q.append_pair("concurrency", &c.to_string());
            }
            if let Some(url) = &s.url {
                q.append_pair("url", url);
            }
        }
    }
    q.append_pair("threads", &s.threads.to_string());
    if s.models.contains(&ModelId::Gil) {
        q.append_pair("switch_ms", &s.switch_ms.to_string());
    }
    if s.models.contains(&ModelId::Processes) {
        q.append_pair("payload", &s.payload.to_string());
    }
    q.append_pair("repeat", &s.repeat.to_string());
    if let Some(lesson) = &s.lesson {
        q.append_pair("lesson", lesson);
    }
    if s.autorun {
        q.append_pair("autorun", "1");
    }
    if s.embed {
        q.append_pair("embed", "1");
    }
    q.finish()
}
