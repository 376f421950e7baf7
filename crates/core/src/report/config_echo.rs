//! The `config` object of the results JSON: the settings of the run, as
//! the contract names them (each field is its setting's URL name), with
//! only the keys the settings table says apply to the workload and the
//! chosen models (`config::echo` fills it).

use serde::{Deserialize, Serialize};

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
