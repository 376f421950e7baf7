//! The model registry: what the code asks of a model, read from its entry
//! (`vocab::model`'s one list: what it needs, where it runs each workload,
//! how many requests it has in flight) and from its texts
//! (`models.en.json`, editable and translatable like the lessons: its
//! label, its help per workload, its prediction rule in words and why its
//! time is what it is, the clause the results' explanation uses).
//!
//! The engine worker, the page-side runner, the predictions, the settings
//! form and the results read it; none of them lists models itself. Pure: no
//! web APIs. Adding a model: see docs/architecture.md, "Adding a model".

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::vocab::{ModelId, ModelNeeds, Workload};
use crate::workloads::fetch::{makespan, FetchPlan};

/// The English model texts, compiled in.
const MODELS_EN: &str = include_str!("models.en.json");

/// How many levels of the `async` model's fib recursion await (each level
/// doubles the awaits). Read by `async_tasks` and by its help text.
pub const YIELD_DEPTH: u32 = 6;

/// The form's help for a model that does not apply to the workload.
pub const NOT_PART_HELP: &str = "Not part of this workload (reported as skipped).";

pub use crate::vocab::{InFlight, ModelSpec, Placement, MODELS};

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
    pub fn place(self) -> ModelNeeds {
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
