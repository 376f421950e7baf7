//! The results: the comparison chart, then one card per model with its
//! timeline, overheads and tasks, and the JSON and CSV downloads. Compact (in an
//! embed): the charts first, the explanations and cards one click away.

use yew::prelude::*;

use super::chart_tools::ChartTools;
use super::comparison_chart::ComparisonChart;
use super::convoy::ConvoyCard;
use super::timeline::Timeline;
use playground_core::chart::{comparison_bars, run_lanes};
use playground_core::report::{
    lanes_used, max_overlap, overhead_per_task_ms, ConfigEcho, ModelResult, Results, RunStatus,
    TaskRecord,
};
use playground_core::vocab::OverheadKey;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub results: Results,
    pub finished: bool,
    /// Charts in the open, explanations and cards behind a disclosure.
    #[prop_or_default]
    pub compact: bool,
}

use playground_web::export::{download_results, ExportFormat};

#[function_component(ResultsView)]
pub fn results_view(props: &ResultsProps) -> Html {
    let bars = comparison_bars(&props.results.runs);
    let on_download = {
        let results = props.results.clone();
        Callback::from(move |format: ExportFormat| download_results(&results, format))
    };
    let details = html! { <>
        if props.finished {
            <super::explanations::Explanations results={props.results.clone()} />
        }
        <div class="cards">
            { for props.results.runs.iter().map(|run| run_card(run, &props.results.config)) }
        </div>
    </> };
    html! {
        <section class="results" aria-labelledby="results-title">
            <div class="results-head">
                <h2 id="results-title">{ "Results" }</h2>
                <div class="exports">
                    <button type="button" data-testid="download-json" disabled={!props.finished}
                            onclick={on_download.reform(|_| ExportFormat::Json)}>
                        { "Download results (JSON)" }
                    </button>
                    <button type="button" data-testid="download-csv" disabled={!props.finished}
                            onclick={on_download.reform(|_| ExportFormat::Csv)}>
                        { "CSV" }
                    </button>
                </div>
            </div>
            if props.finished {
                <crate::result_share::ResultShare results={props.results.clone()} />
            }
            if !bars.is_empty() {
                <ComparisonChart bars={bars.clone()} />
                <ChartTools target="chart-comparison" name="comparison" />
                <details>
                    <summary>{ "Data table" }</summary>
                    <table class="tasks" data-testid="comparison-table">
                        <thead><tr><th scope="col">{ "Model" }</th><th scope="col">{ "Wall (ms)" }</th>
                            <th scope="col">{ "Min" }</th><th scope="col">{ "Max" }</th><th scope="col">{ "vs sequential" }</th></tr></thead>
                        <tbody>
                            { for bars.iter().map(|b| html! {
                                <tr><td>{ b.model.label() }</td><td>{ format!("{:.1}", b.value_ms) }</td>
                                    <td>{ format!("{:.1}", b.min_ms) }</td><td>{ format!("{:.1}", b.max_ms) }</td>
                                    <td>{ b.speedup.map(|s| format!("{s:.2}x")).unwrap_or_default() }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
            if props.finished && !props.results.runs.is_empty() {
                <super::combined_panel::CombinedPanel results={std::rc::Rc::new(props.results.clone())} finished={props.finished} />
            }
            if props.compact {
                <details class="more" data-testid="results-more">
                    <summary>{ "Why: explanations, each model's card and its tasks" }</summary>
                    { details }
                </details>
            } else {
                { details }
            }
        </section>
    }
}

/// `async` fetching from the user's own server: at most this many at once
/// (the explanation's own count, `teach::async_in_flight`).
fn in_flight_to_own_url(config: &ConfigEcho) -> usize {
    playground_core::teach::async_in_flight(config)
        .map_or(playground_core::teach::CONNECTION_LIMIT, |c| c as usize)
}

/// For `async` fetching from the user's own URL: how many rounds of one
/// request the browser's connection limit makes of the requests.
fn own_url_rounds(run: &ModelResult, config: &ConfigEcho) -> Option<usize> {
    let own = config.url.is_some() && run.model == playground_core::vocab::ModelId::Async;
    (own && run.workload == playground_core::vocab::Workload::Fetch).then(|| {
        run.tasks
            .len()
            .div_ceil(in_flight_to_own_url(config).max(1))
    })
}

fn run_card(run: &ModelResult, config: &ConfigEcho) -> Html {
    let status = match run.status {
        RunStatus::Ok => "ok",
        RunStatus::Failed => "failed",
        RunStatus::Skipped => "skipped",
        RunStatus::Cancelled => "cancelled",
    };
    let model = run.model.as_str();
    let lanes = lanes_used(&run.tasks);
    let body = match run.status {
        RunStatus::Skipped => html! {
            <p class="skipped">{ format!("Skipped: {}", run.skipped_reason.clone().unwrap_or_default()) }</p>
        },
        RunStatus::Failed => html! {
            <p class="failed">{ format!("Failed: {}", run.error.clone().unwrap_or_default()) }</p>
        },
        RunStatus::Cancelled => html! {
            <>
                <p class="skipped">{ format!("Cancelled: {}; {} task{} had finished.",
                    run.error.clone().unwrap_or_default(), run.tasks.len(),
                    if run.tasks.len() == 1 { "" } else { "s" }) }</p>
                if !run.tasks.is_empty() {
                    <Timeline lanes={run_lanes(run)} span_ms={0.0}
                              title={format!("Finished tasks of {}", run.model.label())} id={format!("timeline-{}", run.model.as_str())} />
                }
            </>
        },
        RunStatus::Ok => html! {
            <>
                <p class="wall">
                    <span data-testid={format!("wall-{model}")} class="big">
                        { format!("{:.1} ms", run.wall_ms.unwrap_or_default()) }
                    </span>
                    if run.wall_ms_samples.len() > 1 {
                        { format!(" median of {} runs (min {:.1}, max {:.1})",
                            run.wall_ms_samples.len(),
                            run.wall_ms_min.unwrap_or_default(),
                            run.wall_ms_max.unwrap_or_default()) }
                    }
                </p>
                if let Some(race) = run.output.race() {
                    <table class="race" data-testid={format!("race-{model}")}>
                        <caption>{ "Final counts" }</caption>
                        <tbody>
                            <tr><th scope="row">{ "Expected" }</th><td>{ race.expected }</td></tr>
                            <tr class={classes!((race.lost() > 0).then_some("lost"))}>
                                <th scope="row">{ "No lock (load, then store)" }</th>
                                <td>{ format!("{} ({} lost)", race.unlocked, race.lost()) }</td>
                            </tr>
                            <tr><th scope="row">{ "Atomic add" }</th><td>{ race.atomic }</td></tr>
                            <tr><th scope="row">{ "Mutex" }</th><td>{ race.locked }</td></tr>
                        </tbody>
                    </table>
                }
                if let Some(predicted) = run.predicted_ms {
                    <p class="predicted" data-testid={format!("predicted-{model}")}>
                        { format!("Predicted from the settings if waiting were all: {predicted:.0} ms ({}).",
                            run.model.prediction_rule()) }
                    </p>
                }
                if let Some(rounds) = own_url_rounds(run, config) {
                    <p class="predicted" data-testid={format!("connections-{model}")}>
                        { format!("Predicted: at most {} requests at a time to your server (browsers open at most {} \
                                   HTTP/1.1 connections per host), so about {rounds} rounds of one request.",
                            in_flight_to_own_url(config), playground_core::teach::CONNECTION_LIMIT) }
                    </p>
                }
                if let Some([start, end]) = run.output.loop_blocked_ms() {
                    <p class="facts" data-testid={format!("blocked-{model}")}>
                        { format!("The event loop was blocked from {start:.0} to {end:.0} ms by one coroutine's \
                                   blocking call ({:.0} ms): no answer could be handled meanwhile (the \"{}\" lane).",
                            end - start, playground_core::chart::BLOCKED_LANE) }
                    </p>
                }
                if let Some(error) = &run.error {
                    <p class="failed" data-testid={format!("failures-{model}")}>{ error.clone() }</p>
                }
                <p class="facts">
                    { format!("{} tasks on {} lane{} ({}); at most {} at the same time.",
                        run.tasks.len(), lanes.len(), if lanes.len() == 1 { "" } else { "s" },
                        lanes.join(", "), max_overlap(&run.tasks)) }
                </p>
                if let Some(gap) = run.page_longest_gap_ms {
                    <p class={classes!("page-stats", (gap > 50.0).then_some("frozen"))}
                       data-testid={format!("page-gap-{model}")}>
                        { format!("Page responsiveness: longest gap between heartbeats {gap:.0} ms, {} gap{} over 50 ms{}.",
                            run.page_long_frames.unwrap_or(0),
                            if run.page_long_frames == Some(1) { "" } else { "s" },
                            if gap > 50.0 { ": the page froze" } else { "" }) }
                    </p>
                }
                if let Some(per_task) = overhead_per_task_ms(run.wall_ms.unwrap_or_default(), &run.tasks) {
                    if run.workload == playground_core::config::Workload::Fib {
                        <p class="facts">{ format!("Time not spent in any task: {:.1} µs per task (dispatch, waking threads, collecting results).", per_task * 1_000.0) }</p>
                    }
                }
                if let Some((latency, stats)) = run.output.convoy() {
                    <ConvoyCard model={model} latency={latency} stats={stats.clone()} />
                }
                if run.tasks.iter().any(|t| t.wait_ms.is_some()) {
                    <p class="facts">{ format!("Waiting for the GIL: {:.1} ms in all (the dark segments in the timeline).",
                        run.tasks.iter().filter_map(|t| t.wait_ms).sum::<f64>()) }</p>
                }
                if !run.overheads_ms.is_empty() {
                    <p class="overheads">
                        { "Not counted in the time above: " }
                        { run.overheads_ms.iter().map(|(k, v)| format!("{} {v:.1} ms", overhead_label(k))).collect::<Vec<_>>().join("; ") }
                        { "." }
                    </p>
                }
                if !run.overheads_below_resolution.is_empty() {
                    <p class="overheads" data-testid={format!("below-resolution-{model}")}>
                        { "Too short for this page's clock, which is coarse where a page is not cross-origin isolated (so not reported as 0): " }
                        { run.overheads_below_resolution.iter().map(|k| overhead_label(k)).collect::<Vec<_>>().join("; ") }
                        { "." }
                    </p>
                }
                <Timeline lanes={run_lanes(run)} span_ms={run.wall_ms.unwrap_or_default()}
                          title={format!("Timeline of {}", run.model.label())} id={format!("timeline-{model}")} />
                <ChartTools target={format!("timeline-{model}")} name={format!("timeline-{model}")} />
                <details>
                    <summary>{ "Tasks" }</summary>
                    <table class="tasks">
                        <thead><tr>
                            <th scope="col">{ "#" }</th><th scope="col">{ "Lane" }</th>
                            <th scope="col">{ "Start (ms)" }</th><th scope="col">{ "End (ms)" }</th>
                            <th scope="col">{ "Value" }</th>
                        </tr></thead>
                        <tbody>
                            { for run.tasks.iter().take(TABLE_ROWS).map(|t| html! {
                                <tr>
                                    <td>{ t.index }</td><td>{ t.lane.clone() }</td>
                                    <td>{ format!("{:.1}", t.start_ms) }</td><td>{ format!("{:.1}", t.end_ms) }</td>
                                    <td class="value">{ task_result(t) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    if run.tasks.len() > TABLE_ROWS {
                        <p class="note">{ format!("The first {TABLE_ROWS} of {} tasks; all are in the JSON download.", run.tasks.len()) }</p>
                    }
                </details>
            </>
        },
    };
    html! {
        <article class={classes!("card", status)} data-testid={format!("result-{model}")} data-status={status}>
            <h3>{ run.model.label() }</h3>
            { body }
        </article>
    }
}

/// Rows shown in a task table (the JSON has them all).
const TABLE_ROWS: usize = 200;

/// A named overhead in words.
fn overhead_label(key: &str) -> String {
    match OverheadKey::parse(key) {
        Some(known) => known.label().to_owned(),
        None => key.replace('_', " "),
    }
}

/// What a task produced, in words.
fn task_result(t: &TaskRecord) -> String {
    match (&t.value, t.http_status, &t.error) {
        (Some(v), _, _) => v.clone(),
        (None, Some(code), None) => format!("HTTP {code}, {} bytes", t.bytes.unwrap_or(0)),
        (None, None, None) if t.simulated_wait => "simulated wait, not HTTP".to_owned(),
        (None, _, Some(e)) => e.clone(),
        (None, _, None) => String::new(),
    }
}
