//! The app shell: holds the state (reducer) and the visit's `Session`;
//! wires callbacks to components; keeps the address bar in step with the
//! settings; talks to an embedding page.

use std::rc::Rc;

use futures::channel::oneshot;
use futures::FutureExt;
use yew::prelude::*;

use super::components::{
    EmbedForm, EnvironmentPanel, ErrorList, IsolationBanner, LessonPanel, RunStatus, SettingsForm,
    SettingsFormProps, SharePanel, SweepPanel, RUN_STATUS_ID,
};
use super::isolation;
use super::lazy::{self, Lazy};
use super::remote_view::RemoteView;
use crate::runner::{self as runner, RunContext, RunEvent};
use crate::session::{start_page, Session};
use playground_core::config::{to_query, Key};
use playground_core::models::ModelId;
use playground_core::protocol::remote::{RemoteProps, ResultsProps};
use playground_core::state::{Action, AppState, RunPhase};
use playground_core::teach::{measured_ranking, Prediction};
use playground_web::browser;

/// The reducer's state as Yew holds it (the state itself is pure and lives
/// in `playground_core::state`, which knows nothing of Yew).
#[derive(Clone, PartialEq)]
struct Store(AppState);

impl std::ops::Deref for Store {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.clone().reduce(action)))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        Store(AppState {
            lessons: browser::load_progress(),
            ..AppState::from_query(&browser::query(), browser::hardware_concurrency())
        })
    });
    let session: Rc<Session> = use_memo((), |()| Session::default());

    let dispatch: Rc<dyn Fn(Action)> = {
        let d = state.dispatcher();
        Rc::new(move |a| d.dispatch(a))
    };
    // Orchestration's events, as actions.
    let emit: Rc<dyn Fn(RunEvent)> = {
        let d = state.dispatcher();
        Rc::new(move |e| d.dispatch(Action::from(isolation::explain(e))))
    };

    // When the page loads: start the responsiveness meter and the simulated
    // server, and find out whether threads are possible here; report size
    // changes to an embedder. The engine (and its pool) starts with the
    // first run or sweep (`crate::runner::context::engine_with`), after the
    // server is up, so that its threads are served by the same server; a
    // visit that never runs never downloads it.
    {
        let (dispatch, session) = (dispatch.clone(), session.clone());
        use_effect_with((), move |_| {
            *session.meter.borrow_mut() = Some(start_page(dispatch));
            let resize = browser::report_resizes();
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
        let (state, session, emit) = (state.clone(), session.clone(), emit.clone());
        Rc::new(move || {
            let meter = session.meter.borrow().clone()?;
            if !state.can_run() {
                return None;
            }
            // The results view's module, while the engine starts and warms up.
            lazy::preload(Lazy::Results);
            let (tx, rx) = oneshot::channel();
            *session.stop.borrow_mut() = Some(tx);
            Some(RunContext {
                slot: session.engine.clone(),
                server_unavailable: state.server.unavailable_reason().map(str::to_owned),
                isolation: isolation::found(),
                not_isolated: isolation::why_not_isolated(),
                emit: emit.clone(),
                meter,
                cancel: rx.shared(),
            })
        })
    };
    let start_run: Rc<dyn Fn()> = {
        let (config, new_context) = (state.settings.experiment(), new_context.clone());
        Rc::new(move || {
            if let Some(ctx) = new_context() {
                let config = config.clone();
                wasm_bindgen_futures::spawn_local(runner::run_experiment(config, ctx));
            }
        })
    };
    let on_sweep = {
        let config = state.settings.experiment();
        Callback::from(move |(model, max): (ModelId, u32)| {
            if let Some(ctx) = new_context() {
                let config = config.clone();
                wasm_bindgen_futures::spawn_local(runner::run_sweep(config, model, max, ctx));
            }
        })
    };

    // Once the page can take a run (the simulated server is up, or known to
    // be unavailable): tell an embedding page, and honour autorun. Neither
    // waits for an engine: the run starts it.
    {
        let start_run = start_run.clone();
        let started = state.started();
        let autorun = state.settings.autorun;
        let session = session.clone();
        use_effect_with(started, move |started| {
            if *started {
                if Session::first(&session.announced) {
                    browser::post_to_parent("ready", None);
                }
                if autorun && Session::first(&session.autorun_done) {
                    start_run();
                }
            }
        });
    }

    let on_field = {
        let d = state.dispatcher();
        Callback::from(move |(key, value): (Key, String)| {
            d.dispatch(Action::SetField { key, value })
        })
    };
    let on_toggle = {
        let d = state.dispatcher();
        Callback::from(move |m: ModelId| d.dispatch(Action::ToggleModel(m)))
    };
    let on_run = {
        let session = session.clone();
        Callback::from(move |_| {
            session.reveal_on_start.set(true);
            start_run();
        })
    };
    // A run started by a click shows its status where the click can see it:
    // wide screens put it beside the settings (`has-results`, below); where
    // it sits under the settings (one column, or two up to 1100 px) the page
    // scrolls to it, once the layout of the running page is drawn.
    {
        let (running, embed) = (state.running(), state.settings.embed);
        let session = session.clone();
        use_effect_with(running, move |running| {
            if *running && session.reveal_on_start.replace(false) && !embed {
                browser::reveal(RUN_STATUS_ID);
            }
        });
    }
    // A pointer pressed on Run (or Run focused) announces a run: start the
    // engine now when none has started, the page can start one and the run
    // will need it, and fetch the results view's module, so the click waits
    // less for either. A run then uses the engine, or replaces it when the
    // thread count changed meanwhile.
    let on_intent = {
        let (session, emit, threads) = (session.clone(), emit.clone(), state.settings.threads);
        let (started, needs_engine) = (state.started(), state.settings.experiment().needs_engine());
        Callback::from(move |()| {
            if started {
                lazy::preload(Lazy::Results);
                if needs_engine && session.engine.borrow().is_none() {
                    runner::start_engine(&session.engine, threads, emit.clone());
                }
            }
        })
    };
    let on_stop = {
        let (d, session) = (state.dispatcher(), session.clone());
        Callback::from(move |_| {
            if let Some(tx) = session.stop.borrow_mut().take() {
                d.dispatch(Action::StopRequested);
                // The run may have just finished; then there is nothing to stop.
                let _ = tx.send(());
            }
        })
    };
    // A finished run goes to an embedding page, as the contract's
    // `run-finished` message with the results the page shows.
    {
        let state = state.clone();
        use_effect_with(state.phase.clone(), move |phase| {
            if let (RunPhase::Finished, Some(results)) = (phase, &state.results) {
                browser::post_to_parent("run-finished", Some(results));
            }
        });
    }
    // Keep lesson progress in the browser whenever the learner changes it
    // (not on load: nothing has changed then).
    use_effect_with(state.lessons.clone(), move |lessons| {
        if !Session::first(&session.lessons_loaded) {
            browser::save_progress(lessons);
        }
    });
    let on_open = {
        let d = state.dispatcher();
        Callback::from(move |id: Option<String>| d.dispatch(Action::OpenLesson(id)))
    };
    let on_predict = {
        let d = state.dispatcher();
        Callback::from(move |prediction: Prediction| d.dispatch(Action::Predicted(prediction)))
    };
    let on_reset = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ResetLessons))
    };

    let (embed, present) = (state.settings.embed, state.settings.present);
    // The lesson panel compares the learner's ranking with the finished run.
    let measured = match (&state.phase, &state.results) {
        (RunPhase::Finished, Some(results)) => Some(measured_ranking(results)),
        _ => None,
    };
    let form = SettingsFormProps {
        form: state.form.clone(),
        errors: state.errors.clone(),
        workload: state.settings.workload,
        models: state.settings.models.clone(),
        cores: state.default_threads,
        can_run: state.can_run(),
        running: state.running(),
        on_field,
        on_toggle,
        on_run,
        on_intent,
        shown: embed.then(|| state.settings.controls.clone()).flatten(),
        locked: state.settings.lock,
    };
    let environment = html! {
        <EnvironmentPanel pool={state.pool.clone()} server={state.server.clone()}
                          engine_start_ms={state.engine_start_ms}
                          engine_started={state.engine_started} threads={state.settings.threads}
                          not_isolated={state.not_isolated.is_some()} />
    };
    html! {
        <main class={classes!("app", embed.then_some("embed"), present.then_some("present"),
                              (state.results.is_some() || state.running()).then_some("has-results"))}>
            <header class={classes!("masthead", embed.then_some("compact"))}>
                <h1>{ "Concurrency Playground" }</h1>
                if embed {
                    <a class="open-full" href={browser::full_playground_url()} target="_blank" rel="noopener">
                        { "Open the full playground ↗" }
                    </a>
                } else {
                    <nav class="page-links" aria-label="Other pages">
                        <a href={format!("?view=class{}", if present { "&present=1" } else { "" })}
                           data-testid="open-class-view">{ "Class results: compare a class's runs" }</a>
                    </nav>
                    <p class="lede">
                        { "Run the same work one after another, on threads, and on one event loop. \
                           Measure which model wins on your machine, and see why." }
                    </p>
                }
            </header>
            <IsolationBanner pool={state.pool.clone()} not_isolated={state.not_isolated.is_some()}
                             compact={embed} />
            // One grid (www/style.css, `.workspace`): with results on a wide
            // screen they sit beside the settings, in view after a run.
            <div class="workspace">
                if !embed || state.settings.lesson.is_some() {
                    <LessonPanel open={state.settings.lesson.clone()} {measured} progress={state.lessons.clone()} {on_open} {on_predict} {on_reset} />
                }
                <ErrorList errors={state.errors.clone()} />
                if embed {
                    <EmbedForm form={form} summary={state.settings.experiment().summary()} />
                } else {
                    <SettingsForm ..form />
                }
                <div class="side">
                    if embed {
                        <details class="embed-env" data-testid="embed-env">
                            <summary>{ "Your browser and this page" }</summary>
                            { environment }
                        </details>
                    } else {
                        { environment }
                        <SharePanel />
                    }
                </div>
                <div class="results-col">
                    <RunStatus phase={state.phase.clone()} busy={state.running() || state.sweeping()}
                               stopping={state.stopping} progress={state.progress.clone()}
                               engine_start={state.engine_start()} {on_stop} />
                    // The results view is the results module's (`playground_views::remote`),
                    // loaded when the first run starts.
                    if let Some(results) = &state.results {
                        <RemoteView view={RemoteProps::Results(Box::new(ResultsProps {
                            results: results.clone(),
                            finished: state.results_finished(),
                            compact: embed,
                        }))} />
                    }
                </div>
            </div>
            if !embed {
                <SweepPanel cores={state.default_threads} can_run={state.can_run()}
                            sweep={state.sweep.clone()} {on_sweep} />
            }
        </main>
    }
}
