//! The `config` object of the results JSON: the settings of the run, as
//! the contract names them, with only the keys that apply to the workload
//! and the chosen models.

use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::vocab::{ModelId, Workload};

/// The settings of the run, as the contract names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfigEcho {
    pub workload: Workload,
    pub models: Vec<ModelId>,
    pub threads: u32,
    pub repeat: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jitter: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_ms: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increments: Option<u32>,
}

impl From<&Settings> for ConfigEcho {
    fn from(s: &Settings) -> Self {
        let fib = matches!(s.workload, Workload::Fib | Workload::Pipeline);
        let fetch = matches!(s.workload, Workload::Fetch | Workload::Pipeline);
        ConfigEcho {
            workload: s.workload,
            models: s.models.clone(),
            threads: s.threads,
            repeat: s.repeat,
            n: fib.then_some(s.n),
            tasks: (s.workload == Workload::Fib).then_some(s.tasks),
            requests: fetch.then_some(s.requests),
            latency: fetch.then_some(s.latency_ms),
            jitter: fetch.then_some(s.jitter_ms),
            concurrency: (s.workload == Workload::Fetch)
                .then_some(s.concurrency)
                .flatten(),
            url: (s.workload == Workload::Fetch)
                .then(|| s.url.clone())
                .flatten(),
            switch_ms: s.models.contains(&ModelId::Gil).then_some(s.switch_ms),
            payload: s.models.contains(&ModelId::Processes).then_some(s.payload),
            increments: (s.workload == Workload::Race).then_some(s.increments),
        }
    }
}
