//! The settings form: the workload and its parameters, the models and the
//! Run button. Fields emit raw text; validation happens in the reducer.
//! Also the pieces the compact embed form reuses (`embed_form`): the
//! fields a page shows (`controls`), read-only when the page is locked.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use playground_core::config::{Control, RawSettings};
use playground_core::config::{Range, Workload, LIMITS};
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
    /// (key, raw text)
    pub on_field: Callback<(String, String)>,
    pub on_toggle: Callback<ModelId>,
    pub on_run: Callback<()>,
    /// A pointer pressed on Run, or Run focused: a run is coming (the page
    /// may start the engine now, so that the click waits less).
    #[prop_or_default]
    pub on_intent: Callback<()>,
    /// Which controls show (`None`: every one).
    #[prop_or_default]
    pub shown: Option<Vec<Control>>,
    /// The page is locked: every control is read-only (Run stays).
    #[prop_or_default]
    pub locked: bool,
}

impl SettingsFormProps {
    /// Whether the control for URL key `key` shows.
    pub fn shows(&self, key: &str) -> bool {
        match &self.shown {
            None => true,
            Some(list) => Control::parse(key).is_some_and(|c| list.contains(&c)),
        }
    }
}

/// One labelled input bound to a form key.
struct Field<'a> {
    key: &'static str,
    label: &'static str,
    help: String,
    kind: &'static str,
    range: Option<Range>,
    props: &'a SettingsFormProps,
}

impl Field<'_> {
    fn view(self) -> Html {
        let Field {
            key,
            label,
            help,
            kind,
            range,
            props,
        } = self;
        let on_field = props.on_field.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_field.emit((key.to_owned(), input.value()));
        });
        if !props.shows(key) {
            return Html::default();
        }
        let invalid = props.errors.iter().any(|(k, _)| k == key);
        html! {
            <label class={classes!("field", (kind == "url").then_some("wide"))}>
                <span class="label">{ label }</span>
                <input
                    type={kind}
                    inputmode={(kind == "number").then_some("numeric")}
                    data-testid={format!("field-{key}")}
                    min={range.map(|r| r.min.to_string())}
                    max={range.map(|r| r.max.to_string())}
                    value={props.form.get(key).unwrap_or("").to_owned()}
                    aria-invalid={invalid.to_string()}
                    disabled={props.locked}
                    {oninput}
                />
                <span class="help">{ help }</span>
            </label>
        }
    }
}

fn number(
    props: &SettingsFormProps,
    key: &'static str,
    label: &'static str,
    range: Range,
    help: String,
) -> Html {
    Field {
        key,
        label,
        help,
        kind: "number",
        range: Some(range),
        props,
    }
    .view()
}

/// Browsers' connection limit per host, for the own-URL field.
const CONNECTIONS_NOTE: &str = "Browsers open at most 6 HTTP/1.1 connections per host, so async \
     to your URL goes at most 6 at a time; the simulated server answers inside the browser and \
     has no such limit.";

fn span(r: Range) -> String {
    format!("{}-{}", r.min, r.max)
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
    if !props.shows("workload") {
        return Html::default();
    }
    let workload = props.workload;
    let on_field = props.on_field.clone();
    let on_workload = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        on_field.emit(("workload".to_owned(), select.value()));
    });
    html! {
        <label class="workload">
            <span class="label">{ "Workload " }</span>
            <select data-testid="field-workload" onchange={on_workload} disabled={props.locked}>
                { for Workload::ALL.into_iter().map(|w| html! {
                    <option value={w.as_str()} selected={workload == w}>{ workload_label(w) }</option>
                }) }
            </select>
        </label>
    }
}

/// The experiment's title, what it does, and its fields (those shown):
/// the workload's own, then threads, runs and the chosen models' knobs.
pub(super) fn experiment(props: &SettingsFormProps) -> (&'static str, &'static str, Html) {
    let cores = props.cores;
    let selected = &props.models;
    let (title, intro, fields) = match props.workload {
        Workload::Fib => (
            "Experiment: CPU-bound fib",
            "Each task computes the recursive fib(n), as in the classic Python experiment \
             (20 x fib(35)). Pure computation: it keeps one core busy.",
            html! { <>
                { number(props, "n", "fib n", LIMITS.n, span(LIMITS.n)) }
                { number(props, "tasks", "Tasks", LIMITS.tasks, span(LIMITS.tasks)) }
            </> },
        ),
        Workload::Race => (
            "Experiment: a race on shared state",
            "Every thread adds 1 to a shared counter, many times: once without a lock (read, \
             then write back), once with an atomic add, once with a mutex. Count what arrives.",
            html! { <>
                { number(props, "increments", "Additions per thread", LIMITS.increments, span(LIMITS.increments)) }
            </> },
        ),
        Workload::Pipeline => (
            "Experiment: fetch, then compute",
            "Each item is downloaded from the slow server, then fib(n) is computed on it: \
             waiting and computing in one program.",
            html! { <>
                { number(props, "requests", "Items", LIMITS.requests, span(LIMITS.requests)) }
                { number(props, "latency", "Latency (ms)", LIMITS.latency, span(LIMITS.latency)) }
                { number(props, "jitter", "Jitter (ms)", LIMITS.jitter, span(LIMITS.jitter)) }
                { number(props, "n", "fib n per item", LIMITS.n, span(LIMITS.n)) }
            </> },
        ),
        Workload::Fetch => (
            "Experiment: I/O-bound fetch",
            "Each task downloads a page from a slow server that answers after the latency \
             (plus seeded random jitter). Pure waiting: the CPU is idle.",
            html! { <>
                { number(props, "requests", "Requests", LIMITS.requests, span(LIMITS.requests)) }
                { number(props, "latency", "Latency (ms)", LIMITS.latency, span(LIMITS.latency)) }
                { number(props, "jitter", "Jitter (ms)", LIMITS.jitter, format!("{}; same link, same delays", span(LIMITS.jitter))) }
                { number(props, "concurrency", "Async: max in flight", LIMITS.concurrency,
                    format!("{}; empty = all at once", span(LIMITS.concurrency))) }
                { Field { key: "url", label: "Your own URL (optional)", kind: "url", range: None, props,
                    help: format!("Empty = the simulated server. Your server must allow CORS. {CONNECTIONS_NOTE}") }.view() }
                if selected.contains(&ModelId::Async) {
                    { number(props, "block_ms", "Async: one blocking call (ms)", LIMITS.block_ms,
                        format!("{}; empty = none. The last coroutine blocks the loop, like time.sleep() in a coroutine",
                            span(LIMITS.block_ms))) }
                }
            </> },
        ),
        Workload::Convoy => (
            "Experiment: the convoy effect",
            "One I/O thread makes short requests to the slow server, first alone, then beside \
             threads - 1 CPU-bound threads computing fib. With a GIL it must win the lock back \
             after every request; without one it need not.",
            html! { <>
                { number(props, "requests", "Requests (each phase)", LIMITS.requests, span(LIMITS.requests)) }
                { number(props, "latency", "Latency (ms)", LIMITS.latency,
                    format!("{}; short requests show the convoy best", span(LIMITS.latency))) }
            </> },
        ),
    };
    let fields = html! { <>
        { fields }
        { number(props, "threads", "Threads", LIMITS.threads,
            format!("{}; this machine has {cores} cores", span(LIMITS.threads))) }
        { number(props, "repeat", "Runs per model", LIMITS.repeat,
            format!("{}; median and spread are reported", span(LIMITS.repeat))) }
        if selected.contains(&ModelId::Gil) {
            { number(props, "switch_ms", "GIL switch interval (ms)", LIMITS.switch_ms,
                format!("{}; CPython's default is 5", span(LIMITS.switch_ms))) }
        }
        if selected.contains(&ModelId::Processes) {
            { number(props, "payload", "Payload per message (bytes)", LIMITS.payload,
                format!("{}; copied to and from each process", span(LIMITS.payload))) }
        }
    </> };
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
            if props.shows("models") {
                <fieldset class="models">
                    <legend>{ "Models (in run order)" }</legend>
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
