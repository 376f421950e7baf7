//! The typed run config: what one experiment runs, with each workload
//! carrying only its own parameters, apart from the page's flags.
//!
//! Made once from validated [`Settings`] ([`Settings::experiment`]); the URL
//! query, the results `config` echo, the fetch plan and the engine's job
//! are all derived from it. Which key applies to which workload is the
//! settings table's (`table.rs`); [`Experiment::value`] only reads a key's
//! value out of these types. Pure: no web APIs.
//!
//! Adding a workload: a variant of [`WorkloadConfig`] with its own params
//! struct and its arm in [`WorkloadConfig::task_count`]; the compiler then
//! points at every match that must learn it (values, job, form). Adding a
//! key: its table row, then a field on the params struct (or
//! [`ModelKnobs`]) and its arm in [`Experiment::value`].

use super::controls::controls_query;
use super::key::Key;
use super::settings::Settings;
use super::view::View;
use crate::vocab::{ModelId, Workload};
pub use crate::workloads::fetch::RequestParams;

/// `fib`: `tasks` independent calls of `fib(n)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FibParams {
    pub n: u32,
    pub tasks: u32,
}

/// `fetch`: requests that only wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchParams {
    pub requests: RequestParams,
    /// Cap on requests in flight for the `async` model (`None`: all).
    pub concurrency: Option<u32>,
    /// `async`: one coroutine blocks the loop this many ms (`None`: none).
    pub block_ms: Option<u32>,
}

/// `convoy`: the I/O thread's requests (to the simulated server, no
/// jitter), made alone and then beside `threads - 1` CPU threads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvoyParams {
    pub requests: RequestParams,
}

/// `race`: each thread adds 1 to shared counters `increments` times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaceParams {
    pub increments: u32,
}

/// `pipeline`: fetch each item, then compute `fib(n)` on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineParams {
    /// The items' requests. `url` is honoured as in `fetch` (a link may
    /// carry one) but, as in version 1, not written to the query or echo.
    pub requests: RequestParams,
    pub n: u32,
}

/// The workload with only its own parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkloadConfig {
    Fib(FibParams),
    Fetch(FetchParams),
    Race(RaceParams),
    Pipeline(PipelineParams),
    Convoy(ConvoyParams),
}

/// Settings of particular models, present only when the model is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelKnobs {
    /// `gil`: the switch interval, ms.
    pub switch_ms: u32,
    /// `processes`: bytes carried with each task and result.
    pub payload: u32,
}

/// One experiment: the workload, the models in run order and their knobs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Experiment {
    pub workload: WorkloadConfig,
    pub models: Vec<ModelId>,
    /// Pool size for the thread models (and process count).
    pub threads: u32,
    /// Runs per model.
    pub repeat: u32,
    pub knobs: ModelKnobs,
}

/// What the page does with the experiment, apart from running it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageFlags {
    /// The lesson the page shows.
    pub lesson: Option<String>,
    /// Start the run once loaded.
    pub autorun: bool,
    /// Compact layout for iframes.
    pub embed: bool,
    /// Embed: which controls show (`None`: the compact default set).
    pub controls: Option<Vec<Key>>,
    /// Run and Stop only: the experiment cannot be changed.
    pub lock: bool,
    /// A page other than the playground (`view=class`).
    pub view: Option<View>,
    /// Projector mode (`present=1`).
    pub present: bool,
}

impl WorkloadConfig {
    /// The workload's id.
    pub fn kind(&self) -> Workload {
        match self {
            WorkloadConfig::Fib(_) => Workload::Fib,
            WorkloadConfig::Fetch(_) => Workload::Fetch,
            WorkloadConfig::Race(_) => Workload::Race,
            WorkloadConfig::Pipeline(_) => Workload::Pipeline,
            WorkloadConfig::Convoy(_) => Workload::Convoy,
        }
    }

    /// The requests, for the workloads that fetch.
    pub fn requests(&self) -> Option<&RequestParams> {
        match self {
            WorkloadConfig::Fetch(f) => Some(&f.requests),
            WorkloadConfig::Pipeline(p) => Some(&p.requests),
            WorkloadConfig::Convoy(c) => Some(&c.requests),
            WorkloadConfig::Fib(_) | WorkloadConfig::Race(_) => None,
        }
    }

    /// The fib argument, for the workloads that compute fib.
    pub fn fib_n(&self) -> Option<u32> {
        match self {
            WorkloadConfig::Fib(f) => Some(f.n),
            WorkloadConfig::Pipeline(p) => Some(p.n),
            WorkloadConfig::Fetch(_) | WorkloadConfig::Race(_) | WorkloadConfig::Convoy(_) => None,
        }
    }

    /// How many tasks one run of a model has with `threads` threads: fib
    /// tasks, requests, or (race) one per thread for each of the counters.
    pub fn task_count(&self, threads: u32) -> u32 {
        match self {
            WorkloadConfig::Fib(f) => f.tasks,
            WorkloadConfig::Fetch(f) => f.requests.requests,
            WorkloadConfig::Pipeline(p) => p.requests.requests,
            WorkloadConfig::Race(_) => threads * 3,
            // Each request alone and beside the CPU threads, and one share
            // per CPU thread (the gil sweep adds more).
            WorkloadConfig::Convoy(c) => 2 * c.requests.requests + threads.saturating_sub(1),
        }
    }
}

impl Experiment {
    /// How many tasks one run of a model has.
    pub fn task_count(&self) -> u32 {
        self.workload.task_count(self.threads)
    }

    /// The GIL's switch interval, when `gil` is chosen.
    pub fn switch_ms(&self) -> Option<u32> {
        Key::SwitchMs
            .applies(self.workload.kind(), &self.models)
            .then_some(self.knobs.switch_ms)
    }

    /// True when a model of the run runs in the engine worker: only then
    /// does a run start (or wait for) the engine and its pool.
    pub fn needs_engine(&self) -> bool {
        let workload = self.workload.kind();
        self.models.iter().any(|m| m.runs_in_engine(workload))
    }

    /// The processes' payload, when `processes` is chosen.
    pub fn payload(&self) -> Option<u32> {
        Key::Payload
            .applies(self.workload.kind(), &self.models)
            .then_some(self.knobs.payload)
    }

    /// What the experiment runs, in a few words, for a compact page:
    /// "20 tasks of fib(35); 4 threads".
    pub fn summary(&self) -> String {
        let plural =
            |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut text = match &self.workload {
            WorkloadConfig::Fib(f) => {
                format!("{} of fib({})", plural(f.tasks, "task", "tasks"), f.n)
            }
            WorkloadConfig::Fetch(f) => match &f.requests.url {
                Some(url) => format!(
                    "{} to {url}",
                    plural(f.requests.requests, "request", "requests")
                ),
                None => format!(
                    "{}, each answered after {} ms",
                    plural(f.requests.requests, "request", "requests"),
                    f.requests.latency_ms
                ),
            },
            WorkloadConfig::Race(r) => {
                format!(
                    "{} on one counter",
                    plural(r.increments, "addition", "additions per thread")
                )
            }
            WorkloadConfig::Convoy(c) => format!(
                "an I/O thread making {} of {} ms beside CPU-bound threads",
                plural(c.requests.requests, "request", "requests"),
                c.requests.latency_ms
            ),
            WorkloadConfig::Pipeline(p) => format!(
                "{}: a {} ms download, then fib({})",
                plural(p.requests.requests, "item", "items"),
                p.requests.latency_ms,
                p.n
            ),
        };
        text.push_str(&format!("; {}", plural(self.threads, "thread", "threads")));
        if self.repeat > 1 {
            text.push_str(&format!(
                ", {} per model",
                plural(self.repeat, "run", "runs")
            ));
        }
        text
    }

    /// Every URL key of the experiment and its text, in query order (see
    /// [`Experiment::values`]).
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        self.values()
            .into_iter()
            .map(|(k, v)| (k.as_str(), v.text()))
            .collect()
    }
}

impl PageFlags {
    /// The page's URL keys: `lesson` when open; `autorun`, `embed` when on;
    /// `controls` when chosen; `lock` when on.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(lesson) = &self.lesson {
            pairs.push(("lesson", lesson.clone()));
        }
        if self.autorun {
            pairs.push(("autorun", "1".to_owned()));
        }
        if self.embed {
            pairs.push(("embed", "1".to_owned()));
        }
        if let Some(controls) = &self.controls {
            pairs.push(("controls", controls_query(controls)));
        }
        if self.lock {
            pairs.push(("lock", "1".to_owned()));
        }
        if let Some(view) = self.view {
            pairs.push(("view", view.as_str().to_owned()));
        }
        if self.present {
            pairs.push(("present", "1".to_owned()));
        }
        pairs
    }
}

impl Settings {
    /// The experiment these settings describe, each workload with only its
    /// own parameters.
    pub fn experiment(&self) -> Experiment {
        let requests = RequestParams {
            requests: self.requests,
            latency_ms: self.latency_ms,
            jitter_ms: self.jitter_ms,
            url: self.url.clone(),
        };
        let workload = match self.workload {
            Workload::Fib => WorkloadConfig::Fib(FibParams {
                n: self.n,
                tasks: self.tasks,
            }),
            Workload::Fetch => WorkloadConfig::Fetch(FetchParams {
                requests,
                concurrency: self.concurrency,
                block_ms: self.block_ms,
            }),
            Workload::Convoy => WorkloadConfig::Convoy(ConvoyParams {
                requests: RequestParams {
                    jitter_ms: 0,
                    url: None,
                    ..requests
                },
            }),
            Workload::Race => WorkloadConfig::Race(RaceParams {
                increments: self.increments,
            }),
            Workload::Pipeline => WorkloadConfig::Pipeline(PipelineParams {
                requests,
                n: self.n,
            }),
        };
        Experiment {
            workload,
            models: self.models.clone(),
            threads: self.threads,
            repeat: self.repeat,
            knobs: ModelKnobs {
                switch_ms: self.switch_ms,
                payload: self.payload,
            },
        }
    }

    /// The page's flags.
    pub fn page_flags(&self) -> PageFlags {
        PageFlags {
            lesson: self.lesson.clone(),
            autorun: self.autorun,
            embed: self.embed,
            controls: self.controls.clone(),
            lock: self.lock,
            view: self.view,
            present: self.present,
        }
    }
}
