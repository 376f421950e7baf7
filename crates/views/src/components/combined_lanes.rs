//! The lanes of the combined timeline: a band, a header and the lanes of
//! each model, every task a focusable group of typed segments, the page's
//! responsiveness and the overheads with their words. The static part of
//! the chart: a replay does not redraw it (it moves a clip and a playhead,
//! see `combined_chart`), so a run of thousands of tasks replays smoothly.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use playground_core::chart::{
    layout, Axis, CombinedLane, CombinedTimeline, LaneBox, LaneKind, ModelGroup, Segment,
    SegmentKind, TaskDetails, TaskPos, HEADER_H,
};
use playground_core::models::ModelId;
use playground_core::report::RunStatus;

/// The chart's width in SVG units.
pub(super) const WIDTH: f64 = 960.0;
/// Left of the plot: lane labels.
pub(super) const PLOT_X: f64 = 130.0;
pub(super) const PLOT_W: f64 = WIDTH - PLOT_X - 16.0;
/// The tick labels above the lanes.
pub(super) const AXIS_H: f64 = 24.0;
/// Where the first group starts.
pub(super) const LANES_TOP: f64 = AXIS_H + 4.0;
/// The replay's clip (defined by `combined_chart`).
pub(super) const CLIP_ID: &str = "ct-clip";
const CLIP_URL: &str = "url(#ct-clip)";

/// The CSS class of a kind (the legend's swatch uses the same).
pub(super) fn kind_class(kind: SegmentKind) -> &'static str {
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

pub(super) fn task_id(id: &str, pos: TaskPos) -> String {
    format!("{id}-{}-{}-{}", pos.group, pos.lane, pos.task)
}

/// The task under an event's target (the nearest `.ct-task` around it).
pub(super) fn pos_of(target: Option<web_sys::EventTarget>) -> Option<TaskPos> {
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
pub(super) fn focus_element(id: &str) {
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

fn header_text(g: &ModelGroup, axis: Axis) -> String {
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
    text
}

/// A segment's rectangle, or nothing when it lies off the axis.
fn segment_rect(s: &Segment, lane: &LaneBox, axis: Axis) -> Html {
    let Some((f0, f1)) = axis.span(s.start_ms, s.end_ms) else {
        return Html::default();
    };
    let x = PLOT_X + f0 * PLOT_W;
    let w = ((f1 - f0) * PLOT_W).max(0.5);
    let class = classes!(
        "seg",
        kind_class(s.kind),
        (!s.ok).then_some("failed"),
        s.is_long_frame().then_some("long")
    );
    html! {
        <rect class={class} x={format!("{x:.2}")} y={format!("{:.2}", lane.row_top(s.row))}
              width={format!("{w:.2}")} height={format!("{:.2}", (lane.row_h - 0.5).max(0.5))}
              data-start={s.start_ms.to_string()} data-end={s.end_ms.to_string()} />
    }
}

/// The responsiveness lane's words: what the page's heartbeat saw.
fn page_summary(g: &ModelGroup) -> (String, bool) {
    let long = g.page.long_frames.unwrap_or(0);
    let gap = g
        .page
        .longest_gap_ms
        .map(|ms| format!(", longest gap {ms:.0} ms"))
        .unwrap_or_default();
    let words = match long {
        0 => format!("no gap over 50 ms{gap}"),
        1 => format!("1 gap over 50 ms{gap}"),
        n => format!("{n} gaps over 50 ms{gap}"),
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
                    return segs.iter().map(|s| segment_rect(s, b, axis)).collect::<Html>();
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
                        { for segs.iter().map(|s| segment_rect(s, b, axis)) }
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
                            { segment_rect(s, b, axis) }
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
                        { segment_rect(s, b, axis) }
                    </g>
                }) }
                <text class="ct-note" x={right} y={format!("{:.1}", b.top + b.height - 2.5)} text-anchor="end">
                    { overheads_summary(lane) }
                </text>
            </>
        },
    };
    // The replay hides what had not happened yet by clipping the lanes at
    // its moment (the overheads are not part of the race).
    let clip = (lane.kind != LaneKind::Overheads).then_some(CLIP_URL);
    html! {
        <g class="lane" data-lane={lane.name.clone()} data-kind={lane_kind(lane.kind)}>
            <text class="lane-label" x="10" y={format!("{label_y:.1}")}>{ lane.name.clone() }</text>
            <g clip-path={clip}>{ body }</g>
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct CombinedLanesProps {
    pub timeline: Rc<CombinedTimeline>,
    pub axis: Axis,
    /// The one task with `tabindex="0"`.
    pub tab_stop: Option<TaskPos>,
    pub id: AttrValue,
}

/// Every model's group of lanes.
#[function_component(CombinedLanes)]
pub(super) fn combined_lanes(props: &CombinedLanesProps) -> Html {
    let t = &props.timeline;
    let (boxes, _) = layout(t, LANES_TOP);
    let (id, axis, tab_stop) = (props.id.as_str(), props.axis, props.tab_stop);
    html! {
        { for t.groups.iter().zip(&boxes).enumerate().map(|(g, (group, b))| {
            let ctx = |l| LaneCtx { id, g, l, group, tab_stop };
            html! {
                <g class={classes!("ct-group", (g % 2 == 1).then_some("odd"))} data-model={group.model.clone()}
                   data-end-ms={group.end_ms.to_string()}>
                    <rect class="band" x="0" y={format!("{:.1}", b.top)} width={WIDTH.to_string()}
                          height={format!("{:.1}", b.bottom - b.top)} />
                    <text class="group-label" x="4" y={format!("{:.1}", b.top + HEADER_H - 6.0)}>
                        <tspan class="model-name">{ model_label(&group.model) }</tspan>
                        <tspan dx="10">{ header_text(group, axis) }</tspan>
                    </text>
                    { for group.lanes.iter().zip(&b.lanes).enumerate()
                        .map(|(l, (lane, lb))| lane_view(&ctx(l), lane, lb, axis)) }
                </g>
            }
        }) }
    }
}
