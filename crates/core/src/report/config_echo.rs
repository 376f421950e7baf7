//! The `config` object of the results JSON: the settings of the run, as
//! the contract names them (each field is its setting's URL name), with
//! only the keys the settings table says apply to the workload and the
//! chosen models.

use serde::{Deserialize, Serialize};

use crate::config::{Key, RunConfig};
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
    /// The settings that apply to the run ([`RunConfig::values`], which
    /// reads the settings table), each in its field.
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
            switch_ms: None,
            payload: None,
            increments: None,
            block_ms: None,
        };
        for (key, value) in c.values() {
            let number = value.number();
            match key {
                // Always present: set above.
                Key::Workload | Key::Models | Key::Threads | Key::Repeat => {}
                Key::N => echo.n = number,
                Key::Tasks => echo.tasks = number,
                Key::Requests => echo.requests = number,
                Key::Latency => echo.latency = number,
                Key::Jitter => echo.jitter = number,
                Key::Concurrency => echo.concurrency = number,
                Key::Url => echo.url = Some(value.text()),
                Key::SwitchMs => echo.switch_ms = number,
                Key::Payload => echo.payload = number,
                Key::Increments => echo.increments = number,
                Key::BlockMs => echo.block_ms = number,
            }
        }
        echo
    }
}
