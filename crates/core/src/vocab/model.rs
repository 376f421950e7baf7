//! Model identifiers as they appear in URLs, results JSON and the UI.
//! What each model does and where it runs is the registry's
//! (`models::registry`), not this file's.

use serde::{Deserialize, Serialize};

/// An execution model. The serde names are the public ids of the URL and
/// results contract (`../shared/CONTRACT.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModelId {
    /// One loop, one thread.
    Sequential,
    /// A pool of Web Worker threads (rayon): true parallelism.
    Threads,
    /// Tasks on one thread's event loop, interleaved at `await` points.
    Async,
    /// The same threads, forced through one global lock (Python's GIL).
    Gil,
    /// Isolated workers with their own memory, fed by messages (Python's
    /// multiprocessing).
    Processes,
    /// The sequential loop on the page's own thread: the page freezes.
    MainThread,
}

/// Where a model needs to run, which decides whether it can run here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelPlace {
    /// Needs only one thread (the engine worker or the page).
    SingleThread,
    /// Needs shared memory between threads (cross-origin isolation).
    SharedMemoryThreads,
}

impl ModelId {
    /// Every model, in the order the UI lists them.
    pub const ALL: [ModelId; 6] = [
        ModelId::Sequential,
        ModelId::Threads,
        ModelId::Async,
        ModelId::Gil,
        ModelId::Processes,
        ModelId::MainThread,
    ];

    /// The public id (`sequential`, `threads`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ModelId::Sequential => "sequential",
            ModelId::Threads => "threads",
            ModelId::Async => "async",
            ModelId::Gil => "gil",
            ModelId::Processes => "processes",
            ModelId::MainThread => "main-thread",
        }
    }

    /// Parses a public id; `None` for anything else.
    pub fn parse(id: &str) -> Option<ModelId> {
        ModelId::ALL.into_iter().find(|m| m.as_str() == id)
    }
}

impl std::fmt::Display for ModelId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_serde() {
        for m in ModelId::ALL {
            assert_eq!(ModelId::parse(m.as_str()), Some(m));
            let json = serde_json::to_string(&m).expect("serialise a model id");
            assert_eq!(json, format!("\"{}\"", m.as_str()));
        }
        assert_eq!(ModelId::parse("Threads"), None);
        assert_eq!(ModelId::parse(""), None);
    }
}
