//! The combined timeline as SVG: every model of a run on one shared time
//! axis (ms) with ticks, a labelled group of lanes per model, computing and
//! waiting drawn apart, the page's responsiveness and the overheads (apart
//! from the model's time) as thin lanes, a legend and a replay playhead.
//!
//! Draws the series of [`CombinedTimeline`] and computes none of them; holds
//! no state. Focus, hover and arrow keys are handled once on the `<svg>`
//! (event delegation: a run may have thousands of tasks) and reported
//! through `on_focus`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::{
    layout, Axis, CombinedLane, CombinedTimeline, LaneBox, LaneKind, ModelGroup, Move, Segment,
    SegmentKind, TaskDetails, TaskPos, HEADER_H,
};
use crate::models::ModelId;
use crate::report::RunStatus;

const WIDTH: f64 = 960.0;
/// Left of the plot: lane labels.
const PLOT_X: f64 = 130.0;
const PLOT_W: f64 = WIDTH - PLOT_X - 16.0;
/// The tick labels above the lanes.
const AXIS_H: f64 = 24.0;
const LEGEND_H: f64 = 28.0;

#[derive(Properties, PartialEq)]
pub struct CombinedChartProps {
    /// What to draw: the whole run, or a replay's moment of it.
    pub timeline: Rc<CombinedTimeline>,
    pub axis: Axis,
    /// The replay's moment, drawn as a playhead; `None` outside a replay.
    pub playhead_ms: Option<f64>,
    /// The kinds the legend lists (those of the whole run).
    pub kinds: Vec<SegmentKind>,
    /// The task that takes the keyboard focus (one tab stop for the chart).
    pub focus: Option<TaskPos>,
    /// A task was focused, hovered or reached with an arrow key.
    pub on_focus: Callback<TaskPos>,
    /// The `<svg>`'s id (for export); task ids start with it.
    pub id: AttrValue,
}

/// The CSS class of a kind (the legend's swatch uses the same).
fn kind_class(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Compute => "compute",
        SegmentKind::GilWait => "gil",
        SegmentKind::IoWait => "io",
        SegmentKind::Blocked => "blocked",
        SegmentKind::Overhead => "overhead",
    }
}

fn lane_kind(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Work => "work",
        LaneKind::Responsiveness => "responsiveness",
        LaneKind::Overheads => "overheads",
    }
}

fn task_id(id: &str, pos: TaskPos) -> String {
    format!("{id}-{}-{}-{}", pos.group, pos.lane, pos.task)
}

/// The task under an event's target (the nearest `.ct-task` around it).
fn pos_of(target: Option<web_sys::EventTarget>) -> Option<TaskPos> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let task = element.closest(".ct-task").ok()??;
    let read = |name: &str| task.get_attribute(name)?.parse::<u64>().ok();
    Some(TaskPos {
        group: usize::try_from(read("data-g")?).ok()?,
        lane: usize::try_from(read("data-l")?).ok()?,
        task: u32::try_from(read("data-task")?).ok()?,
    })
}

/// Moves the keyboard focus to a task's element.
fn focus_element(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        // An SVG element has `focus()` like an HTML one (HTMLOrSVGElement);
        // web-sys binds it structurally (`el.focus()`), so the HtmlElement
        // view calls the SVG element's own method.
        let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

fn model_label(id: &str) -> String {
    ModelId::parse(id).map_or_else(|| id.to_owned(), |m| m.label().to_owned())
}

fn header_text(g: &ModelGroup, axis: Axis, playhead: Option<f64>) -> String {
    let note = g.note.clone().unwrap_or_default();
    let mut text = match g.status {
        RunStatus::Ok => format!("{:.1} ms", g.wall_ms.unwrap_or(g.end_ms)),
        RunStatus::Cancelled => format!("cancelled after {:.1} ms", g.end_ms),
        RunStatus::Failed => format!("failed: {note}"),
        RunStatus::Skipped => format!("skipped: {note}"),
    };
    if g.end_ms > axis.end_ms * (1.0 + 1e-9) {
        text.push_str("  (runs past the right edge)");
    }
    if let Some(t) = playhead {
        if g.end_ms > 0.0 && g.finished_at(t) {
            text.push_str("  ✓ finished");
        }
    }
    text
}

/// A segment's rectangle, or nothing when it lies off the axis.
fn segment_rect(s: &Segment, lane: &LaneBox, axis: Axis, extra: Option<&str>) -> Html {
    let Some((f0, f1)) = axis.span(s.start_ms, s.end_ms) else {
        return Html::default();
    };
    let x = PLOT_X + f0 * PLOT_W;
    let w = ((f1 - f0) * PLOT_W).max(0.5);
    let class = classes!(
        "seg",
        kind_class(s.kind),
        (!s.ok).then_some("failed"),
        s.is_long_frame().then_some("long"),
        extra.map(str::to_owned)
    );
    html! {
        <rect class={class} x={format!("{x:.2}")} y={format!("{:.2}", lane.row_top(s.row))}
              width={format!("{w:.2}")} height={format!("{:.2}", (lane.row_h - 0.5).max(0.5))}
              data-start={s.start_ms.to_string()} data-end={s.end_ms.to_string()} />
    }
}

/// The responsiveness lane's words: what the page's frames did.
fn page_summary(g: &ModelGroup) -> (String, bool) {
    let long = g.page.long_frames.unwrap_or(0);
    let gap = g
        .page
        .longest_gap_ms
        .map(|ms| format!(", longest gap {ms:.0} ms"))
        .unwrap_or_default();
    let words = match long {
        0 => format!("no frame over 50 ms{gap}"),
        1 => format!("1 frame over 50 ms{gap}"),
        n => format!("{n} frames over 50 ms{gap}"),
    };
    (words, long > 0)
}

fn overheads_summary(lane: &CombinedLane) -> String {
    let parts: Vec<String> = lane
        .segments
        .iter()
        .map(|s| format!("{} {:.1} ms", s.label.replace('_', " "), s.duration_ms()))
        .collect();
    format!("not in the model's time: {}", parts.join(", "))
}

struct LaneCtx<'a> {
    id: &'a str,
    g: usize,
    l: usize,
    group: &'a ModelGroup,
    tab_stop: Option<TaskPos>,
}

fn lane_view(ctx: &LaneCtx, lane: &CombinedLane, b: &LaneBox, axis: Axis) -> Html {
    let label_y = b.top + b.height / 2.0 + 4.0;
    let right = format!("{:.1}", PLOT_X + PLOT_W);
    let body = match lane.kind {
        LaneKind::Work => html! {
            { for lane.segments.chunk_by(|a, b| a.task == b.task).map(|segs| {
                let Some(task) = segs[0].task else {
                    return segs.iter().map(|s| segment_rect(s, b, axis, None)).collect::<Html>();
                };
                let pos = TaskPos { group: ctx.g, lane: ctx.l, task };
                let title = TaskDetails::from_segments(&ctx.group.model, &lane.name, task, segs)
                    .map(|d| d.describe())
                    .unwrap_or_default();
                html! {
                    <g class="ct-task" id={task_id(ctx.id, pos)} data-g={ctx.g.to_string()}
                       data-l={ctx.l.to_string()} data-task={task.to_string()}
                       tabindex={if ctx.tab_stop == Some(pos) { "0" } else { "-1" }}>
                        <title>{ title }</title>
                        { for segs.iter().map(|s| segment_rect(s, b, axis, None)) }
                    </g>
                }
            }) }
        },
        LaneKind::Responsiveness => {
            let (words, bad) = page_summary(ctx.group);
            html! {
                <>
                    { for lane.segments.iter().map(|s| html! {
                        <g class="ct-block">
                            <title>{ format!("the page painted no frame for {:.0} ms ({:.1}–{:.1} ms){}",
                                s.duration_ms(), s.start_ms, s.end_ms,
                                if s.is_long_frame() { ": a long frame, the page could not respond" } else { "" }) }</title>
                            { segment_rect(s, b, axis, None) }
                        </g>
                    }) }
                    <text class={classes!("ct-note", bad.then_some("bad"))} x={right.clone()} y={format!("{:.1}", b.top + b.height - 2.5)}
                          text-anchor="end">{ words }</text>
                </>
            }
        }
        LaneKind::Overheads => html! {
            <>
                { for lane.segments.iter().map(|s| html! {
                    <g class="ct-overhead" data-overhead={s.label.clone()}>
                        <title>{ format!("{}: {:.1} ms, reported apart: not inside the model's time", s.label, s.duration_ms()) }</title>
                        { segment_rect(s, b, axis, None) }
                    </g>
                }) }
                <text class="ct-note" x={right} y={format!("{:.1}", b.top + b.height - 2.5)} text-anchor="end">
                    { overheads_summary(lane) }
                </text>
            </>
        },
    };
    html! {
        <g class="lane" data-lane={lane.name.clone()} data-kind={lane_kind(lane.kind)}>
            <text class="lane-label" x="10" y={format!("{label_y:.1}")}>{ lane.name.clone() }</text>
            { body }
        </g>
    }
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
            x += 26.0 + 6.4 * k.label().chars().count() as f64;
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
    let (boxes, bottom) = layout(t, AXIS_H + 4.0);
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
        let report = report(&props.on_focus);
        Callback::from(move |e: MouseEvent| report(e.target()))
    };
    let segments: usize = t
        .groups
        .iter()
        .flat_map(|g| &g.lanes)
        .map(|l| l.segments.len())
        .sum();
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
            </defs>
            { for axis.ticks(8).into_iter().map(|tick| html! {
                <g class="tick">
                    <line class="grid" x1={format!("{:.1}", x(tick))} x2={format!("{:.1}", x(tick))}
                          y1={(AXIS_H - 4.0).to_string()} y2={format!("{bottom:.1}")} />
                    <text class="axis-label" x={format!("{:.1}", x(tick))} y="14" text-anchor="middle">{ tick_label(tick) }</text>
                </g>
            }) }
            <text class="axis-label" x={(PLOT_X - 10.0).to_string()} y="14" text-anchor="end">{ "time (ms)" }</text>
            { for t.groups.iter().zip(&boxes).enumerate().map(|(g, (group, b))| {
                let ctx = |l| LaneCtx { id: &id, g, l, group, tab_stop };
                html! {
                    <g class={classes!("ct-group", (g % 2 == 1).then_some("odd"))} data-model={group.model.clone()}
                       data-end-ms={group.end_ms.to_string()}>
                        <rect class="band" x="0" y={format!("{:.1}", b.top)} width={WIDTH.to_string()}
                              height={format!("{:.1}", b.bottom - b.top)} />
                        <text class="group-label" x="4" y={format!("{:.1}", b.top + HEADER_H - 6.0)}>
                            <tspan class="model-name">{ model_label(&group.model) }</tspan>
                            <tspan dx="10">{ header_text(group, axis, props.playhead_ms) }</tspan>
                        </text>
                        { for group.lanes.iter().zip(&b.lanes).enumerate()
                            .map(|(l, (lane, lb))| lane_view(&ctx(l), lane, lb, axis)) }
                    </g>
                }
            }) }
            if let Some(ms) = props.playhead_ms.filter(|ms| *ms <= axis.end_ms) {
                <g class="playhead" data-ms={ms.to_string()}>
                    <line x1={format!("{:.1}", x(ms))} x2={format!("{:.1}", x(ms))}
                          y1={(AXIS_H - 4.0).to_string()} y2={format!("{bottom:.1}")} />
                </g>
            }
            { legend(&props.kinds, bottom) }
        </svg>
    }
}
