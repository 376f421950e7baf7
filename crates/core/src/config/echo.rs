//! How an experiment's settings go into its results file: the `config`
//! echo, filled from the settings table's values, and the empty document
//! runs are added to.

use super::experiment::Experiment;
use super::key::Key;
use super::settings::Settings;
use crate::report::{ConfigEcho, Environment, Results};

impl From<&Experiment> for ConfigEcho {
    /// The settings that apply to the run ([`Experiment::values`], which
    /// reads the settings table), each in its field.
    fn from(c: &Experiment) -> Self {
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

impl Results {
    /// An empty document for `settings`, to which runs are added as they finish.
    pub fn new(environment: Environment, settings: &Settings) -> Self {
        Results::for_config(environment, &settings.experiment())
    }

    /// An empty document for `config`, to which runs are added as they finish.
    pub fn for_config(environment: Environment, config: &Experiment) -> Self {
        Results::empty(environment, ConfigEcho::from(config))
    }
}

#[cfg(test)]
#[path = "echo_tests.rs"]
mod tests;
