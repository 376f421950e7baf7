//! The combined timeline as SVG: every model of a run on one shared time
//! axis (ms) with ticks, the lanes (`combined_lanes`), a legend, and the
//! replay's layer: a clip that hides what had not happened by its moment
//! (the drawing of [`CombinedTimeline::at`], without redrawing every task),
//! a playhead and a mark on each model that had finished.
//!
//! Draws the series of [`CombinedTimeline`] and computes none of them; holds
//! no state. Focus, hover and arrow keys are handled once on the `<svg>`
//! (event delegation: a run may have thousands of tasks) and reported
//! through `on_focus`.

use std::rc::Rc;

use yew::prelude::*;

use super::combined_lanes::{
    focus_element, kind_class, pos_of, task_id, CombinedLanes, AXIS_H, CLIP_ID, LANES_TOP, PLOT_W,
    PLOT_X, WIDTH,
};
use playground_core::chart::{
    layout, Axis, CombinedTimeline, Move, SegmentKind, TaskPos, HEADER_H,
};

const LEGEND_H: f64 = 28.0;

#[derive(Properties, PartialEq)]
pub struct CombinedChartProps {
    /// The whole run.
    pub timeline: Rc<CombinedTimeline>,
    pub axis: Axis,
    /// The replay's moment: what had not happened by then is hidden and a
    /// playhead drawn; `None` shows the whole run.
    pub playhead_ms: Option<f64>,
    /// The kinds the legend lists (those of the whole run).
    pub kinds: Vec<SegmentKind>,
    /// The task that takes the keyboard focus (one tab stop for the chart).
    pub focus: Option<TaskPos>,
    /// A task took the keyboard focus (Tab, click or an arrow key).
    pub on_focus: Callback<TaskPos>,
    /// The pointer moved onto a task.
    pub on_hover: Callback<TaskPos>,
    /// The `<svg>`'s id (for export); task ids start with it.
    pub id: AttrValue,
}

fn tick_label(ms: f64) -> String {
    if ms.fract().abs() < 1e-9 {
        format!("{ms:.0}")
    } else {
        format!("{ms:.1}")
    }
}

fn legend(kinds: &[SegmentKind], top: f64) -> Html {
    let mut x = PLOT_X;
    let items: Vec<Html> = kinds
        .iter()
        .map(|&k| {
            let here = x;
            x += 28.0 + 7.0 * k.label().chars().count() as f64;
            html! {
                <g class="legend-item" data-kind={kind_class(k)}>
                    <rect class={classes!("seg", kind_class(k))} x={format!("{here:.1}")} y={format!("{:.1}", top + 8.0)} width="16" height="11" />
                    <text x={format!("{:.1}", here + 20.0)} y={format!("{:.1}", top + 18.0)}>{ k.label() }</text>
                </g>
            }
        })
        .collect();
    html! { <g class="legend">{ for items }</g> }
}

/// Every model on one time axis.
#[function_component(CombinedChart)]
pub fn combined_chart(props: &CombinedChartProps) -> Html {
    let t = &props.timeline;
    let axis = props.axis;
    let (boxes, bottom) = layout(t, LANES_TOP);
    let height = bottom + LEGEND_H;
    let id = props.id.to_string();
    let tab_stop = props.focus.or_else(|| t.first_task());
    let x = |ms: f64| PLOT_X + axis.fraction(ms).clamp(0.0, 1.0) * PLOT_W;
    let onkeydown = {
        let (timeline, on_focus, id) = (t.clone(), props.on_focus.clone(), id.clone());
        Callback::from(move |e: KeyboardEvent| {
            let (Some(mv), Some(pos)) = (Move::from_key(&e.key()), pos_of(e.target())) else {
                return;
            };
            // The arrows move between tasks here, not the page.
            e.prevent_default();
            if let Some(next) = timeline.step(pos, mv) {
                on_focus.emit(next);
                focus_element(&task_id(&id, next));
            }
        })
    };
    let report = |on_focus: &Callback<TaskPos>| {
        let on_focus = on_focus.clone();
        move |target: Option<web_sys::EventTarget>| {
            if let Some(pos) = pos_of(target) {
                on_focus.emit(pos);
            }
        }
    };
    let onfocusin = {
        let report = report(&props.on_focus);
        Callback::from(move |e: FocusEvent| report(e.target()))
    };
    let onmouseover = {
        let report = report(&props.on_hover);
        Callback::from(move |e: MouseEvent| report(e.target()))
    };
    // What the replay shows at its moment (drawn by the clip below).
    let shown = props.playhead_ms.map(|ms| t.at(ms));
    let segments: usize = shown
        .as_ref()
        .unwrap_or(t)
        .groups
        .iter()
        .flat_map(|g| &g.lanes)
        .map(|l| l.segments.len())
        .sum();
    let clip_w = props.playhead_ms.map_or(WIDTH, x);
    html! {
        <svg class="chart combined" role="group" id={props.id.clone()} viewBox={format!("0 0 {WIDTH} {height:.1}")}
             aria-labelledby={format!("{id}-title {id}-desc")} data-testid="combined-timeline"
             data-axis-ms={axis.end_ms.to_string()} data-segments={segments.to_string()}
             data-plot-x={PLOT_X.to_string()} data-plot-w={PLOT_W.to_string()}
             {onkeydown} {onfocusin} {onmouseover}>
            <title id={format!("{id}-title")}>{ "Every model on one time axis" }</title>
            <desc id={format!("{id}-desc")}>{ "One group of lanes per model, all on the same time scale in \
                milliseconds from each model's start. Bars are tasks: solid computing, hatched waiting for the GIL, \
                pale waiting for I/O. The page lane shows when the page could not paint; overheads reported apart \
                are outlined and are not part of the model's time. Arrow keys move between tasks." }</desc>
            <defs>
                <pattern id="ct-hatch" class="hatch" width="5" height="5" patternUnits="userSpaceOnUse"
                         patternTransform="rotate(45)">
                    <rect class="hatch-bg" width="5" height="5" />
                    <line class="hatch-line" x1="0" y1="0" x2="0" y2="5" />
                </pattern>
                <clipPath id={CLIP_ID}>
                    <rect x="0" y="0" width={format!("{clip_w:.2}")} height={format!("{height:.1}")} />
                </clipPath>
            </defs>
            { for axis.ticks(8).into_iter().map(|tick| html! {
                <g class="tick">
                    <line class="grid" x1={format!("{:.1}", x(tick))} x2={format!("{:.1}", x(tick))}
                          y1={(AXIS_H - 4.0).to_string()} y2={format!("{bottom:.1}")} />
                    <text class="axis-label" x={format!("{:.1}", x(tick))} y="14" text-anchor="middle">{ tick_label(tick) }</text>
                </g>
            }) }
            <text class="axis-label" x={(PLOT_X - 10.0).to_string()} y="14" text-anchor="end">{ "time (ms)" }</text>
            <CombinedLanes timeline={t.clone()} {axis} {tab_stop} id={props.id.clone()} />
            if let (Some(ms), Some(shown)) = (props.playhead_ms, &shown) {
                { for shown.groups.iter().zip(&boxes).filter(|(g, _)| g.end_ms > 0.0 && g.finished_at(ms)).map(|(g, b)| html! {
                    <text class="ct-finished" data-model={g.model.clone()} x={format!("{:.1}", PLOT_X + PLOT_W)}
                          y={format!("{:.1}", b.top + HEADER_H - 6.0)} text-anchor="end">{ "✓ finished" }</text>
                }) }
                if ms <= axis.end_ms {
                    <g class="playhead" data-ms={ms.to_string()}>
                        <line x1={format!("{:.1}", x(ms))} x2={format!("{:.1}", x(ms))}
                              y1={(AXIS_H - 4.0).to_string()} y2={format!("{bottom:.1}")} />
                    </g>
                }
            }
            { legend(&props.kinds, bottom) }
        </svg>
    }
}
