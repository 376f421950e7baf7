//! Settings back to a URL query: every setting that applies to the chosen
//! workload, so a shared link pins the whole experiment. (Parsing a query
//! is `raw::RawSettings::from_query`.)

use super::settings::Settings;
use crate::vocab::{ModelId, Workload};

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
