//! The settings form: workload parameters, model choice and the Run button.
//! Fields emit raw text; validation happens in the reducer.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::config::{Range, LIMITS};
use crate::models::async_fib::YIELD_DEPTH;
use crate::models::ModelId;
use crate::ui::state::AppState;

#[derive(Properties, PartialEq)]
pub struct SettingsFormProps {
    pub state: UseReducerHandle<AppState>,
    /// (key, raw text)
    pub on_field: Callback<(String, String)>,
    pub on_toggle: Callback<ModelId>,
    pub on_run: Callback<()>,
}

/// The form. Every field shows what the reducer holds.
#[function_component(SettingsForm)]
pub fn settings_form(props: &SettingsFormProps) -> Html {
    let state = &props.state;
    let number = |key: &'static str, label: &'static str, range: Range, help: String| {
        let on_field = props.on_field.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_field.emit((key.to_owned(), input.value()));
        });
        let invalid = state.errors.iter().any(|(k, _)| k == key);
        html! {
            <label class="field">
                <span class="label">{ label }</span>
                <input
                    type="number"
                    inputmode="numeric"
                    data-testid={format!("field-{key}")}
                    min={range.min.to_string()}
                    max={range.max.to_string()}
                    value={state.field(key).to_owned()}
                    aria-invalid={invalid.to_string()}
                    {oninput}
                />
                <span class="help">{ help }</span>
            </label>
        }
    };
    let selected = &state.settings.models;
    let model_box = |model: ModelId| {
        let on_toggle = props.on_toggle.clone();
        let onchange = Callback::from(move |_: Event| on_toggle.emit(model));
        html! {
            <label class="model-choice">
                <input
                    type="checkbox"
                    data-testid={format!("model-{}", model.as_str())}
                    checked={selected.contains(&model)}
                    {onchange}
                />
                <span>
                    <strong>{ model.label() }</strong>
                    <span class="help">{ model_help(model) }</span>
                </span>
            </label>
        }
    };
    let on_run = props.on_run.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        on_run.emit(());
    });
    html! {
        <form class="panel settings" {onsubmit} aria-labelledby="settings-title">
            <h2 id="settings-title">{ "Experiment: CPU-bound fib" }</h2>
            <p class="note">
                { "Each task computes the recursive fib(n), as in the classic Python experiment \
                   (20 x fib(35)). Pure computation: it keeps one core busy." }
            </p>
            <div class="fields">
                { number("n", "fib n", LIMITS.n, format!("{}-{}", LIMITS.n.min, LIMITS.n.max)) }
                { number("tasks", "Tasks", LIMITS.tasks, format!("{}-{}", LIMITS.tasks.min, LIMITS.tasks.max)) }
                { number("threads", "Threads", LIMITS.threads,
                    format!("{}-{}; this machine has {} cores", LIMITS.threads.min, LIMITS.threads.max, state.default_threads)) }
                { number("repeat", "Runs per model", LIMITS.repeat,
                    format!("{}-{}; median and spread are reported", LIMITS.repeat.min, LIMITS.repeat.max)) }
            </div>
            <fieldset class="models">
                <legend>{ "Models (in run order)" }</legend>
                { for ModelId::ALL.into_iter().map(model_box) }
            </fieldset>
            <button type="submit" class="run" data-testid="run" disabled={!state.can_run()}>
                { if state.running() { "Running…" } else { "Run" } }
            </button>
        </form>
    }
}

fn model_help(model: ModelId) -> String {
    match model {
        ModelId::Sequential => "One loop in the engine worker: one task after another.".to_owned(),
        ModelId::Threads => "rayon spreads the tasks over a pool of Web Worker threads that \
                             share memory: true parallelism, no GIL."
            .to_owned(),
        ModelId::Async => format!(
            "All tasks as futures on the engine's one event loop, each awaiting at the top \
             {YIELD_DEPTH} levels of its recursion ({} awaits per task): they take turns, \
             like CPU work under asyncio.",
            1u32 << YIELD_DEPTH
        ),
    }
}
