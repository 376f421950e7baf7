//! One HTTP request, two ways: awaited (`fetch`, for the page's event loop)
//! and blocking (synchronous XHR, allowed only in workers: the stand-in for
//! Python's blocking `requests.get` on a thread).
//!
//! Both give the same outcome type and the same readable errors.

use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCache, XmlHttpRequest};

use crate::vocab::FetchError;
use crate::workloads::fetch::PlannedRequest;

/// `(http_status, body_bytes)` or why no response arrived.
pub type Outcome = Result<(u16, u64), FetchError>;

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

/// Sends `req` with `fetch` and waits for the whole body without blocking.
/// Dropping the future aborts the request.
pub async fn fetch_async(req: &PlannedRequest) -> Outcome {
    let controller = AbortController::new().map_err(|_| FetchError::CannotAbort)?;
    let _guard = AbortOnDrop(controller.clone());
    let abort = controller.clone();
    // Aborts the request when it outlives its timeout; dropped (cancelled) on return.
    let _timer = gloo::timers::callback::Timeout::new(req.timeout_ms, move || abort.abort());
    let signal = controller.signal();
    let response = gloo::net::http::Request::get(&req.url)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            if signal.aborted() {
                timed_out(req)
            } else {
                no_response(&req.url)
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
    Ok((response.status(), body.len() as u64))
}

/// Sends `req` with a synchronous XHR: the calling thread waits for the
/// answer. Only allowed in workers.
pub fn fetch_blocking(req: &PlannedRequest) -> Outcome {
    let xhr = XmlHttpRequest::new().map_err(|_| FetchError::CannotRequest)?;
    xhr.open_with_async("GET", &req.url, false)
        .map_err(|_| FetchError::InvalidUrl {
            url: req.url.clone(),
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
            no_response(&req.url)
        });
    }
    let status = xhr.status().map_err(|_| no_response(&req.url))?;
    if status == 0 {
        return Err(no_response(&req.url));
    }
    let bytes = xhr
        .response_text()
        .ok()
        .flatten()
        .map_or(0, |t| t.len() as u64);
    Ok((status, bytes))
}
