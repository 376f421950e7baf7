//! The SVG drawing of a run's timeline: one row per lane, one bar per task.

use yew::prelude::*;

use playground_core::chart::Lane;

const WIDTH: f64 = 640.0;
const ROW_H: f64 = 26.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lanes: Vec<Lane>,
    /// The run's wall time: the right edge.
    pub span_ms: f64,
    pub title: String,
    /// Element id (for export).
    pub id: AttrValue,
}

/// Height of a lane with `rows` stacked sub-rows.
fn lane_height(rows: u32) -> f64 {
    (ROW_H + 4.0 * f64::from(rows.saturating_sub(1))).min(120.0)
}

/// One row per lane, one bar per task, on the run's own time axis. Tasks
/// that overlap on one lane (an event loop) are stacked in thin sub-rows.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let span = props
        .lanes
        .iter()
        .flat_map(|l| l.bars.iter().map(|b| b.end_ms))
        .fold(props.span_ms, f64::max)
        .max(1e-3);
    let label_w = 90.0;
    let plot_w = WIDTH - label_w - 10.0;
    let tops: Vec<f64> = props
        .lanes
        .iter()
        .scan(0.0, |top, lane| {
            let this = *top;
            *top += lane_height(lane.rows);
            Some(this)
        })
        .collect();
    let lanes_h: f64 = props.lanes.iter().map(|l| lane_height(l.rows)).sum();
    let height = lanes_h + 22.0;
    let x = |ms: f64| label_w + ms.max(0.0) / span * plot_w;
    html! {
        <svg class="chart timeline" role="img" id={props.id.clone()} viewBox={format!("0 0 {WIDTH} {height}")}
             data-testid="timeline" data-lanes={props.lanes.len().to_string()}>
            <title>{ props.title.clone() }</title>
            <desc>{ "One row per place the work ran; one bar per task from its start to its end. \
                     Solid bars compute; pale bars wait for a response; dark segments wait for the GIL." }</desc>
            { for props.lanes.iter().zip(&tops).map(|(lane, &top)| {
                let inner = lane_height(lane.rows) - 8.0;
                let bar_h = inner / f64::from(lane.rows.max(1));
                html! {
                    <g class="lane" data-lane={lane.name.clone()}>
                        <text x="0" y={(top + 17.0).to_string()} class="axis-label">{ lane.name.clone() }</text>
                        { for lane.bars.iter().map(|b| html! {
                            <rect class={classes!("task", b.io.then_some("io"), (!b.ok).then_some("failed"))} tabindex="0"
                                  x={x(b.start_ms).to_string()}
                                  y={(top + 4.0 + bar_h * f64::from(b.row)).to_string()}
                                  width={(x(b.end_ms) - x(b.start_ms)).max(1.0).to_string()}
                                  height={(bar_h - 0.5).max(0.5).to_string()} rx="1">
                                <title>{ format!("task {}: {:.1}-{:.1} ms{}", b.index, b.start_ms, b.end_ms,
                                    if b.io { ", waiting for a response" } else { "" }) }</title>
                            </rect>
                        }) }
                        { for lane.bars.iter().flat_map(|b| b.waits.iter().map(move |w| (b, w))).map(|(b, w)| html! {
                            <rect class="wait" x={x(w[0]).to_string()}
                                  y={(top + 4.0 + bar_h * f64::from(b.row)).to_string()}
                                  width={(x(w[1]) - x(w[0])).max(0.5).to_string()}
                                  height={(bar_h - 0.5).max(0.5).to_string()}>
                                <title>{ format!("task {} waited for the lock: {:.1}-{:.1} ms", b.index, w[0], w[1]) }</title>
                            </rect>
                        }) }
                    </g>
                }
            }) }
            <text x={label_w.to_string()} y={(height - 4.0).to_string()} class="axis-label">{ "0 ms" }</text>
            <text x={(WIDTH - 10.0).to_string()} y={(height - 4.0).to_string()} class="axis-label" text-anchor="end">
                { format!("{span:.0} ms") }
            </text>
        </svg>
    }
}
