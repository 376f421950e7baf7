//! The models: each one's id as URLs, results JSON and the UI spell it, and
//! what it is: what it needs from the browser, where it runs each workload,
//! how many requests it has in flight (its fetch prediction). One entry per
//! model, in [`models!`]'s list below; the rest of a model is its module in
//! `playground_models` and its texts in `models/models.en.json`.

use serde::{Deserialize, Serialize};

use super::Workload;

/// Where a model needs to run, which decides whether it can run here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelNeeds {
    /// Needs only one thread (the engine worker or the page).
    SingleThread,
    /// Needs shared memory between threads (cross-origin isolation).
    SharedMemoryThreads,
}

/// Where a model runs one workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// On the engine worker's own thread (its loop or event loop).
    Engine,
    /// In the engine, using its rayon pool (it fails without the pool).
    EnginePool,
    /// On the page's event loop, awaiting, never blocking.
    Page,
    /// On the page's own thread, blocking it on purpose.
    PageBlocking,
    /// In isolated process workers, one task per message.
    ProcessWorkers,
}

impl Placement {
    /// True when the engine worker runs it (Stop then replaces the engine).
    pub fn in_engine(self) -> bool {
        matches!(self, Placement::Engine | Placement::EnginePool)
    }
}

/// How many requests a model has in flight at once: the fetch prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InFlight {
    /// One by one: the sum of every delay.
    One,
    /// One per thread (or process): the delays shared out over `threads`.
    Threads,
    /// All at once, or at most the `concurrency` cap.
    Concurrency,
}

impl InFlight {
    /// The number of requests in flight for a pool of `threads` and an
    /// optional `concurrency` cap.
    pub fn lanes(self, threads: u32, concurrency: Option<u32>) -> u32 {
        match self {
            InFlight::One => 1,
            InFlight::Threads => threads,
            InFlight::Concurrency => concurrency.unwrap_or(u32::MAX),
        }
    }
}

/// One model's entry: what the code needs to know about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelSpec {
    pub id: ModelId,
    /// What it needs from the browser (shared memory or one thread).
    pub needs: ModelNeeds,
    /// Where it runs each workload it supports; a workload not listed is
    /// reported as skipped.
    pub runs: &'static [(Workload, Placement)],
    /// Requests in flight at once, for the fetch prediction.
    pub in_flight: InFlight,
}

impl ModelSpec {
    /// Where this model runs `workload`; `None` when it does not apply.
    pub fn placement(&self, workload: Workload) -> Option<Placement> {
        self.runs
            .iter()
            .find(|(w, _)| *w == workload)
            .map(|(_, p)| *p)
    }
}

/// Writes [`ModelId`] (with its public spelling) and [`MODELS`] from one
/// list, so that a model's id and its entry cannot drift apart.
macro_rules! models {
    ($(
        $(#[doc = $doc:literal])*
        $id:ident = $name:literal {
            needs: $needs:ident,
            in_flight: $in_flight:ident,
            runs: [$($workload:ident => $placement:ident),* $(,)?] $(,)?
        }
    ),* $(,)?) => {
        /// An execution model. The serde names are the public ids of the URL
        /// and results contract (`../shared/CONTRACT.md`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ModelId {
            $($(#[doc = $doc])* #[serde(rename = $name)] $id,)*
        }

        impl ModelId {
            /// Every model, in the order the UI lists them.
            pub const ALL: [ModelId; [$($name),*].len()] = [$(ModelId::$id),*];

            /// The public id (`sequential`, `threads`, ...).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ModelId::$id => $name,)*
                }
            }
        }

        /// Every model's entry, in the order the UI lists them.
        pub const MODELS: [ModelSpec; [$($name),*].len()] = [$(ModelSpec {
            id: ModelId::$id,
            needs: ModelNeeds::$needs,
            runs: &[$((Workload::$workload, Placement::$placement)),*],
            in_flight: InFlight::$in_flight,
        }),*];
    };
}

models! {
    /// One loop, one thread.
    Sequential = "sequential" {
        needs: SingleThread,
        in_flight: One,
        runs: [Fib => Engine, Fetch => Page, Race => Engine, Pipeline => Engine],
    },
    /// A pool of Web Worker threads (rayon): true parallelism.
    Threads = "threads" {
        needs: SharedMemoryThreads,
        in_flight: Threads,
        runs: [
            Fib => EnginePool,
            Fetch => EnginePool,
            Race => EnginePool,
            Pipeline => EnginePool,
            Convoy => EnginePool,
        ],
    },
    /// Tasks on one thread's event loop, interleaved at `await` points. In
    /// the pipeline the event loop fetches and the pool computes
    /// (`run_in_executor`).
    Async = "async" {
        needs: SingleThread,
        in_flight: Concurrency,
        runs: [Fib => Engine, Fetch => Page, Pipeline => EnginePool],
    },
    /// The same threads, forced through one global lock (Python's GIL). The
    /// lock is released while waiting: I/O overlaps as on plain threads.
    Gil = "gil" {
        needs: SharedMemoryThreads,
        in_flight: Threads,
        runs: [Fib => EnginePool, Fetch => EnginePool, Convoy => EnginePool],
    },
    /// Isolated workers with their own memory, fed by messages (Python's
    /// multiprocessing).
    Processes = "processes" {
        needs: SingleThread,
        in_flight: Threads,
        runs: [Fib => ProcessWorkers, Fetch => ProcessWorkers],
    },
    /// The sequential loop on the page's own thread: the page freezes.
    MainThread = "main-thread" {
        needs: SingleThread,
        in_flight: One,
        runs: [Fib => PageBlocking, Fetch => PageBlocking],
    },
}

impl ModelId {
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
