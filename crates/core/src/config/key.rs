//! The settings' names: one [`Key`] per setting of an experiment, with its
//! URL spelling. Everything else about a setting (default, range, where it
//! applies, its form control and texts) is its row in [`super::table`].
//! Pure: no web APIs.

use serde::{Deserialize, Serialize};

/// One setting of an experiment, named by its URL key. It is also what an
/// embed's `controls` lists (`controls=n,threads,models`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Key {
    Workload,
    Models,
    N,
    Tasks,
    Threads,
    Repeat,
    Requests,
    Latency,
    Jitter,
    Concurrency,
    Url,
    SwitchMs,
    Payload,
    Increments,
    BlockMs,
}

impl Key {
    /// Every key, in the table's order: the order validation reports errors
    /// in, `controls` lists them in and the embed builder offers them in.
    pub const ALL: [Key; 15] = [
        Key::Workload,
        Key::Models,
        Key::N,
        Key::Tasks,
        Key::Threads,
        Key::Repeat,
        Key::Requests,
        Key::Latency,
        Key::Jitter,
        Key::Concurrency,
        Key::Url,
        Key::SwitchMs,
        Key::Payload,
        Key::Increments,
        Key::BlockMs,
    ];

    /// The URL key (and the name in `controls`).
    pub fn as_str(self) -> &'static str {
        self.spec().name
    }

    /// The key named `name` in a URL (exact spelling).
    pub fn parse(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
