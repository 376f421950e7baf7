//! One HTTP request, two ways: awaited (`fetch`, for the page's event loop)
//! and blocking (synchronous XHR, allowed only in workers: the stand-in for
//! Python's blocking `requests.get` on a thread).
//!
//! Without a service worker the plan's requests are simulated waits
//! ([`Target::Timer`]): the same two ways, on a timer instead of HTTP, on the
//! thread that makes the request. Both give the same outcome type and the
//! same readable errors.

use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCache, XmlHttpRequest};

use playground_core::vocab::FetchError;
use playground_core::workloads::fetch::{PlannedRequest, Target};
use playground_core::workloads::latency::Answer;

/// What came back, or why no response arrived.
pub type Outcome = Result<Answer, FetchError>;

fn no_response(url: &str) -> FetchError {
    FetchError::NoResponse {
        url: url.to_owned(),
    }
}

fn timed_out(req: &PlannedRequest) -> FetchError {
    FetchError::TimedOut {
        timeout_ms: req.timeout_ms,
    }
}

/// Aborts a request when dropped (a stopped run drops its futures).
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends `req` with `fetch` and waits for the whole body without blocking
/// (or awaits a timer for a simulated wait). Dropping the future aborts the
/// request.
pub async fn fetch_async(req: &PlannedRequest) -> Outcome {
    let url = match &req.target {
        Target::Http { url } => url,
        Target::Timer => {
            gloo::timers::future::TimeoutFuture::new(req.delay_ms.unwrap_or(0)).await;
            return Ok(Answer::Waited);
        }
    };
    let controller = AbortController::new().map_err(|_| FetchError::CannotAbort)?;
    let _guard = AbortOnDrop(controller.clone());
    let abort = controller.clone();
    // Aborts the request when it outlives its timeout; dropped (cancelled) on return.
    let _timer = gloo::timers::callback::Timeout::new(req.timeout_ms, move || abort.abort());
    let signal = controller.signal();
    let response = gloo::net::http::Request::get(url)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            if signal.aborted() {
                timed_out(req)
            } else {
                no_response(url)
            }
        })?;
    let body = response.binary().await.map_err(|e| {
        if signal.aborted() {
            timed_out(req)
        } else {
            FetchError::NoBody {
                detail: e.to_string(),
            }
        }
    })?;
    Ok(Answer::Http {
        status: response.status(),
        bytes: body.len() as u64,
    })
}

/// Sends `req` with a synchronous XHR: the calling thread waits for the
/// answer (or blocks for a simulated wait). Only allowed in workers, except
/// for `main-thread`, which blocks the page on purpose.
pub fn fetch_blocking(req: &PlannedRequest) -> Outcome {
    let url = match &req.target {
        Target::Http { url } => url,
        Target::Timer => {
            block_for(req.delay_ms.unwrap_or(0));
            return Ok(Answer::Waited);
        }
    };
    let xhr = XmlHttpRequest::new().map_err(|_| FetchError::CannotRequest)?;
    xhr.open_with_async("GET", url, false)
        .map_err(|_| FetchError::InvalidUrl {
            url: url.to_owned(),
        })?;
    // Timeouts on synchronous requests are allowed in workers only; on the
    // page (the `main-thread` model) setting one throws.
    if js_sys::global().dyn_ref::<web_sys::Window>().is_none() {
        xhr.set_timeout(req.timeout_ms);
    }
    if let Err(e) = xhr.send() {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        return Err(if name == "TimeoutError" {
            timed_out(req)
        } else {
            no_response(url)
        });
    }
    let status = xhr.status().map_err(|_| no_response(url))?;
    if status == 0 {
        return Err(no_response(url));
    }
    let bytes = xhr
        .response_text()
        .ok()
        .flatten()
        .map_or(0, |t| t.len() as u64);
    Ok(Answer::Http { status, bytes })
}

/// Busy-waits until `until` on the shared clock. The page's thread may not
/// sleep (`Atomics.wait` throws there), so holding it means spinning.
pub fn spin_until(until: f64) {
    while crate::clock::now_ms() < until {
        std::hint::spin_loop();
    }
}

/// Blocks the calling thread for `ms`, the way a blocking request would.
fn block_for(ms: u32) {
    let until = crate::clock::now_ms() + f64::from(ms);
    if js_sys::global().dyn_ref::<web_sys::Window>().is_some() {
        // `main-thread` spins: the page freezes, as with a blocking request.
        spin_until(until);
        return;
    }
    // In a worker, std's sleep is `memory.atomic.wait32` with a timeout on
    // the shared memory: the thread sleeps without using a core, like a
    // thread blocked on a socket.
    loop {
        let left = until - crate::clock::now_ms();
        if left <= 0.0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs_f64(left / 1_000.0));
    }
}
