//! The replay control: Play/Pause, a speed (1x, 1/10x, 1/100x) and a
//! slider over the run. It owns the replay's clock ([`Replay`]) and its
//! animation frames, and reports the moment to show (`None`: the whole
//! run); the chart draws `CombinedTimeline::at` of it. With "reduce motion"
//! set, Play shows the end state at once (the slider still steps through).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use playground_core::chart::{Replay, Speed};
use playground_web::clock::since_thread_start_ms;

#[derive(Properties, PartialEq)]
pub struct ReplayControlProps {
    /// How long the replay lasts: until the slowest model ended, ms.
    pub duration_ms: f64,
    /// The moment shown now (`None`: the whole run).
    pub shown_ms: Option<f64>,
    /// The moment to show changed.
    pub on_time: Callback<Option<f64>>,
}

type Emit = Rc<RefCell<Callback<Option<f64>>>>;
type Slot = Rc<RefCell<Option<AnimationFrame>>>;

/// Shows the replay's moment on every frame until it ends.
fn schedule(r: Replay, duration: f64, state: UseStateHandle<Replay>, emit: Emit, slot: Slot) {
    let next_slot = slot.clone();
    let frame = request_animation_frame(move |_| {
        // The time the callback runs, on the clock the clicks read.
        let now = since_thread_start_ms();
        let next = r.tick(now, duration);
        emit.borrow().emit(next.shown_ms(now, duration));
        if next.is_playing() {
            schedule(r, duration, state, emit, next_slot);
        } else {
            state.set(next);
        }
    });
    *slot.borrow_mut() = Some(frame);
}

#[function_component(ReplayControl)]
pub fn replay_control(props: &ReplayControlProps) -> Html {
    let replay = use_state(Replay::default);
    let speed = use_state(Speed::default);
    // The latest callback, read by the frame loop (which outlives renders).
    let emit: Emit = use_mut_ref(|| props.on_time.clone());
    *emit.borrow_mut() = props.on_time.clone();
    let duration = props.duration_ms;
    {
        // Another run: back to its end state.
        let (replay, emit) = (replay.clone(), emit.clone());
        use_effect_with(duration.to_bits(), move |_| {
            replay.set(Replay::End);
            emit.borrow().emit(None);
        });
    }
    {
        let (state, emit) = (replay.clone(), emit.clone());
        use_effect_with((*replay, duration.to_bits()), move |(r, _)| {
            let slot: Slot = Rc::default();
            if r.is_playing() {
                schedule(*r, duration, state, emit, slot.clone());
            }
            move || drop(slot.borrow_mut().take())
        });
    }
    let playing = replay.is_playing();
    let on_play = {
        let (replay, speed, emit) = (replay.clone(), speed.clone(), emit.clone());
        Callback::from(move |_| {
            let now = since_thread_start_ms();
            let next = if replay.is_playing() {
                replay.pause(now, duration)
            } else {
                replay.play(
                    now,
                    duration,
                    *speed,
                    playground_web::platform::reduced_motion(),
                )
            };
            emit.borrow().emit(next.shown_ms(now, duration));
            replay.set(next);
        })
    };
    let on_speed = {
        let (replay, speed) = (replay.clone(), speed.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(s) = Speed::parse(&select.value()) {
                replay.set(replay.with_speed(since_thread_start_ms(), duration, s));
                speed.set(s);
            }
        })
    };
    let on_scrub = {
        let (replay, emit) = (replay.clone(), emit.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(t) = input.value().parse::<f64>() {
                let next = Replay::seek(t, duration);
                emit.borrow()
                    .emit(next.shown_ms(since_thread_start_ms(), duration));
                replay.set(next);
            }
        })
    };
    let state = match *replay {
        Replay::End => "end",
        Replay::Playing { .. } => "playing",
        Replay::Paused { .. } => "paused",
    };
    let shown = props.shown_ms.unwrap_or(duration);
    html! {
        <div class="replay" role="group" aria-label="Replay the run" data-testid="replay" data-state={state}>
            <button type="button" class="small" data-testid="replay-play" onclick={on_play}
                    disabled={duration <= 0.0} aria-label={if playing { "Pause the replay" } else { "Replay the run" }}>
                { if playing { "❚❚ Pause" } else { "▶ Replay" } }
            </button>
            <label class="replay-speed">{ "Speed " }
                <select data-testid="replay-speed" onchange={on_speed}>
                    { for Speed::ALL.into_iter().map(|s| html! {
                        <option value={s.key()} selected={*speed == s}>{ s.label() }</option>
                    }) }
                </select>
            </label>
            <input type="range" class="replay-scrub" data-testid="replay-scrub" min="0" max={duration.to_string()}
                   step="any" value={shown.to_string()} oninput={on_scrub} aria-label="Moment of the run (ms)"
                   aria-valuetext={format!("{shown:.1} ms of {duration:.1} ms")} />
            <output data-testid="replay-time" aria-live="off">{ format!("{shown:.1} / {duration:.1} ms") }</output>
        </div>
    }
}
