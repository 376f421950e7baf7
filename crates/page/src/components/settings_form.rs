//! The settings form: the workload and its parameters, the models and the
//! Run button. Every field is drawn by one function from its row of the
//! settings table (`config::SETTINGS`: label, help, range, input, where it
//! applies), in `FORM_ORDER`. Fields emit raw text; validation happens in
//! the reducer.
//! Also the pieces the compact embed form reuses (`embed_form`): the
//! fields a page shows (`controls`), read-only when the page is locked.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use playground_core::config::{Input, Key, RawSettings, Workload, FORM_ORDER};
use playground_core::models::ModelId;

#[derive(Properties, PartialEq)]
pub struct SettingsFormProps {
    /// The form's raw text, by key.
    pub form: RawSettings,
    /// `(key, message)` of rejected settings.
    pub errors: Vec<(String, String)>,
    /// The valid workload and models (what the form shows as chosen).
    pub workload: Workload,
    pub models: Vec<ModelId>,
    /// Logical cores the browser reports.
    pub cores: u32,
    pub can_run: bool,
    pub running: bool,
    /// (setting, raw text)
    pub on_field: Callback<(Key, String)>,
    pub on_toggle: Callback<ModelId>,
    pub on_run: Callback<()>,
    /// A pointer pressed on Run, or Run focused: a run is coming (the page
    /// may start the engine now, so that the click waits less).
    #[prop_or_default]
    pub on_intent: Callback<()>,
    /// Which controls show (`None`: every one).
    #[prop_or_default]
    pub shown: Option<Vec<Key>>,
    /// The page is locked: every control is read-only (Run stays).
    #[prop_or_default]
    pub locked: bool,
}

impl SettingsFormProps {
    /// Whether the control for setting `key` shows.
    pub fn shows(&self, key: Key) -> bool {
        self.shown.as_ref().is_none_or(|list| list.contains(&key))
    }
}

/// The labelled input of setting `key`, as its table row says; nothing
/// when it is not shown or does not apply to the workload and models.
fn field(props: &SettingsFormProps, key: Key) -> Html {
    let spec = key.spec();
    if !props.shows(key) || !key.applies(props.workload, &props.models) {
        return Html::default();
    }
    let kind = spec.input.input_type();
    let range = spec.range();
    let on_field = props.on_field.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_field.emit((key, input.value()));
    });
    let invalid = props.errors.iter().any(|(k, _)| k == key.as_str());
    html! {
        <label class={classes!("field", (spec.input == Input::Url).then_some("wide"))}>
            <span class="label">{ spec.label.for_workload(props.workload) }</span>
            <input
                type={kind}
                inputmode={(spec.input == Input::Number).then_some("numeric")}
                data-testid={format!("field-{key}")}
                min={range.map(|r| r.min.to_string())}
                max={range.map(|r| r.max.to_string())}
                value={props.form.get(key.as_str()).unwrap_or("").to_owned()}
                aria-invalid={invalid.to_string()}
                disabled={props.locked}
                {oninput}
            />
            <span class="help">{ spec.help(props.workload, props.cores) }</span>
        </label>
    }
}

/// One model's checkbox, with what the model does in this workload.
fn model_box(props: &SettingsFormProps, model: ModelId) -> Html {
    let on_toggle = props.on_toggle.clone();
    let onchange = Callback::from(move |_: Event| on_toggle.emit(model));
    html! {
        <label class="model-choice">
            <input
                type="checkbox"
                data-testid={format!("model-{}", model.as_str())}
                checked={props.models.contains(&model)}
                disabled={props.locked}
                {onchange}
            />
            <span>
                <strong>{ model.label() }</strong>
                <span class="help">{ model.help(props.workload) }</span>
            </span>
        </label>
    }
}

/// The workload chooser (empty when `workload` is not shown).
pub(super) fn workload_select(props: &SettingsFormProps) -> Html {
    if !props.shows(Key::Workload) {
        return Html::default();
    }
    let workload = props.workload;
    let on_field = props.on_field.clone();
    let on_workload = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        on_field.emit((Key::Workload, select.value()));
    });
    html! {
        <label class="workload">
            <span class="label">{ format!("{} ", Key::Workload.spec().label.text) }</span>
            <select data-testid={format!("field-{}", Key::Workload)} onchange={on_workload} disabled={props.locked}>
                { for Workload::ALL.into_iter().map(|w| html! {
                    <option value={w.as_str()} selected={workload == w}>{ workload_label(w) }</option>
                }) }
            </select>
        </label>
    }
}

/// The experiment's title, what it does, and its fields (those shown and
/// applying, in `FORM_ORDER`): the workload's own, then threads, runs and
/// the chosen models' knobs.
pub(super) fn experiment(props: &SettingsFormProps) -> (&'static str, &'static str, Html) {
    let (title, intro) = match props.workload {
        Workload::Fib => (
            "Experiment: CPU-bound fib",
            "Each task computes the recursive fib(n), as in the classic Python experiment \
             (20 x fib(35)). Pure computation: it keeps one core busy.",
        ),
        Workload::Race => (
            "Experiment: a race on shared state",
            "Every thread adds 1 to a shared counter, many times: once without a lock (read, \
             then write back), once with an atomic add, once with a mutex. Count what arrives.",
        ),
        Workload::Pipeline => (
            "Experiment: fetch, then compute",
            "Each item is downloaded from the slow server, then fib(n) is computed on it: \
             waiting and computing in one program.",
        ),
        Workload::Fetch => (
            "Experiment: I/O-bound fetch",
            "Each task downloads a page from a slow server that answers after the latency \
             (plus seeded random jitter). Pure waiting: the CPU is idle.",
        ),
        Workload::Convoy => (
            "Experiment: the convoy effect",
            "One I/O thread makes short requests to the slow server, first alone, then beside \
             threads - 1 CPU-bound threads computing fib. With a GIL it must win the lock back \
             after every request; without one it need not.",
        ),
    };
    let fields = html! { <>{ for FORM_ORDER.into_iter().map(|k| field(props, k)) }</> };
    (title, intro, fields)
}

/// The submit handler: Run without leaving the page.
pub(super) fn on_submit(props: &SettingsFormProps) -> Callback<SubmitEvent> {
    let on_run = props.on_run.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        on_run.emit(());
    })
}

/// The Run button (a submit button: Enter in a field runs too).
pub(super) fn run_button(props: &SettingsFormProps) -> Html {
    let on_intent = props.on_intent.clone();
    let onpointerdown = {
        let on_intent = on_intent.clone();
        Callback::from(move |_: PointerEvent| on_intent.emit(()))
    };
    let onfocus = Callback::from(move |_: FocusEvent| on_intent.emit(()));
    html! {
        <button type="submit" class="run" data-testid="run" disabled={!props.can_run}
                {onpointerdown} {onfocus}>
            { if props.running { "Running…" } else { "Run" } }
        </button>
    }
}

/// The form. Every field shows what the reducer holds.
#[function_component(SettingsForm)]
pub fn settings_form(props: &SettingsFormProps) -> Html {
    let (title, intro, fields) = experiment(props);
    html! {
        <form class="panel settings" onsubmit={on_submit(props)} aria-labelledby="settings-title">
            <div class="form-head">
                <h2 id="settings-title">{ title }</h2>
                { workload_select(props) }
            </div>
            <p class="note">{ intro }</p>
            <div class="fields">{ fields }</div>
            if props.shows(Key::Models) {
                <fieldset class="models">
                    <legend>{ Key::Models.spec().label.text }</legend>
                    { for ModelId::ALL.into_iter().map(|m| model_box(props, m)) }
                </fieldset>
            }
            <div class="run-bar">{ run_button(props) }</div>
        </form>
    }
}

pub(super) fn workload_label(w: Workload) -> &'static str {
    match w {
        Workload::Fib => "CPU: fib",
        Workload::Fetch => "I/O: fetch",
        Workload::Race => "Shared state: race",
        Workload::Pipeline => "Mixed: fetch + compute",
        Workload::Convoy => "GIL: the convoy effect",
    }
}
