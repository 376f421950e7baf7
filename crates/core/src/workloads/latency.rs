//! Where the fetch workload's waiting comes from, chosen in one place once
//! per run: the simulated slow server (the service worker), timers when no
//! service worker is allowed (simulated waiting, not HTTP), or the learner's
//! own URL. Also the answer one request gets, whatever the source.
//!
//! Pure: no web APIs. The waiting itself is done by `models::http`.

use serde::{Deserialize, Serialize};

/// The source of every request's latency in one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LatencySource {
    /// The simulated slow server: the service worker answers
    /// `<base>api/delay?ms=` after the delay (real `fetch`/XHR, real HTTP
    /// semantics inside the browser). `base` ends in `/`.
    ServiceWorker { base: String },
    /// No service worker here (a cross-site frame without storage, a private
    /// window, a non-secure origin): each request waits its delay on a timer
    /// on the thread that makes it, without any HTTP. Awaiting code awaits a
    /// timer; blocking code (worker threads, `main-thread`) blocks the thread.
    Timers,
    /// The learner's own URL: real HTTP, unknown latency.
    Url(String),
}

/// The source's name in the results JSON (`environment.latency_source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LatencyKind {
    ServiceWorker,
    Timers,
    Url,
}

impl LatencySource {
    /// The learner's URL if there is one; else the simulated server if the
    /// service worker is in control; else timers.
    pub fn choose(url: Option<&str>, service_worker_ready: bool, base: &str) -> LatencySource {
        match url {
            Some(url) => LatencySource::Url(url.to_owned()),
            None if service_worker_ready => LatencySource::ServiceWorker {
                base: base.to_owned(),
            },
            None => LatencySource::Timers,
        }
    }

    pub fn kind(&self) -> LatencyKind {
        match self {
            LatencySource::ServiceWorker { .. } => LatencyKind::ServiceWorker,
            LatencySource::Timers => LatencyKind::Timers,
            LatencySource::Url(_) => LatencyKind::Url,
        }
    }
}

impl LatencyKind {
    /// The name used in the results JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LatencyKind::ServiceWorker => "service-worker",
            LatencyKind::Timers => "timers",
            LatencyKind::Url => "url",
        }
    }

    /// One line for the page: what the requests of a fetch run really do.
    pub fn describe(self) -> &'static str {
        match self {
            LatencyKind::ServiceWorker => {
                "HTTP requests to the simulated slow server (a service worker answers each \
                 after its delay)"
            }
            LatencyKind::Timers => {
                "simulated waiting, not HTTP: this browser allows no service worker here, so \
                 each request is a wait of its delay on a timer, on the thread that makes it \
                 (awaited on the event loop, blocking on worker threads)"
            }
            LatencyKind::Url => "HTTP requests to your own URL",
        }
    }
}

/// What one request got back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// A response with this HTTP status and body size.
    Http { status: u16, bytes: u64 },
    /// A simulated wait of the planned delay ran out (no HTTP involved).
    Waited,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_wins_then_the_service_worker_then_timers() {
        let url = Some("https://example.org/x");
        assert_eq!(
            LatencySource::choose(url, true, "/"),
            LatencySource::Url("https://example.org/x".into())
        );
        assert_eq!(
            LatencySource::choose(url, false, "/").kind(),
            LatencyKind::Url
        );
        assert_eq!(
            LatencySource::choose(None, true, "http://a/"),
            LatencySource::ServiceWorker {
                base: "http://a/".into()
            }
        );
        assert_eq!(
            LatencySource::choose(None, false, "http://a/"),
            LatencySource::Timers
        );
    }

    #[test]
    fn names_match_the_results_json() {
        for kind in [
            LatencyKind::ServiceWorker,
            LatencyKind::Timers,
            LatencyKind::Url,
        ] {
            let json = serde_json::to_string(&kind).expect("serialise");
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert!(LatencyKind::Timers.describe().contains("not HTTP"));
    }
}
