//! What is happening now: the heartbeat (a dot moved by a timer on the
//! page's own thread: it stops when the page freezes), the run phase, a
//! progress bar per model, and the Stop button.

use yew::prelude::*;

/// The id of the section, which a Run click scrolls into view where it is
/// below the window (`crate::app`).
pub const RUN_STATUS_ID: &str = "run-status";

use crate::runner::DOT_ID;
use playground_core::state::{EngineStart, Progress, RunPhase};

#[derive(Properties, PartialEq)]
pub struct RunStatusProps {
    pub phase: RunPhase,
    /// A run or a sweep is in progress (Stop applies).
    pub busy: bool,
    pub stopping: bool,
    pub progress: Vec<Progress>,
    /// The engine a run being prepared waits for, while it starts.
    #[prop_or_default]
    pub engine_start: Option<EngineStart>,
    pub on_stop: Callback<()>,
}

#[function_component(RunStatus)]
pub fn run_status(props: &RunStatusProps) -> Html {
    let state = props;
    let phase = match state.phase {
        RunPhase::Idle => "idle",
        RunPhase::Preparing => "preparing",
        RunPhase::Running { .. } => "running",
        RunPhase::Finished => "finished",
    };
    let on_stop = props.on_stop.clone();
    html! {
        <section id={RUN_STATUS_ID} class="run-status" aria-label="Run status">
            <div class="heartbeat" title="Moved by a timer on the page's own thread: if it stops, the page is frozen.">
                <span class="heartbeat-label">{ "Page heartbeat" }</span>
                <div class="heartbeat-track"><div id={DOT_ID} class="heartbeat-dot"></div></div>
            </div>
            <div data-testid="run-phase" data-phase={phase} class="phase" aria-live="polite">
                { phase_text(&state.phase, state.stopping, state.engine_start) }
            </div>
            if state.busy {
                <button type="button" class="stop" data-testid="stop" disabled={state.stopping}
                        onclick={Callback::from(move |_| on_stop.emit(()))}>
                    { if state.stopping { "Stopping…" } else { "Stop" } }
                </button>
            }
            if !state.progress.is_empty() {
                <ul class="progress-list">
                    { for state.progress.iter().map(|p| html! {
                        <li>
                            <label>
                                <span class="progress-name">{ p.model.label() }</span>
                                <progress data-testid={format!("progress-{}", p.model.as_str())}
                                          max={p.total.to_string()} value={p.done.to_string()} />
                                <span class="progress-count">{ format!("{}/{}", p.done, p.total) }</span>
                            </label>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn phase_text(phase: &RunPhase, stopping: bool, engine: Option<EngineStart>) -> String {
    match phase {
        RunPhase::Idle => "Choose settings and press Run.".to_owned(),
        RunPhase::Preparing | RunPhase::Running { .. } if stopping => "Stopping…".to_owned(),
        RunPhase::Preparing => match engine {
            Some(EngineStart::WithPool { threads: 1 }) => {
                "Starting the engine and its thread (not counted in any model's time)…".to_owned()
            }
            Some(EngineStart::WithPool { threads }) => format!(
                "Starting the engine and its {threads} threads (not counted in any model's time)…"
            ),
            Some(EngineStart::WithoutThreads) => {
                "Starting the engine (not counted in any model's time)…".to_owned()
            }
            None => "Getting the engine ready…".to_owned(),
        },
        RunPhase::Running {
            model,
            repetition,
            repeat,
        } if *repeat > 1 => format!("Running {} (run {repetition} of {repeat})…", model.label()),
        RunPhase::Running { model, .. } => format!("Running {}…", model.label()),
        RunPhase::Finished => "Finished.".to_owned(),
    }
}
