//! The app shell: owns the state (reducer), the engine, the responsiveness
//! meter and the Stop signal; wires callbacks to components; keeps the
//! address bar in step with the settings; talks to an embedding page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;
use futures::FutureExt;
use yew::prelude::*;

use super::browser;
use super::components::{
    EnvironmentPanel, ErrorList, ExportFormat, IsolationBanner, LessonPanel, ResultsView,
    RunStatus, SettingsForm, SharePanel, SweepPanel,
};
use super::isolation;
use super::meter::Meter;
use super::runner::{self, EngineSlot, RunContext};
use super::server;
use super::state::{Action, AppState, PoolStatus, RunPhase, ServerStatus};
use crate::config::to_query;
use crate::models::ModelId;
use crate::report::to_csv;
use crate::teach::{Prediction, Progress};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().reduce(action))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state =
        use_reducer(|| AppState::from_query(&browser::query(), browser::hardware_concurrency()));
    let engine: EngineSlot = use_mut_ref(|| None).clone();
    let meter: Rc<RefCell<Option<Rc<Meter>>>> = use_mut_ref(|| None);
    let stop: Rc<RefCell<Option<oneshot::Sender<()>>>> = use_mut_ref(|| None);
    let autorun_done = use_mut_ref(|| Cell::new(false));
    let progress = use_state(browser::load_progress);
    let announced = use_mut_ref(|| Cell::new(false));

    let dispatch: Rc<dyn Fn(Action)> = {
        let d = state.dispatcher();
        Rc::new(move |a| d.dispatch(a))
    };

    // When the page loads: start the responsiveness meter and the simulated
    // server, then the engine (and its pool), so that the engine's threads
    // are served by the same server; report size changes to an embedder.
    {
        let (engine, dispatch, threads) =
            (engine.clone(), dispatch.clone(), state.settings.threads);
        let meter = meter.clone();
        use_effect_with((), move |_| {
            *meter.borrow_mut() = Some(Rc::new(Meter::start()));
            let resize = browser::report_resizes();
            wasm_bindgen_futures::spawn_local(async move {
                match server::start().await {
                    Ok(control) => {
                        if server::reload_for_isolation(control) == server::Next::Reloading {
                            return;
                        }
                        isolation::detect(Ok(control)).await;
                        dispatch(Action::ServerReady);
                    }
                    Err(e) => {
                        isolation::detect(Err(&e)).await;
                        dispatch(Action::ServerFailed {
                            reason: e.to_string(),
                        });
                    }
                }
                runner::start_engine(&engine, threads, dispatch);
            });
            move || drop(resize)
        });
    }

    // Keep the address bar in step with the settings: the link is shareable.
    use_effect_with(state.settings.clone(), |s| {
        browser::replace_query(&to_query(s))
    });

    // What a run or a sweep needs; `None` until the page has started (or
    // while something already runs). Arms the Stop button.
    let new_context: Rc<dyn Fn() -> Option<RunContext>> = {
        let (state, engine, dispatch) = (state.clone(), engine.clone(), dispatch.clone());
        let (meter, stop) = (meter.clone(), stop.clone());
        Rc::new(move || {
            let meter = meter.borrow().clone()?;
            if !state.can_run() {
                return None;
            }
            let (tx, rx) = oneshot::channel();
            *stop.borrow_mut() = Some(tx);
            Some(RunContext {
                slot: engine.clone(),
                server: match &state.server {
                    ServerStatus::Ready => Ok(()),
                    ServerStatus::Starting => Err("it is still starting".to_owned()),
                    ServerStatus::Unavailable { reason } => Err(reason.clone()),
                },
                dispatch: dispatch.clone(),
                meter,
                cancel: rx.shared(),
            })
        })
    };
    let start_run: Rc<dyn Fn()> = {
        let (settings, new_context) = (state.settings.clone(), new_context.clone());
        Rc::new(move || {
            if let Some(ctx) = new_context() {
                let settings = settings.clone();
                wasm_bindgen_futures::spawn_local(runner::run_experiment(settings, ctx).map(drop));
            }
        })
    };
    let on_sweep = {
        let settings = state.settings.clone();
        Callback::from(move |(model, max): (ModelId, u32)| {
            if let Some(ctx) = new_context() {
                let settings = settings.clone();
                wasm_bindgen_futures::spawn_local(runner::run_sweep(settings, model, max, ctx));
            }
        })
    };

    // Once the pool has settled: tell an embedding page, and honour autorun.
    {
        let (start_run, pool) = (start_run.clone(), state.pool.clone());
        let autorun = state.settings.autorun;
        let (autorun_done, announced) = (autorun_done.clone(), announced.clone());
        use_effect_with(pool, move |pool| {
            if *pool != PoolStatus::Starting {
                if !announced.borrow().replace(true) {
                    browser::post_to_parent("ready", None);
                }
                if autorun && !autorun_done.borrow().replace(true) {
                    start_run();
                }
            }
        });
    }

    let on_field = {
        let d = state.dispatcher();
        Callback::from(move |(key, value): (String, String)| {
            d.dispatch(Action::SetField { key, value })
        })
    };
    let on_toggle = {
        let d = state.dispatcher();
        Callback::from(move |m: ModelId| d.dispatch(Action::ToggleModel(m)))
    };
    let on_run = Callback::from(move |_| start_run());
    let on_stop = {
        let d = state.dispatcher();
        Callback::from(move |_| {
            if let Some(tx) = stop.borrow_mut().take() {
                d.dispatch(Action::StopRequested);
                // The run may have just finished; then there is nothing to stop.
                let _ = tx.send(());
            }
        })
    };
    let on_download = {
        let results = state.results.clone();
        Callback::from(move |format: ExportFormat| {
            let Some(r) = &results else {
                return;
            };
            match format {
                ExportFormat::Json => browser::download(
                    "concurrency-playground-results.json",
                    "application/json",
                    &r.to_json_pretty(),
                ),
                ExportFormat::Csv => match to_csv(r) {
                    Ok(text) => {
                        browser::download("concurrency-playground-results.csv", "text/csv", &text)
                    }
                    Err(e) => web_sys::console::error_1(&format!("CSV export failed: {e}").into()),
                },
            }
        })
    };

    // A finished run of an open lesson counts as done.
    {
        let (progress, state) = (progress.clone(), state.clone());
        use_effect_with(state.phase.clone(), move |phase| {
            if let (RunPhase::Finished, Some(id), Some(results)) =
                (phase, &state.settings.lesson, &state.results)
            {
                let mut p = (*progress).clone();
                p.ran(id, results);
                browser::save_progress(&p);
                progress.set(p);
            }
        });
    }
    let on_open = {
        let d = state.dispatcher();
        Callback::from(move |id: Option<String>| d.dispatch(Action::OpenLesson(id)))
    };
    let on_predict = {
        let (progress, lesson) = (progress.clone(), state.settings.lesson.clone());
        Callback::from(move |prediction: Prediction| {
            if let Some(id) = &lesson {
                let mut p = (*progress).clone();
                p.predict(id, prediction);
                browser::save_progress(&p);
                progress.set(p);
            }
        })
    };
    let on_reset = {
        let progress = progress.clone();
        Callback::from(move |_| {
            browser::save_progress(&Progress::default());
            progress.set(Progress::default());
        })
    };

    let embed = state.settings.embed;
    html! {
        <main class={classes!("app", embed.then_some("embed"))}>
            <header class="masthead">
                <h1>{ "Concurrency Playground" }</h1>
                if embed {
                    <a class="open-full" href={browser::full_playground_url()} target="_blank" rel="noopener">
                        { "Open the full playground ↗" }
                    </a>
                } else {
                    <p class="lede">
                        { "Run the same work one after another, on threads, and on one event loop. \
                           Measure which model wins on your machine, and see why." }
                    </p>
                }
            </header>
            <IsolationBanner pool={state.pool.clone()} />
            if !embed || state.settings.lesson.is_some() {
                <LessonPanel state={state.clone()} progress={(*progress).clone()} {on_open} {on_predict} {on_reset} />
            }
            <ErrorList errors={state.errors.clone()} />
            <div class="layout">
                <SettingsForm state={state.clone()} {on_field} {on_toggle} {on_run} />
                <div class="side">
                    <EnvironmentPanel state={state.clone()} />
                    if !embed {
                        <SharePanel />
                    }
                </div>
            </div>
            <RunStatus state={state.clone()} {on_stop} />
            if let Some(results) = &state.results {
                <ResultsView
                    results={results.clone()}
                    finished={!state.running()}
                    {on_download}
                />
            }
            if !embed {
                <SweepPanel state={state.clone()} {on_sweep} />
            }
        </main>
    }
}
