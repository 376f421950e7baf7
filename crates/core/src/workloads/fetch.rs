//! The I/O-bound workload: N HTTP requests that each wait on a slow server.
//!
//! Pure planning: which URL each request asks for, with which simulated
//! delay (latency plus seeded jitter, so a shared link reproduces the same
//! delays). What each model should take if waiting were all there is, is
//! the models' own (`models::registry`, from [`makespan`]).

use serde::{Deserialize, Serialize};

use super::latency::LatencySource;

/// Body size the simulated server returns per request.
pub const BODY_BYTES: u32 = 2_048;
/// Path of the simulated server (the service worker), relative to the app.
pub const DELAY_PATH: &str = "api/delay";
/// Extra time a request may take beyond its planned delay before it is
/// abandoned as timed out.
pub const TIMEOUT_GRACE_MS: u32 = 15_000;

/// The requests of a fetching workload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestParams {
    pub requests: u32,
    /// Server delay per request, ms.
    pub latency_ms: u32,
    /// Seeded random extra delay, ms.
    pub jitter_ms: u32,
    /// A user's own target instead of the simulated server.
    pub url: Option<String>,
}

/// What one request does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// An HTTP GET of this absolute URL.
    Http { url: String },
    /// A simulated wait of the request's `delay_ms` (no service worker).
    Timer,
}

/// One planned request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedRequest {
    pub index: u32,
    pub target: Target,
    /// The simulated delay; `None` for a user's own URL.
    pub delay_ms: Option<u32>,
    /// Give up after this long.
    pub timeout_ms: u32,
}

/// Every request of one run, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchPlan {
    pub requests: Vec<PlannedRequest>,
    /// Where the waiting comes from (the same for every request).
    pub source: LatencySource,
}

impl FetchPlan {
    /// Plans `params`' requests against `source`. The caller chooses
    /// `source` from `params.url` and the page.
    pub fn for_requests(params: &RequestParams, source: &LatencySource) -> FetchPlan {
        let requests = (0..params.requests)
            .map(|index| {
                let delay = params.latency_ms + jitter_ms(index, params.jitter_ms);
                let (target, delay_ms) = match source {
                    LatencySource::Url(url) => (Target::Http { url: url.clone() }, None),
                    LatencySource::ServiceWorker { base } => (
                        Target::Http {
                            url: format!(
                                "{base}{DELAY_PATH}?ms={delay}&bytes={BODY_BYTES}&i={index}"
                            ),
                        },
                        Some(delay),
                    ),
                    LatencySource::Timers => (Target::Timer, Some(delay)),
                };
                PlannedRequest {
                    index,
                    target,
                    delay_ms,
                    timeout_ms: delay_ms.unwrap_or(0).saturating_add(TIMEOUT_GRACE_MS),
                }
            })
            .collect();
        FetchPlan {
            requests,
            source: source.clone(),
        }
    }

    /// The plan as the page's own thread blocks on it (`main-thread`). A
    /// synchronous request from the page does not reach the service worker
    /// (Chromium 156, on this cross-origin isolated page: it goes to the
    /// host, which has no `api/delay`, and gets a 404), so requests to the
    /// simulated server become blocking waits of the same delays, labelled
    /// simulated; a learner's own URL stays a real request.
    pub fn blocking_on_page(&self) -> FetchPlan {
        let mut plan = self.clone();
        if matches!(plan.source, LatencySource::ServiceWorker { .. }) {
            for request in &mut plan.requests {
                request.target = Target::Timer;
            }
        }
        plan
    }

    /// The planned delays, when every request goes to the simulated server.
    pub fn delays(&self) -> Option<Vec<u32>> {
        self.requests.iter().map(|r| r.delay_ms).collect()
    }
}

/// The seeded extra delay of request `index`: uniform in `0..=jitter`.
/// The same index and jitter always give the same delay (splitmix64).
pub fn jitter_ms(index: u32, jitter: u32) -> u32 {
    if jitter == 0 {
        return 0;
    }
    let mut z = u64::from(index).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    u32::try_from(z % (u64::from(jitter) + 1)).expect("a remainder below a u32 fits in u32")
}

/// How long `delays` take when at most `lanes` run at once, each taken in
/// order by the first lane to come free (greedy list scheduling).
pub fn makespan(delays: &[u32], lanes: u32) -> f64 {
    let lanes = usize::try_from(lanes.max(1))
        .unwrap_or(usize::MAX)
        .min(delays.len().max(1));
    let mut free_at = vec![0u64; lanes];
    for &d in delays {
        let (slot, _) = free_at
            .iter()
            .enumerate()
            .min_by_key(|(_, t)| **t)
            .expect("there is at least one lane");
        free_at[slot] += u64::from(d);
    }
    free_at.into_iter().max().unwrap_or(0) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(requests: u32, latency: u32, jitter: u32) -> RequestParams {
        RequestParams {
            requests,
            latency_ms: latency,
            jitter_ms: jitter,
            url: None,
        }
    }

    fn sw(base: &str) -> LatencySource {
        LatencySource::ServiceWorker { base: base.into() }
    }

    #[test]
    fn plan_points_every_request_at_the_simulated_server() {
        let plan = FetchPlan::for_requests(&settings(3, 150, 0), &sw("http://localhost:8080/"));
        assert_eq!(plan.requests.len(), 3);
        assert_eq!(
            plan.requests[2].target,
            Target::Http {
                url: "http://localhost:8080/api/delay?ms=150&bytes=2048&i=2".into()
            }
        );
        assert_eq!(plan.delays(), Some(vec![150, 150, 150]));
        assert_eq!(plan.requests[0].timeout_ms, 15_150);
    }

    #[test]
    fn timers_wait_the_same_delays_with_the_same_predictions() {
        let timers = FetchPlan::for_requests(&settings(20, 150, 30), &LatencySource::Timers);
        let server = FetchPlan::for_requests(&settings(20, 150, 30), &sw("/"));
        assert!(timers.requests.iter().all(|r| r.target == Target::Timer));
        assert_eq!(timers.delays(), server.delays());
        assert_eq!(timers.requests[3].timeout_ms, server.requests[3].timeout_ms);
    }

    #[test]
    fn the_page_thread_blocks_on_timers_instead_of_the_simulated_server() {
        let server = FetchPlan::for_requests(&settings(4, 150, 30), &sw("/"));
        let blocking = server.blocking_on_page();
        assert!(blocking.requests.iter().all(|r| r.target == Target::Timer));
        assert_eq!(blocking.delays(), server.delays(), "the same waits");
        assert_eq!(
            blocking.source, server.source,
            "the run's source is unchanged"
        );
        let own = FetchPlan::for_requests(
            &settings(2, 150, 0),
            &LatencySource::Url("https://example.org/x".into()),
        );
        assert_eq!(
            own.blocking_on_page(),
            own,
            "a real URL stays a real request"
        );
    }

    #[test]
    fn a_custom_url_is_used_as_given_with_no_prediction() {
        let s = settings(2, 150, 0);
        let url = "https://example.org/data";
        let plan = FetchPlan::for_requests(&s, &LatencySource::Url(url.into()));
        assert!(plan
            .requests
            .iter()
            .all(|r| r.target == Target::Http { url: url.into() }));
        assert_eq!(plan.delays(), None, "no planned delays, so no prediction");
    }

    #[test]
    fn jitter_is_reproducible_and_in_range() {
        let a: Vec<u32> = (0..200).map(|i| jitter_ms(i, 40)).collect();
        let b: Vec<u32> = (0..200).map(|i| jitter_ms(i, 40)).collect();
        assert_eq!(a, b, "same seed, same delays");
        assert!(a.iter().all(|&j| j <= 40));
        assert!(
            a.iter().any(|&j| j > 30) && a.iter().any(|&j| j < 10),
            "spread over the range"
        );
        assert_eq!(jitter_ms(5, 0), 0);
        let plan = FetchPlan::for_requests(&settings(50, 100, 40), &sw("/"));
        assert_eq!(
            plan,
            FetchPlan::for_requests(&settings(50, 100, 40), &sw("/"))
        );
    }

    #[test]
    fn makespan_schedules_greedily() {
        assert_eq!(makespan(&[], 3), 0.0);
        assert_eq!(makespan(&[10, 10, 10], 1), 30.0);
        assert_eq!(makespan(&[30, 10, 10, 10], 2), 30.0);
        assert_eq!(makespan(&[5, 5], 0), 10.0, "zero lanes is treated as one");
    }
}
