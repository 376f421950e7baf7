//! The results JSON: what a run produced, in the public schema
//! `concurrency-playground/results@1` (see the README's "Interface" section).
//!
//! Times are milliseconds as floats, relative to the start of the run that
//! recorded them.

use serde::{Deserialize, Serialize};

use super::config_echo::ConfigEcho;
use super::isolation::Isolation;
use super::model_result::ModelResult;
use crate::workloads::latency::LatencyKind;

/// The schema id carried by every results document.
pub const SCHEMA: &str = "concurrency-playground/results@1";

/// One results document: the environment, the settings and one record per model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub schema: String,
    pub app_version: String,
    pub environment: Environment,
    pub config: ConfigEcho,
    pub runs: Vec<ModelResult>,
}

impl Results {
    /// An empty document, to which runs are added as they finish (its
    /// settings come from `config`: `Results::for_config`).
    pub fn empty(environment: Environment, config: ConfigEcho) -> Self {
        Results {
            schema: SCHEMA.to_owned(),
            app_version: crate::APP_VERSION.to_owned(),
            environment,
            config,
            runs: Vec::new(),
        }
    }

    /// Pretty JSON for downloads.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("results hold only JSON-safe values")
    }
}

/// What the browser offered for the run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Environment {
    pub user_agent: String,
    pub hardware_concurrency: u32,
    pub cross_origin_isolated: bool,
    pub threads_available: bool,
    /// Why threads are off, when they are.
    #[serde(default)]
    pub threads_unavailable_reason: Option<String>,
    /// Size of the thread pool the run used.
    #[serde(default)]
    pub pool_threads: Option<u32>,
    /// How long the pool took to start (once per page, not per run).
    #[serde(default)]
    pub pool_start_ms: Option<f64>,
    /// Page-to-engine message round trip (median of several pings).
    #[serde(default)]
    pub engine_round_trip_ms: Option<f64>,
    /// How the page got cross-origin isolated, as far as it can tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolation: Option<Isolation>,
    /// Whether the service worker supplied the isolation headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolation_by_service_worker: Option<bool>,
    /// Where the fetch workload's waiting came from (fetch and pipeline):
    /// `timers` is simulated waiting, not HTTP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_source: Option<LatencyKind>,
    /// The smallest step of the page's clock, ms (coarse where the page is
    /// not cross-origin isolated): a cost below it cannot be measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock_resolution_ms: Option<f64>,
}
