//! Tests of the combined timeline's series, on fixed results.

use super::*;
use crate::chart::fixtures;

fn lane<'a>(g: &'a ModelGroup, name: &str) -> &'a CombinedLane {
    g.lanes
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("{} has lane {name}", g.model))
}

fn group<'a>(t: &'a CombinedTimeline, model: &str) -> &'a ModelGroup {
    t.groups
        .iter()
        .find(|g| g.model == model)
        .unwrap_or_else(|| panic!("a group for {model}"))
}

#[test]
fn all_models_share_one_axis_fitted_to_the_slowest_or_the_fastest() {
    // Reference run 7: sequential 181, threads 20, gil 233, processes 24, async 178 ms.
    let results = fixtures::reference(6);
    let t = CombinedTimeline::from_results(&results);
    assert_eq!(t.groups.len(), 5);
    let slowest = t.axis(Fit::Slowest);
    let fastest = t.axis(Fit::Fastest);
    let gil = group(&t, "gil");
    let threads = group(&t, "threads");
    assert_eq!(slowest.end_ms, t.duration_ms());
    assert!(
        (slowest.end_ms - gil.end_ms).abs() < 1e-9,
        "gil is the slowest"
    );
    assert!(
        (fastest.end_ms - threads.end_ms).abs() < 1e-9,
        "threads the fastest"
    );
    // One scale: the same ms map to the same fraction for every model, so
    // threads' last segment ends far left of gil's.
    let last_end = |g: &ModelGroup| {
        g.lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Work)
            .flat_map(|l| l.segments.iter().map(|s| s.end_ms))
            .fold(0.0, f64::max)
    };
    let x_threads = slowest.fraction(last_end(threads));
    let x_gil = slowest.fraction(last_end(gil));
    assert!(x_threads < 0.1 && x_gil > 0.9, "{x_threads} {x_gil}");
    // Every segment's ms are the task's ms: nothing is rescaled per model.
    let run = &results.runs[1];
    for task in &run.tasks {
        let seg = threads
            .lanes
            .iter()
            .flat_map(|l| &l.segments)
            .find(|s| s.task == Some(task.index))
            .expect("a segment per task");
        assert_eq!((seg.start_ms, seg.end_ms), (task.start_ms, task.end_ms));
    }
    // On the fastest fit, slower models run off the axis and are clipped.
    assert_eq!(fastest.span(100.0, 150.0), None, "wholly past the edge");
    let cut = fastest.span(10.0, 150.0).expect("partly on the axis");
    assert_eq!(cut, (10.0 / fastest.end_ms, 1.0));
    assert_eq!(fastest.span(-5.0, -1.0), None);
    assert_eq!(slowest.span(0.0, slowest.end_ms), Some((0.0, 1.0)));
}

#[test]
fn lanes_are_grouped_per_model_in_natural_order() {
    let t = CombinedTimeline::from_results(&fixtures::reference(6));
    let names = |m: &str| -> Vec<String> {
        group(&t, m)
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Work)
            .map(|l| l.name.clone())
            .collect()
    };
    assert_eq!(names("sequential"), vec!["engine"]);
    let threads = names("threads");
    assert_eq!(threads.len(), 16);
    let expected: Vec<String> = (1..=16).map(|k| format!("thread-{k}")).collect();
    assert_eq!(threads, expected, "thread-2 before thread-10");
    assert_eq!(
        names("processes").first().map(String::as_str),
        Some("process-1")
    );
    let small = CombinedTimeline::from_results(&fixtures::small());
    let gil: Vec<(&str, LaneKind)> = group(&small, "gil")
        .lanes
        .iter()
        .map(|l| (l.name.as_str(), l.kind))
        .collect();
    assert_eq!(
        gil,
        vec![
            ("thread-2", LaneKind::Work),
            ("thread-10", LaneKind::Work),
            ("overheads (apart)", LaneKind::Overheads),
        ]
    );
}

#[test]
fn gil_waits_are_their_own_segments_between_computing() {
    let t = CombinedTimeline::from_results(&fixtures::small());
    let g = group(&t, "gil");
    let kinds: Vec<(f64, f64, SegmentKind)> = lane(g, "thread-10")
        .segments
        .iter()
        .map(|s| (s.start_ms, s.end_ms, s.kind))
        .collect();
    use SegmentKind::{Compute, GilWait};
    assert_eq!(
        kinds,
        vec![
            (0.0, 5.0, Compute),
            (5.0, 15.0, GilWait),
            (15.0, 25.0, Compute),
            (25.0, 35.0, GilWait),
            (35.0, 48.0, Compute),
        ]
    );
    // A wait at the task's start, and one overhanging its end (clipped).
    let kinds: Vec<(f64, f64, SegmentKind)> = lane(g, "thread-2")
        .segments
        .iter()
        .map(|s| (s.start_ms, s.end_ms, s.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (0.0, 5.0, GilWait),
            (5.0, 44.0, Compute),
            (44.0, 49.0, GilWait)
        ]
    );
}

#[test]
fn io_waits_are_their_own_segments() {
    let t = CombinedTimeline::from_results(&fixtures::fetch());
    let seq = lane(group(&t, "sequential"), "page");
    assert_eq!(seq.segments.len(), 2);
    assert!(seq.segments.iter().all(|s| s.kind == SegmentKind::IoWait));
    assert!(seq.segments[0].ok && !seq.segments[1].ok, "the 500 failed");
    let pipeline: Vec<(f64, f64, SegmentKind)> = lane(group(&t, "threads"), "thread-1")
        .segments
        .iter()
        .map(|s| (s.start_ms, s.end_ms, s.kind))
        .collect();
    assert_eq!(
        pipeline,
        vec![
            (0.0, 100.0, SegmentKind::IoWait),
            (100.0, 125.0, SegmentKind::Compute)
        ]
    );
    // The 100-request reference: every async fetch an I/O segment, stacked.
    let r = CombinedTimeline::from_results(&fixtures::reference(7));
    let page = lane(group(&r, "async"), "page");
    assert_eq!(page.segments.len(), 100);
    assert!(page.segments.iter().all(|s| s.kind == SegmentKind::IoWait));
    assert!(page.rows > 1, "requests in flight together are stacked");
}

#[test]
fn overlapping_tasks_on_one_lane_are_stacked_in_rows() {
    let t = CombinedTimeline::from_results(&fixtures::small());
    let engine = lane(group(&t, "async"), "engine");
    assert_eq!(engine.rows, 2);
    let rows: Vec<(Option<u32>, u32)> = engine.segments.iter().map(|s| (s.task, s.row)).collect();
    assert_eq!(rows, vec![(Some(0), 0), (Some(1), 1), (Some(2), 0)]);
    // Task 2 is a fib task that failed (no value): computing, not I/O.
    let failed = &engine.segments[2];
    assert_eq!((failed.kind, failed.ok), (SegmentKind::Compute, false));
}

#[test]
fn the_page_lane_shows_blocking_and_long_frames() {
    let t = CombinedTimeline::from_results(&fixtures::small());
    let main = group(&t, "main-thread");
    let page = lane(main, "page responsiveness");
    assert_eq!(page.kind, LaneKind::Responsiveness);
    assert_eq!(page.segments.len(), 1, "two tasks back to back: one freeze");
    let freeze = &page.segments[0];
    assert_eq!((freeze.start_ms, freeze.end_ms), (0.0, 60.0));
    assert!(freeze.is_long_frame());
    assert_eq!(main.page.long_frames, Some(1));
    assert_eq!(main.page.longest_gap_ms, Some(61.0));
    // sequential ran in the engine: the page lane has its summary, no freeze.
    let seq = group(&t, "sequential");
    assert!(lane(seq, "page responsiveness").segments.is_empty());
    assert_eq!(seq.page.longest_gap_ms, Some(17.0));
    // No page data at all (async here): no responsiveness lane.
    assert!(group(&t, "async")
        .lanes
        .iter()
        .all(|l| l.kind != LaneKind::Responsiveness));
}

#[test]
fn overheads_are_marked_segments_outside_the_model_time() {
    let t = CombinedTimeline::from_results(&fixtures::small());
    let g = group(&t, "gil");
    let o = lane(g, "overheads (apart)");
    let segs: Vec<(&str, f64, f64)> = o
        .segments
        .iter()
        .map(|s| (s.label.as_str(), s.start_ms, s.end_ms))
        .collect();
    assert_eq!(
        segs,
        vec![("pool_start", 0.0, 95.0), ("warm_up", 95.0, 395.0)]
    );
    assert!(o.segments.iter().all(|s| s.kind == SegmentKind::Overhead));
    assert_eq!(g.end_ms, 50.0, "the model's own time excludes them");
    assert_eq!(t.axis(Fit::Slowest).end_ms, 60.0, "and so does the axis");
}

#[test]
fn a_skipped_model_has_a_group_without_lanes_and_its_reason() {
    let t = CombinedTimeline::from_results(&fixtures::small());
    let p = group(&t, "processes");
    assert_eq!(p.status, RunStatus::Skipped);
    assert!(p.lanes.is_empty());
    assert_eq!(p.end_ms, 0.0);
    assert_eq!(p.note.as_deref(), Some("no cross-origin isolation"));
    assert_eq!(
        t.axis(Fit::Fastest).end_ms,
        20.0,
        "skipped models do not fit"
    );
}

#[test]
fn replay_shows_what_had_started_by_t_cut_at_t() {
    let t = CombinedTimeline::from_results(&fixtures::small());
    let at = t.at(10.0);
    let gil = group(&at, "gil");
    let segs: Vec<(f64, f64, SegmentKind)> = lane(gil, "thread-10")
        .segments
        .iter()
        .map(|s| (s.start_ms, s.end_ms, s.kind))
        .collect();
    assert_eq!(
        segs,
        vec![
            (0.0, 5.0, SegmentKind::Compute),
            (5.0, 10.0, SegmentKind::GilWait)
        ]
    );
    // Overheads are not part of the race: shown whole.
    assert_eq!(lane(gil, "overheads (apart)").segments.len(), 2);
    // At 0 nothing has started; at the end everything is drawn.
    let start = t.at(0.0);
    assert!(start
        .groups
        .iter()
        .flat_map(|g| &g.lanes)
        .filter(|l| l.kind == LaneKind::Work)
        .all(|l| l.segments.is_empty()));
    assert_eq!(t.at(t.duration_ms()), t);
    assert!(group(&t, "async").finished_at(20.0) && !group(&t, "gil").finished_at(20.0));
}

#[test]
fn ticks_are_round_and_cover_the_axis() {
    assert_eq!(
        Axis { end_ms: 233.0 }.ticks(5),
        vec![0.0, 50.0, 100.0, 150.0, 200.0]
    );
    assert_eq!(
        Axis { end_ms: 20.0 }.ticks(4),
        vec![0.0, 5.0, 10.0, 15.0, 20.0]
    );
    assert_eq!(Axis { end_ms: 0.0 }.ticks(4), vec![0.0]);
}
