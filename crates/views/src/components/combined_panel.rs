//! The combined timeline's panel: the fit toggle (fastest / slowest), the
//! replay, the chart, the details of the focused or hovered task, the
//! chart's exports, "Download trace" and the data table behind the chart.
//!
//! Narrow props: the results in, nothing out (its downloads are files). It
//! keeps only view state (fit, replay moment, focused task); the series come
//! from `chart::CombinedTimeline`.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_tools::ChartTools;
use super::combined_chart::CombinedChart;
use super::replay::ReplayControl;
use playground_core::chart::{timeline_table, CombinedTimeline, Fit, SegmentKind, TaskPos};
use playground_core::report::Results;
use playground_web::export;

/// The chart's element id (and its exported files' name stem).
const CHART_ID: &str = "chart-combined";
/// Rows shown in the data table (the trace has them all).
const TABLE_ROWS: usize = 500;

#[derive(Properties, PartialEq)]
pub struct CombinedPanelProps {
    /// Shared, not copied: a replay re-renders the panel on every frame.
    pub results: Rc<Results>,
    /// The run has finished: replay and trace are offered.
    pub finished: bool,
}

#[function_component(CombinedPanel)]
pub fn combined_panel(props: &CombinedPanelProps) -> Html {
    let full: Rc<CombinedTimeline> =
        use_memo(props.results.clone(), |r| CombinedTimeline::from_results(r));
    let fit = use_state(Fit::default);
    let moment = use_state(|| None::<f64>);
    let focus = use_state(|| None::<TaskPos>);
    // The task whose details show: the focused or the last hovered one.
    let detail = use_state(|| None::<TaskPos>);
    let axis = full.axis(*fit);
    let duration = full.duration_ms();
    let kinds: Vec<SegmentKind> = SegmentKind::ALL
        .into_iter()
        .filter(|k| {
            full.groups
                .iter()
                .flat_map(|g| &g.lanes)
                .any(|l| l.segments.iter().any(|s| s.kind == *k))
        })
        .collect();
    let on_time = {
        let moment = moment.clone();
        Callback::from(move |t: Option<f64>| moment.set(t))
    };
    let on_focus = {
        let (focus, detail) = (focus.clone(), detail.clone());
        Callback::from(move |pos: TaskPos| {
            focus.set(Some(pos));
            detail.set(Some(pos));
        })
    };
    let on_hover = {
        let detail = detail.clone();
        Callback::from(move |pos: TaskPos| detail.set(Some(pos)))
    };
    let fit_button = |f: Fit, text: &'static str, testid: &'static str| {
        let fit = fit.clone();
        html! {
            <button type="button" class="small" data-testid={testid} aria-pressed={(*fit == f).to_string()}
                    onclick={Callback::from(move |_| fit.set(f))}>{ text }</button>
        }
    };
    let on_trace = {
        let results = props.results.clone();
        Callback::from(move |_| export::download_trace(&results))
    };
    let details = (*detail)
        .and_then(|pos| full.task_details(pos))
        .map(|d| d.describe());
    html! {
        <section class="combined-panel" aria-labelledby="combined-title" data-testid="combined-panel">
            <div class="combined-head">
                <h3 id="combined-title">{ "All models on one time axis" }</h3>
                <div class="combined-tools">
                    <span class="fit" role="group" aria-label="Fit the axis to">
                        { fit_button(Fit::Slowest, "Fit slowest", "fit-slowest") }
                        { fit_button(Fit::Fastest, "Fit fastest", "fit-fastest") }
                    </span>
                    <button type="button" class="small" data-testid="download-trace" disabled={!props.finished}
                            onclick={on_trace} title="Chrome trace event format: open it in ui.perfetto.dev or chrome://tracing">
                        { "Download trace" }
                    </button>
                </div>
            </div>
            if props.finished {
                <ReplayControl duration_ms={duration} shown_ms={*moment} {on_time} />
            }
            <div class="ct-scroll">
                <CombinedChart timeline={full.clone()} {axis} playhead_ms={(*moment).filter(|_| props.finished)}
                               {kinds} focus={*focus} {on_focus} {on_hover} id={CHART_ID} />
            </div>
            <p class="ct-details note" data-testid="combined-details" aria-live="polite">
                { details.unwrap_or_else(|| "Hover over a task, or Tab to the chart and use the arrow keys, to see its details.".to_owned()) }
            </p>
            <ChartTools target={CHART_ID} name="combined-timeline" />
            <CombinedTable timeline={full.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CombinedTableProps {
    timeline: Rc<CombinedTimeline>,
}

/// The data table behind the chart: one row per drawn segment. Its own
/// component, so a replay's frames do not rebuild it.
#[function_component(CombinedTable)]
fn combined_table(props: &CombinedTableProps) -> Html {
    let rows = timeline_table(&props.timeline);
    html! {
    <details>
        <summary>{ "Data table" }</summary>
        <table class="tasks" data-testid="combined-table">
            <thead><tr>
                <th scope="col">{ "Model" }</th><th scope="col">{ "Lane" }</th><th scope="col">{ "Task" }</th>
                <th scope="col">{ "What" }</th><th scope="col">{ "Start (ms)" }</th>
                <th scope="col">{ "End (ms)" }</th><th scope="col">{ "Duration (ms)" }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().take(TABLE_ROWS).map(|r| html! {
                    <tr>
                        <td>{ r.model.clone() }</td><td>{ r.lane.clone() }</td>
                        <td>{ r.task.map(|t| t.to_string()).unwrap_or_default() }</td>
                        <td>{ if r.label.is_empty() { r.kind.label().to_owned() } else { format!("{}: {}", r.kind.label(), r.label) } }
                            { if r.ok { "" } else { " (failed or stopped)" } }</td>
                        <td>{ format!("{:.1}", r.start_ms) }</td><td>{ format!("{:.1}", r.end_ms) }</td>
                        <td>{ format!("{:.1}", r.end_ms - r.start_ms) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        if rows.len() > TABLE_ROWS {
            <p class="note">{ format!("The first {TABLE_ROWS} of {} rows; the trace download has them all.", rows.len()) }</p>
        }
    </details>
    }
}
