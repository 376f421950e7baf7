//! Workload identifiers as they appear in URLs, results JSON and the UI.

use serde::{Deserialize, Serialize};

/// What to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
    /// CPU-bound: recursive fib(n), `tasks` times.
    Fib,
    /// I/O-bound: `requests` HTTP requests that each wait on a slow server.
    Fetch,
    /// Shared state: threads increment one counter `increments` times each,
    /// without a lock, with an atomic and with a mutex.
    Race,
    /// Mixed: fetch each item, then compute fib(n) on it.
    Pipeline,
    /// The convoy effect: one I/O thread makes short requests, alone and
    /// beside CPU-bound threads.
    Convoy,
}

impl Workload {
    /// Every workload, in the order the form lists them.
    pub const ALL: [Workload; 5] = [
        Workload::Fib,
        Workload::Fetch,
        Workload::Race,
        Workload::Pipeline,
        Workload::Convoy,
    ];

    /// The public id (`fib`, `fetch`).
    pub fn as_str(self) -> &'static str {
        match self {
            Workload::Fib => "fib",
            Workload::Fetch => "fetch",
            Workload::Race => "race",
            Workload::Pipeline => "pipeline",
            Workload::Convoy => "convoy",
        }
    }

    /// Parses a public id.
    pub fn parse(id: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.as_str() == id)
    }

    /// True when the workload sends HTTP requests (it needs a server).
    pub fn fetches(self) -> bool {
        matches!(
            self,
            Workload::Fetch | Workload::Pipeline | Workload::Convoy
        )
    }

    /// Whether a task without a value is a request (`fetch`, `pipeline`);
    /// elsewhere it is a failed or stopped computation. Not the convoy,
    /// which fetches but whose lanes mix requests and fib: a convoy
    /// request is told by its lane, not by its value.
    pub fn valueless_task_is_request(self) -> bool {
        matches!(self, Workload::Fetch | Workload::Pipeline)
    }
}

impl std::fmt::Display for Workload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_serde() {
        for w in Workload::ALL {
            assert_eq!(Workload::parse(w.as_str()), Some(w));
            let json = serde_json::to_string(&w).expect("serialise a workload");
            assert_eq!(json, format!("\"{}\"", w.as_str()));
        }
        assert_eq!(Workload::parse("Fib"), None);
    }
}
