//! The thread sweep panel: pick a model and the most threads, run it on
//! 1..k threads, and see speedup and efficiency against the ideal line, with
//! Amdahl's law fitted to the points. The form is the page's; the result
//! (`sweep_chart`) is drawn by the results module, loaded when a sweep
//! starts (`crate::remote_view`).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::remote_view::RemoteView;
use playground_core::config::Key;
use playground_core::models::ModelId;
use playground_core::protocol::remote::{RemoteProps, SweepProps};
use playground_core::state::Sweep;

/// The most threads a run may have (the `threads` setting's range).
fn threads_max() -> u32 {
    Key::Threads.range().map_or(1, |r| r.max)
}

/// Models whose speed depends on the number of threads or processes.
const SWEEPABLE: [ModelId; 3] = [ModelId::Threads, ModelId::Gil, ModelId::Processes];

#[derive(Properties, PartialEq)]
pub struct SweepPanelProps {
    /// Logical cores the browser reports.
    pub cores: u32,
    /// The Run buttons may start something.
    pub can_run: bool,
    pub sweep: Option<Sweep>,
    /// (model, max threads)
    pub on_sweep: Callback<(ModelId, u32)>,
}

#[function_component(SweepPanel)]
pub fn sweep_panel(props: &SweepPanelProps) -> Html {
    let state = props;
    let sweeping = state.sweep.as_ref().is_some_and(|s| s.running);
    let model = use_state(|| ModelId::Threads);
    let max = use_state(|| state.cores.clamp(2, threads_max()));
    let on_model = {
        let model = model.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = ModelId::parse(&select.value()) {
                model.set(m);
            }
        })
    };
    let on_max = {
        let max = max.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().trim().parse::<u32>() {
                max.set(v.clamp(1, threads_max()));
            }
        })
    };
    let on_go = {
        let (on_sweep, model, max) = (props.on_sweep.clone(), model.clone(), max.clone());
        Callback::from(move |_| on_sweep.emit((*model, *max)))
    };
    html! {
        <section class="panel sweep" aria-labelledby="sweep-title">
            <h2 id="sweep-title">{ "Thread sweep" }</h2>
            <p class="note">
                { format!("Runs the current experiment with one model on 1, 2, … threads and charts the \
                   speedup. This machine reports {} cores: going higher shows oversubscription.", state.cores) }
            </p>
            <div class="sweep-controls">
                <label>{ "Model " }
                    <select data-testid="sweep-model" onchange={on_model}>
                        { for SWEEPABLE.into_iter().map(|m| html! {
                            <option value={m.as_str()} selected={*model == m}>{ m.label() }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Up to " }
                    <input type="number" data-testid="sweep-max" min="1" max={threads_max().to_string()}
                           value={max.to_string()} oninput={on_max} />
                    { " threads" }
                </label>
                <button type="button" data-testid="sweep-run" disabled={!state.can_run} onclick={on_go}>
                    { if sweeping { "Sweeping…" } else { "Run sweep" } }
                </button>
            </div>
            if let Some(sweep) = &state.sweep {
                <RemoteView view={RemoteProps::Sweep(SweepProps { sweep: sweep.clone() })} />
            }
        </section>
    }
}
