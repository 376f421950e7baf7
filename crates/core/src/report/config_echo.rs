//! The `config` object of the results JSON: the settings of the run, as
//! the contract names them, with only the keys that apply to the workload
//! and the chosen models.

use serde::{Deserialize, Serialize};

use crate::config::{RequestParams, RunConfig, WorkloadConfig};
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
    /// fetch, `async`: the blocking call's length, ms, when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_ms: Option<u32>,
}

impl From<&RunConfig> for ConfigEcho {
    fn from(c: &RunConfig) -> Self {
        let mut echo = ConfigEcho {
            workload: c.workload.kind(),
            models: c.models.clone(),
            threads: c.threads,
            repeat: c.repeat,
            n: None,
            tasks: None,
            requests: None,
            latency: None,
            jitter: None,
            concurrency: None,
            url: None,
            switch_ms: c.switch_ms(),
            payload: c.payload(),
            increments: None,
            block_ms: None,
        };
        let mut requests = |r: &RequestParams| {
            echo.requests = Some(r.requests);
            echo.latency = Some(r.latency_ms);
            echo.jitter = Some(r.jitter_ms);
        };
        match &c.workload {
            WorkloadConfig::Fib(f) => {
                echo.n = Some(f.n);
                echo.tasks = Some(f.tasks);
            }
            WorkloadConfig::Fetch(f) => {
                requests(&f.requests);
                echo.concurrency = f.concurrency;
                echo.url = f.requests.url.clone();
                echo.block_ms = f.block_ms;
            }
            WorkloadConfig::Convoy(c) => {
                echo.requests = Some(c.requests.requests);
                echo.latency = Some(c.requests.latency_ms);
            }
            WorkloadConfig::Race(r) => echo.increments = Some(r.increments),
            WorkloadConfig::Pipeline(p) => {
                requests(&p.requests);
                echo.n = Some(p.n);
            }
        }
        echo
    }
}
