//! One setting's typed value ([`Value`]) and its text in the URL and the
//! form; how a validated [`Settings`] and a [`Experiment`] give each key's
//! value. Pure: no web APIs.

use super::experiment::{Experiment, WorkloadConfig};
use super::key::Key;
use super::settings::Settings;
use super::table::{Kind, Start, QUERY_ORDER};
use crate::vocab::{ModelId, Workload};

/// A setting's validated value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Workload(Workload),
    Models(Vec<ModelId>),
    Number(u32),
    /// An address (the own URL).
    Text(String),
    /// An optional setting left empty.
    Absent,
}

impl Value {
    /// The text in the URL and the form (empty when absent).
    pub fn text(&self) -> String {
        match self {
            Value::Workload(w) => w.as_str().to_owned(),
            Value::Models(models) => models_text(models),
            Value::Number(n) => n.to_string(),
            Value::Text(t) => t.clone(),
            Value::Absent => String::new(),
        }
    }

    /// The number, for numbers (present optional ones included).
    pub fn number(&self) -> Option<u32> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn of_number(n: Option<u32>) -> Value {
        n.map_or(Value::Absent, Value::Number)
    }
}

/// The models as a comma list, as the URL writes them.
pub fn models_text(models: &[ModelId]) -> String {
    let names: Vec<&str> = models.iter().map(|m| m.as_str()).collect();
    names.join(",")
}

impl Settings {
    /// Sets every key to its table default (for the default workload).
    pub(super) fn fill_defaults(&mut self, default_threads: u32) {
        let workload = Key::Workload.default_value(Workload::Fib, default_threads);
        let Value::Workload(workload) = workload else {
            unreachable!("the workload's default is a workload");
        };
        for key in Key::ALL {
            self.set(key, key.default_value(workload, default_threads));
        }
    }

    /// The value of `key`, whether or not it applies to the workload.
    pub fn value(&self, key: Key) -> Value {
        match key {
            Key::Workload => Value::Workload(self.workload),
            Key::Models => Value::Models(self.models.clone()),
            Key::N => Value::Number(self.n),
            Key::Tasks => Value::Number(self.tasks),
            Key::Threads => Value::Number(self.threads),
            Key::Repeat => Value::Number(self.repeat),
            Key::Requests => Value::Number(self.requests),
            Key::Latency => Value::Number(self.latency_ms),
            Key::Jitter => Value::Number(self.jitter_ms),
            Key::Concurrency => Value::of_number(self.concurrency),
            Key::Url => self.url.clone().map_or(Value::Absent, Value::Text),
            Key::SwitchMs => Value::Number(self.switch_ms),
            Key::Payload => Value::Number(self.payload),
            Key::Increments => Value::Number(self.increments),
            Key::BlockMs => Value::of_number(self.block_ms),
        }
    }

    /// Sets `key` to `value`. A value of another kind than the key's row
    /// says is a broken invariant (validation makes values from the row).
    pub(super) fn set(&mut self, key: Key, value: Value) {
        let number = || value.number().expect("a number key gets a number");
        match key {
            Key::Workload => match value {
                Value::Workload(w) => self.workload = w,
                other => panic!("workload got {other:?}"),
            },
            Key::Models => match value {
                Value::Models(m) => self.models = m,
                other => panic!("models got {other:?}"),
            },
            Key::N => self.n = number(),
            Key::Tasks => self.tasks = number(),
            Key::Threads => self.threads = number(),
            Key::Repeat => self.repeat = number(),
            Key::Requests => self.requests = number(),
            Key::Latency => self.latency_ms = number(),
            Key::Jitter => self.jitter_ms = number(),
            Key::Concurrency => self.concurrency = value.number(),
            Key::Url => {
                self.url = match value {
                    Value::Text(t) => Some(t),
                    _ => None,
                }
            }
            Key::SwitchMs => self.switch_ms = number(),
            Key::Payload => self.payload = number(),
            Key::Increments => self.increments = number(),
            Key::BlockMs => self.block_ms = value.number(),
        }
    }
}

impl Experiment {
    /// What the experiment runs for `key` (`Absent` where its workload has
    /// no such parameter or it is empty).
    pub fn value(&self, key: Key) -> Value {
        let requests = self.workload.requests();
        let fetch = match &self.workload {
            WorkloadConfig::Fetch(f) => Some(f),
            _ => None,
        };
        match key {
            Key::Workload => Value::Workload(self.workload.kind()),
            Key::Models => Value::Models(self.models.clone()),
            Key::Threads => Value::Number(self.threads),
            Key::Repeat => Value::Number(self.repeat),
            Key::SwitchMs => Value::Number(self.knobs.switch_ms),
            Key::Payload => Value::Number(self.knobs.payload),
            Key::N => Value::of_number(self.workload.fib_n()),
            Key::Tasks => Value::of_number(match &self.workload {
                WorkloadConfig::Fib(f) => Some(f.tasks),
                _ => None,
            }),
            Key::Increments => Value::of_number(match &self.workload {
                WorkloadConfig::Race(r) => Some(r.increments),
                _ => None,
            }),
            Key::Requests => Value::of_number(requests.map(|r| r.requests)),
            Key::Latency => Value::of_number(requests.map(|r| r.latency_ms)),
            Key::Jitter => Value::of_number(requests.map(|r| r.jitter_ms)),
            Key::Url => requests
                .and_then(|r| r.url.clone())
                .map_or(Value::Absent, Value::Text),
            Key::Concurrency => Value::of_number(fetch.and_then(|f| f.concurrency)),
            Key::BlockMs => Value::of_number(fetch.and_then(|f| f.block_ms)),
        }
    }

    /// The settings that apply to this experiment and have a value, in the
    /// URL's order ([`QUERY_ORDER`]): what the URL and the results echo say.
    pub fn values(&self) -> Vec<(Key, Value)> {
        let workload = self.workload.kind();
        QUERY_ORDER
            .into_iter()
            .filter(|k| k.applies(workload, &self.models))
            .map(|k| (k, self.value(k)))
            .filter(|(_, v)| *v != Value::Absent)
            .collect()
    }
}

impl Key {
    /// The table's default for this key in `workload`, with one thread
    /// per core for `default_threads` cores.
    pub fn default_value(self, workload: Workload, default_threads: u32) -> Value {
        match self.spec().kind {
            Kind::Workload { default } => Value::Workload(default),
            Kind::Models { default } => Value::Models(default.to_vec()),
            Kind::Number { range, default } => Value::Number(match default {
                Start::Fixed(n) => n,
                Start::Cores => default_threads.clamp(range.min, range.max),
                Start::ByWorkload(usual, by) => by
                    .iter()
                    .find(|(w, _)| *w == workload)
                    .map_or(usual, |(_, n)| *n),
            }),
            Kind::Optional { .. } | Kind::Url => Value::Absent,
        }
    }
}
