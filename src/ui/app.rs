//! The app shell: owns the state (reducer) and the engine, wires callbacks
//! to components, keeps the address bar in step with the settings.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::{EnvironmentPanel, ErrorList, ResultsView, SettingsForm};
use super::runner::{self, EngineSlot, RunContext};
use super::server;
use super::state::{Action, AppState, PoolStatus, RunPhase, ServerStatus};
use crate::config::to_query;
use crate::models::ModelId;

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
    let autorun_done = use_mut_ref(|| Cell::new(false));
    let announced = use_mut_ref(|| Cell::new(false));

    let dispatch: Rc<dyn Fn(Action)> = {
        let d = state.dispatcher();
        Rc::new(move |a| d.dispatch(a))
    };

    // When the page loads: start the simulated server, then the engine (and
    // its pool), so the engine's threads are served by the same server.
    {
        let (engine, dispatch, threads) =
            (engine.clone(), dispatch.clone(), state.settings.threads);
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match server::start().await {
                    Ok(()) => dispatch(Action::ServerReady),
                    Err(reason) => dispatch(Action::ServerFailed { reason }),
                }
                runner::start_engine(&engine, threads, dispatch);
            });
        });
    }

    // Keep the address bar in step with the settings: the link is shareable.
    use_effect_with(state.settings.clone(), |s| {
        browser::replace_query(&to_query(s))
    });

    let start_run: Rc<dyn Fn()> = {
        let (state, engine, dispatch) = (state.clone(), engine.clone(), dispatch.clone());
        Rc::new(move || {
            if state.running() {
                return;
            }
            let ctx = RunContext {
                slot: engine.clone(),
                server: match &state.server {
                    ServerStatus::Ready => Ok(()),
                    ServerStatus::Starting => Err("it is still starting".to_owned()),
                    ServerStatus::Unavailable { reason } => Err(reason.clone()),
                },
                dispatch: dispatch.clone(),
            };
            let settings = state.settings.clone();
            wasm_bindgen_futures::spawn_local(async move {
                runner::run_experiment(settings, ctx).await;
            });
        })
    };

    // Once the pool has settled: tell an embedding page, and honour autorun.
    {
        let (start_run, pool, autorun) = (
            start_run.clone(),
            state.pool.clone(),
            state.settings.autorun,
        );
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
    let on_download = {
        let results = state.results.clone();
        Callback::from(move |_| {
            if let Some(r) = &results {
                browser::download(
                    "concurrency-playground-results.json",
                    "application/json",
                    &r.to_json_pretty(),
                );
            }
        })
    };

    let phase = match state.phase {
        RunPhase::Idle => "idle",
        RunPhase::Running { .. } => "running",
        RunPhase::Finished => "finished",
    };
    let class = if state.settings.embed {
        "app embed"
    } else {
        "app"
    };
    html! {
        <main class={class}>
            <header class="masthead">
                <h1>{ "Concurrency Playground" }</h1>
                <p class="lede">
                    { "Run the same work one after another, on threads, and on one event loop. \
                       Measure which model wins on your machine, and see why." }
                </p>
            </header>
            <ErrorList errors={state.errors.clone()} />
            <div class="layout">
                <SettingsForm
                    state={state.clone()}
                    {on_field}
                    {on_toggle}
                    {on_run}
                />
                <EnvironmentPanel state={state.clone()} />
            </div>
            <div data-testid="run-phase" data-phase={phase} class="phase" aria-live="polite">
                { phase_text(&state.phase) }
            </div>
            if let Some(results) = &state.results {
                <ResultsView
                    results={results.clone()}
                    finished={state.phase == RunPhase::Finished}
                    {on_download}
                />
            }
        </main>
    }
}

fn phase_text(phase: &RunPhase) -> String {
    match phase {
        RunPhase::Idle => "Choose settings and press Run.".to_owned(),
        RunPhase::Running {
            model,
            repetition,
            repeat,
        } if *repeat > 1 => format!("Running {} (run {repetition} of {repeat})…", model.label()),
        RunPhase::Running { model, .. } => format!("Running {}…", model.label()),
        RunPhase::Finished => "Finished.".to_owned(),
    }
}
