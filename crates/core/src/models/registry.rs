//! The model registry: the one table that says, for every model, which
//! workloads it runs, where it runs each of them, what it needs from the
//! browser and how its fetch time is predicted; and, as data beside it
//! (`models.en.json`, editable and translatable like the lessons), its
//! label, its help text per workload, its prediction rule in words and why
//! its time is what it is (the clause the results' explanation uses).
//!
//! The engine worker, the page-side runner, the predictions, the settings
//! form and the results read it; none of them lists models itself. Pure: no
//! web APIs. Adding a model: see the README's "Adding a model".

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::vocab::{ModelId, ModelPlace, Workload};
use crate::workloads::fetch::{makespan, FetchPlan};

/// The English model texts, compiled in.
const MODELS_EN: &str = include_str!("models.en.json");

/// How many levels of the `async` model's fib recursion await (each level
/// doubles the awaits). Read by `async_tasks` and by its help text.
pub const YIELD_DEPTH: u32 = 6;

/// The form's help for a model that does not apply to the workload.
pub const NOT_PART_HELP: &str = "Not part of this workload (reported as skipped).";

/// Where a model runs one workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// On the engine worker's own thread (its loop or event loop).
    Engine,
    /// In the engine, using its rayon pool (it fails without the pool).
    EnginePool,
    /// On the page's event loop, awaiting, never blocking.
    Page,
    /// On the page's own thread, blocking it on purpose.
    PageBlocking,
    /// In isolated process workers, one task per message.
    ProcessWorkers,
}

impl Placement {
    /// True when the engine worker runs it (Stop then replaces the engine).
    pub fn in_engine(self) -> bool {
        matches!(self, Placement::Engine | Placement::EnginePool)
    }
}

/// How many requests a model has in flight at once: the fetch prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InFlight {
    /// One by one: the sum of every delay.
    One,
    /// One per thread (or process): the delays shared out over `threads`.
    Threads,
    /// All at once, or at most the `concurrency` cap.
    Concurrency,
}

impl InFlight {
    /// The number of requests in flight for a pool of `threads` and an
    /// optional `concurrency` cap.
    pub fn lanes(self, threads: u32, concurrency: Option<u32>) -> u32 {
        match self {
            InFlight::One => 1,
            InFlight::Threads => threads,
            InFlight::Concurrency => concurrency.unwrap_or(u32::MAX),
        }
    }
}

/// One model's entry: what the code needs to know about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelSpec {
    pub id: ModelId,
    /// What it needs from the browser (shared memory or one thread).
    pub needs: ModelPlace,
    /// Where it runs each workload it supports; a workload not listed is
    /// reported as skipped.
    pub runs: &'static [(Workload, Placement)],
    /// Requests in flight at once, for the fetch prediction.
    pub in_flight: InFlight,
}

/// Every model, in the order the UI lists them.
pub const MODELS: [ModelSpec; 6] = [
    ModelSpec {
        id: ModelId::Sequential,
        needs: ModelPlace::SingleThread,
        runs: &[
            (Workload::Fib, Placement::Engine),
            (Workload::Fetch, Placement::Page),
            (Workload::Race, Placement::Engine),
            (Workload::Pipeline, Placement::Engine),
        ],
        in_flight: InFlight::One,
    },
    ModelSpec {
        id: ModelId::Threads,
        needs: ModelPlace::SharedMemoryThreads,
        runs: &[
            (Workload::Fib, Placement::EnginePool),
            (Workload::Fetch, Placement::EnginePool),
            (Workload::Race, Placement::EnginePool),
            (Workload::Pipeline, Placement::EnginePool),
            (Workload::Convoy, Placement::EnginePool),
        ],
        in_flight: InFlight::Threads,
    },
    ModelSpec {
        id: ModelId::Async,
        needs: ModelPlace::SingleThread,
        runs: &[
            (Workload::Fib, Placement::Engine),
            (Workload::Fetch, Placement::Page),
            // The event loop fetches; the pool computes (run_in_executor).
            (Workload::Pipeline, Placement::EnginePool),
        ],
        in_flight: InFlight::Concurrency,
    },
    ModelSpec {
        id: ModelId::Gil,
        needs: ModelPlace::SharedMemoryThreads,
        runs: &[
            (Workload::Fib, Placement::EnginePool),
            (Workload::Fetch, Placement::EnginePool),
            (Workload::Convoy, Placement::EnginePool),
        ],
        // The GIL is released while waiting: I/O overlaps as on plain threads.
        in_flight: InFlight::Threads,
    },
    ModelSpec {
        id: ModelId::Processes,
        needs: ModelPlace::SingleThread,
        runs: &[
            (Workload::Fib, Placement::ProcessWorkers),
            (Workload::Fetch, Placement::ProcessWorkers),
        ],
        in_flight: InFlight::Threads,
    },
    ModelSpec {
        id: ModelId::MainThread,
        needs: ModelPlace::SingleThread,
        runs: &[
            (Workload::Fib, Placement::PageBlocking),
            (Workload::Fetch, Placement::PageBlocking),
        ],
        in_flight: InFlight::One,
    },
];

/// A model's texts, as in `models.en.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelText {
    pub label: String,
    /// A shorter label for a chart's label column, where `label` is longer
    /// than [`CHART_LABEL_CHARS`].
    #[serde(default)]
    pub short: Option<String>,
    /// How its fetch prediction is made, in words.
    pub prediction_rule: String,
    /// Help per supported workload (`{yield_depth}` and `{awaits_per_task}`
    /// are filled in).
    pub help: BTreeMap<Workload, String>,
    /// Why the model's time is what it is under a workload, as a clause
    /// (lower case, no full stop) that `teach::explain_models` puts after
    /// the measured numbers. Only where the explanation has a sentence.
    #[serde(default)]
    pub why: BTreeMap<Workload, String>,
}

/// The most characters a label may have in the comparison chart's label
/// column (170 of its 640 units at 12 px, `ui::components::comparison_chart`).
pub const CHART_LABEL_CHARS: usize = 24;

/// Every model's texts. Parsed once.
pub fn texts() -> &'static BTreeMap<ModelId, ModelText> {
    static TEXTS: OnceLock<BTreeMap<ModelId, ModelText>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        // The JSON is ours and compiled in; `tests::every_model_has_texts` proves it.
        let mut texts: BTreeMap<ModelId, ModelText> =
            serde_json::from_str(MODELS_EN).expect("models.en.json is valid");
        for text in texts.values_mut() {
            for help in text.help.values_mut() {
                *help = help
                    .replace("{yield_depth}", &YIELD_DEPTH.to_string())
                    .replace("{awaits_per_task}", &(1u32 << YIELD_DEPTH).to_string());
            }
        }
        texts
    })
}

/// The registry entry of `model`.
pub fn spec(model: ModelId) -> &'static ModelSpec {
    MODELS
        .iter()
        .find(|s| s.id == model)
        .expect("every ModelId has a registry entry (tests::every_model_is_registered)")
}

/// The texts of `model`.
fn text(model: ModelId) -> &'static ModelText {
    texts()
        .get(&model)
        .expect("every model has texts (tests::every_model_has_texts)")
}

impl ModelSpec {
    /// Where this model runs `workload`; `None` when it does not apply.
    pub fn placement(&self, workload: Workload) -> Option<Placement> {
        self.runs
            .iter()
            .find(|(w, _)| *w == workload)
            .map(|(_, p)| *p)
    }
}

impl ModelId {
    /// A short human label.
    pub fn label(self) -> &'static str {
        &text(self).label
    }

    /// The label for a chart's label column: `label`, or its short form
    /// where `label` would not fit.
    pub fn chart_label(self) -> &'static str {
        text(self).short.as_deref().unwrap_or(self.label())
    }

    /// What the model needs from the browser.
    pub fn place(self) -> ModelPlace {
        spec(self).needs
    }

    /// Where the model runs `workload`; `None` when it does not apply.
    pub fn placement(self, workload: Workload) -> Option<Placement> {
        spec(self).placement(workload)
    }

    /// True when the model runs `workload` in the engine worker.
    pub fn runs_in_engine(self, workload: Workload) -> bool {
        self.placement(workload).is_some_and(Placement::in_engine)
    }

    /// The settings form's help for this model under `workload`.
    pub fn help(self, workload: Workload) -> &'static str {
        text(self)
            .help
            .get(&workload)
            .map_or(NOT_PART_HELP, String::as_str)
    }

    /// Why the model's time is what it is under `workload` (a clause; see
    /// [`ModelText::why`]), if its explanation has a sentence for it.
    pub fn why(self, workload: Workload) -> Option<&'static str> {
        text(self).why.get(&workload).map(String::as_str)
    }

    /// How the model's fetch prediction is made, in words.
    pub fn prediction_rule(self) -> &'static str {
        &text(self).prediction_rule
    }
}

impl ModelId {
    /// What the model's fetch should take if waiting were all there is:
    /// the planned delays shared out over the requests it has in flight at
    /// once (`threads`, or the `concurrency` cap). A blocking call on the
    /// event loop (`block_ms`) holds every request behind it, so a model
    /// on one event loop pays it first. `None` for a user's own URL (no
    /// planned delays).
    pub fn predict_fetch_ms(
        self,
        plan: &FetchPlan,
        threads: u32,
        concurrency: Option<u32>,
        block_ms: Option<u32>,
    ) -> Option<f64> {
        let delays = plan.delays()?;
        let in_flight = spec(self).in_flight;
        let waits = makespan(&delays, in_flight.lanes(threads, concurrency));
        let blocked = match in_flight {
            InFlight::Concurrency => block_ms.map_or(0.0, f64::from),
            InFlight::One | InFlight::Threads => 0.0,
        };
        Some(waits + blocked)
    }
}

impl Workload {
    /// Does `model` apply to this workload?
    pub fn supports(self, model: ModelId) -> bool {
        model.placement(self).is_some()
    }
}

#[cfg(test)]
#[path = "registry_tests.rs"]
mod tests;
