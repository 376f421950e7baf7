//! The responsiveness meter: the page's heartbeat, a timer on the page's
//! thread that ticks every 16 ms (a frame's length), moves the heartbeat
//! dot and records the gaps between its ticks, plus the browser's long-task
//! reports. A frozen page runs no timers, so the longest gap measures how
//! long the page could not respond, as the gap between its frames would.
//!
//! A timer, not a `requestAnimationFrame` loop, on purpose: a rAF loop makes
//! the browser produce a frame 60 times a second, on the page's thread and
//! its compositor, which on 2 cores took a few per cent from a 2-thread pool
//! (docs/performance.md, "Keeping timings honest"). A timer tick that changes nothing
//! draws nothing; the dot's moves (20 a second) are the only frames it asks
//! for. Nor a CSS animation: that runs on the compositor and keeps moving
//! while the page's thread is blocked, hiding the freeze.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use gloo::render::request_animation_frame;
use gloo::timers::callback::Interval;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{PerformanceObserver, PerformanceObserverEntryList, PerformanceObserverInit};

pub use playground_core::chart::LONG_FRAME_MS;

/// How often the heartbeat ticks, ms: a frame's length at 60 Hz, so that
/// the gaps of a page that responds read as its frames' would (~17 ms).
const TICK_MS: u32 = 16;

/// How long to wait for long-task reports after a run, ms.
const REPORT_DELAY_MS: u32 = 30;

/// The id of the element the meter moves.
pub const DOT_ID: &str = "heartbeat-dot";

/// What the meter saw since its last reset.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PageStats {
    pub longest_gap_ms: f64,
    pub long_frames: u32,
    /// Longest task the browser reported (`None` where it reports none).
    pub longest_task_ms: Option<f64>,
}

/// The long-task observer and the callback it calls (kept alive together).
type LongTaskObserver = (
    PerformanceObserver,
    Closure<dyn FnMut(PerformanceObserverEntryList)>,
);

#[derive(Default)]
struct State {
    last_tick: Option<f64>,
    stats: PageStats,
    /// The step of the dot's last move (`t / DOT_STEP_MS`).
    dot_step: Option<i64>,
}

/// A running meter. Dropping it stops the heartbeat.
pub struct Meter {
    state: Rc<RefCell<State>>,
    _heartbeat: Interval,
    _observer: Option<LongTaskObserver>,
}

impl Meter {
    /// Starts the heartbeat and the long-task observer.
    pub fn start() -> Self {
        let state: Rc<RefCell<State>> = Rc::default();
        let ticks = state.clone();
        Meter {
            _heartbeat: Interval::new(TICK_MS, move || tick(&ticks)),
            _observer: observe_long_tasks(state.clone()),
            state,
        }
    }

    /// Starts a new measurement (keeps the last tick's time, so a freeze
    /// that starts right away is measured from the tick before it).
    pub fn reset(&self) {
        self.state.borrow_mut().stats = PageStats::default();
    }

    /// Waits two ticks (a freeze that ends now shows up as the gap before
    /// the first: the tick that was due runs before this later timer) and
    /// for the browser's long-task reports, which arrive in a task of their
    /// own; then returns what was seen since the reset. Timers, not frames:
    /// a page that draws no frames (a background tab, an iframe scrolled out
    /// of view) still finishes its run.
    pub async fn finish(&self) -> PageStats {
        gloo::timers::future::TimeoutFuture::new(2 * TICK_MS + REPORT_DELAY_MS).await;
        self.state.borrow().stats
    }
}

/// One heartbeat: records the gap since the last tick and moves the dot
/// when its step changes.
fn tick(state: &RefCell<State>) {
    let t = playground_web::clock::since_thread_start_ms();
    let mut s = state.borrow_mut();
    if let Some(last) = s.last_tick {
        let gap = t - last;
        s.stats.longest_gap_ms = s.stats.longest_gap_ms.max(gap);
        if gap > LONG_FRAME_MS {
            s.stats.long_frames += 1;
        }
    }
    s.last_tick = Some(t);
    let step = (t / DOT_STEP_MS).floor() as i64;
    if s.dot_step != Some(step) {
        s.dot_step = Some(step);
        move_dot(step as f64 * DOT_STEP_MS);
    }
}

/// How often the dot moves, ms: 20 times a second, not every tick. Each
/// move is a frame to paint and composite, and painting it every frame
/// cost a 2-thread pool a few per cent on 2 cores (docs/performance.md,
/// "Keeping timings honest"). A freeze still stops the dot.
const DOT_STEP_MS: f64 = 50.0;

/// How far the dot travels, px (its track is 120 px, the dot 10 px).
const DOT_TRAVEL_PX: f64 = 110.0;

/// Moves the heartbeat dot back and forth (one sweep a second). With
/// "reduce motion" set, the dot stays put and alternates its shade instead.
fn move_dot(t: f64) {
    let Some(dot) = gloo::utils::document().get_element_by_id(DOT_ID) else {
        return;
    };
    if let Some(dot) = dot.dyn_ref::<web_sys::HtmlElement>() {
        let phase = (t / 1_000.0).fract();
        let style = dot.style();
        if playground_web::platform::reduced_motion() {
            let _ = style.set_property("opacity", if phase < 0.5 { "1" } else { "0.35" });
        } else {
            let x = if phase < 0.5 {
                phase * 2.0
            } else {
                2.0 - phase * 2.0
            };
            let _ = style.set_property(
                "transform",
                &format!("translateX({:.1}px)", x * DOT_TRAVEL_PX),
            );
        }
    }
}

/// How long `next_frame` waits for a frame that does not come, ms.
const FRAME_WAIT_MS: u32 = 100;

/// Resolves at the next animation frame, or after `FRAME_WAIT_MS` where the
/// page draws none: browsers run no frames in a background tab or in an
/// iframe of another site scrolled out of view, and a run that waited for
/// one there never finished (an autorun embed below the fold of a docs page:
/// `embed.test.mjs`).
pub async fn next_frame() {
    let (tx, rx) = oneshot::channel::<()>();
    let _frame = request_animation_frame(move |_| {
        let _ = tx.send(());
    });
    let timeout = gloo::timers::future::TimeoutFuture::new(FRAME_WAIT_MS);
    futures::future::select(rx, timeout).await;
}

/// Records the browser's long tasks (Chromium reports them; others may not).
fn observe_long_tasks(state: Rc<RefCell<State>>) -> Option<LongTaskObserver> {
    let callback = Closure::<dyn FnMut(PerformanceObserverEntryList)>::new(
        move |list: PerformanceObserverEntryList| {
            let mut s = state.borrow_mut();
            for entry in list.get_entries().iter() {
                if let Some(entry) = entry.dyn_ref::<web_sys::PerformanceEntry>() {
                    let longest = s.stats.longest_task_ms.unwrap_or(0.0);
                    s.stats.longest_task_ms = Some(longest.max(entry.duration()));
                }
            }
        },
    );
    let observer = PerformanceObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    // Long tasks, and long animation frames: a block that starts inside a
    // frame callback (as `main-thread` does) is reported only as the latter.
    let types = js_sys::Array::of2(&"longtask".into(), &"long-animation-frame".into());
    let init = PerformanceObserverInit::new(&types);
    observer.observe(&init);
    Some((observer, callback))
}
