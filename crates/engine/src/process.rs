//! The engine binary as one "process" of the `processes` model: compute one
//! task, echo its payload, report the time spent decoding the task and
//! encoding the answer. Runs in its own worker, without a pool; never
//! touches the DOM.

use super::outbox::{post, send_value};
use playground_core::protocol::process::{ProcessEvent, TaskItem, TrialId};
use playground_core::report::TaskRecord;
use playground_core::vocab::Lane;
use playground_web::clock::now_ms;
use playground_web::http;
use playground_web::wire_js::to_js;

/// One task as a "process": compute it, echo the payload, report the time
/// spent decoding the task and encoding the answer.
pub(super) async fn run_task(
    trial_id: TrialId,
    index: u32,
    item: TaskItem,
    payload: Vec<u8>,
    decode_ms: f64,
) {
    let lane = Lane::AnyProcess.name();
    let start = now_ms();
    let task = match item {
        TaskItem::Fib { n } => {
            let value = playground_core::workloads::fib::fib(n);
            TaskRecord::fib(index, lane, start, now_ms(), value)
        }
        TaskItem::Fetch { request } => {
            let outcome = http::fetch_async(&request).await;
            TaskRecord::fetch(index, lane, start, now_ms(), outcome)
        }
    };
    let event = ProcessEvent::TaskResult {
        trial_id,
        task,
        payload,
    };
    // The codec time the model reports: JSON text, plus copying the payload
    // out of this module's memory (see `wire_js`).
    let t0 = now_ms();
    let encoded = to_js(&event);
    let encode_ms = now_ms() - t0;
    match encoded {
        Ok(value) => {
            send_value(&value);
            // The encode time cannot travel inside the message it measures:
            // it follows in its own message (messages arrive in order).
            post(&ProcessEvent::Codec {
                trial_id,
                index,
                codec_ms: decode_ms + encode_ms,
            });
        }
        Err(e) => web_sys::console::error_1(&format!("engine: a result: {e}").into()),
    }
}
