//! The settings table: one [`Setting`] row per [`Key`], saying everything
//! the layers need to know about it: its URL name, its kind of value with
//! default and range, the workloads and models it applies to, its form
//! control, label and help, and whether it names the experiment (for the
//! class view). Validation, the URL, the form, the embed controls, the
//! results echo and the class view read this table; none of them lists
//! keys of its own. Pure: no web APIs.
//!
//! The columns' types are `setting.rs`'s. Adding a setting: a [`Key`]
//! variant, its row here, its place in [`QUERY_ORDER`] and [`FORM_ORDER`],
//! then its use (a field on [`Settings`](super::Settings) and the
//! [`Experiment`](super::Experiment) params that carry it, the two `value`
//! matches in `value.rs` and its `ConfigEcho` field; the compiler points
//! at each).

use super::key::Key;
pub use super::setting::{Applies, Input, Kind, Range, Setting, Start, Words};
use crate::vocab::{ModelId, Workload};

/// CPython's default switch interval (`sys.getswitchinterval()`, 5 ms).
pub const DEFAULT_SWITCH_MS: u32 = 5;

const fn number(min: u32, max: u32, default: u32) -> Kind {
    Kind::Number {
        range: Range { min, max },
        default: Start::Fixed(default),
    }
}

const FETCHING: &[Workload] = &[Workload::Fetch, Workload::Pipeline, Workload::Convoy];

/// The convoy's requests and server latency when the link gives none:
/// many short requests, where waiting for the GIL shows most.
pub const CONVOY_REQUESTS: u32 = 40;
pub const CONVOY_LATENCY_MS: u32 = 2;

/// Browsers' connection limit per host, for the own-URL field.
const URL_HELP: &str = "Empty = the simulated server. Your server must allow CORS. Browsers \
     open at most 6 HTTP/1.1 connections per host, so async to your URL goes at most 6 at a \
     time; the simulated server answers inside the browser and has no such limit.";

/// Every setting, in [`Key::ALL`]'s order (`SETTINGS[k as usize].key == k`).
pub const SETTINGS: [Setting; 15] = [
    Setting {
        key: Key::Workload,
        name: "workload",
        kind: Kind::Workload {
            default: Workload::Fib,
        },
        applies: Applies::Always,
        input: Input::Select,
        label: Words::plain("Workload"),
        help: Words::plain(""),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Models,
        name: "models",
        kind: Kind::Models {
            default: &[ModelId::Sequential, ModelId::Threads, ModelId::Async],
        },
        applies: Applies::Always,
        input: Input::Checkboxes,
        label: Words::plain("Models (in run order)"),
        help: Words::plain(""),
        experiment: false,
        strict: false,
    },
    Setting {
        key: Key::N,
        name: "n",
        // fib(45) is about 1.1e9 calls: one to a few seconds per task in
        // WASM, the most a learner should wait for one task.
        kind: number(1, 45, 35),
        applies: Applies::In(&[Workload::Fib, Workload::Pipeline]),
        input: Input::Number,
        label: Words {
            text: "fib n",
            by_workload: &[(Workload::Pipeline, "fib n per item")],
        },
        help: Words::plain(""),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Tasks,
        name: "tasks",
        // Thousands of tiny tasks show the overhead crossover.
        kind: number(1, 10_000, 20),
        applies: Applies::In(&[Workload::Fib]),
        input: Input::Number,
        label: Words::plain("Tasks"),
        help: Words::plain(""),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Threads,
        name: "threads",
        // Above the core count is allowed (oversubscription).
        kind: Kind::Number {
            range: Range { min: 1, max: 32 },
            default: Start::Cores,
        },
        applies: Applies::Always,
        input: Input::Number,
        label: Words::plain("Threads"),
        help: Words::plain("this machine has {cores} cores"),
        experiment: false,
        strict: false,
    },
    Setting {
        key: Key::Repeat,
        name: "repeat",
        kind: number(1, 20, 1),
        applies: Applies::Always,
        input: Input::Number,
        label: Words::plain("Runs per model"),
        help: Words::plain("median and spread are reported"),
        experiment: false,
        strict: false,
    },
    Setting {
        key: Key::Requests,
        name: "requests",
        kind: Kind::Number {
            range: Range { min: 1, max: 1_000 },
            default: Start::ByWorkload(20, &[(Workload::Convoy, CONVOY_REQUESTS)]),
        },
        applies: Applies::In(FETCHING),
        input: Input::Number,
        label: Words {
            text: "Requests",
            by_workload: &[
                (Workload::Pipeline, "Items"),
                (Workload::Convoy, "Requests (each phase)"),
            ],
        },
        help: Words::plain(""),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Latency,
        name: "latency",
        kind: Kind::Number {
            range: Range {
                min: 0,
                max: 10_000,
            },
            default: Start::ByWorkload(150, &[(Workload::Convoy, CONVOY_LATENCY_MS)]),
        },
        applies: Applies::In(FETCHING),
        input: Input::Number,
        label: Words::plain("Latency (ms)"),
        help: Words {
            text: "",
            by_workload: &[(Workload::Convoy, "short requests show the convoy best")],
        },
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Jitter,
        name: "jitter",
        kind: number(0, 10_000, 0),
        // The convoy's requests go to the simulated server, without jitter.
        applies: Applies::In(&[Workload::Fetch, Workload::Pipeline]),
        input: Input::Number,
        label: Words::plain("Jitter (ms)"),
        help: Words {
            text: "",
            by_workload: &[(Workload::Fetch, "same link, same delays")],
        },
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Concurrency,
        name: "concurrency",
        kind: Kind::Optional {
            range: Range { min: 1, max: 1_000 },
            absent: "no limit",
        },
        applies: Applies::In(&[Workload::Fetch]),
        input: Input::Number,
        label: Words::plain("Async: max in flight"),
        help: Words::plain("empty = all at once"),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::Url,
        name: "url",
        kind: Kind::Url,
        // The pipeline honours a url a link carries, but, as in version 1,
        // it is neither in its URL nor in its echo.
        applies: Applies::In(&[Workload::Fetch]),
        input: Input::Url,
        label: Words::plain("Your own URL (optional)"),
        help: Words::plain(URL_HELP),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::SwitchMs,
        name: "switch_ms",
        kind: number(1, 100, DEFAULT_SWITCH_MS),
        applies: Applies::Model(ModelId::Gil),
        input: Input::Number,
        label: Words::plain("GIL switch interval (ms)"),
        help: Words::plain("CPython's default is 5"),
        experiment: false,
        strict: false,
    },
    Setting {
        key: Key::Payload,
        name: "payload",
        kind: number(0, 16 * 1024 * 1024, 0),
        applies: Applies::Model(ModelId::Processes),
        input: Input::Number,
        label: Words::plain("Payload per message (bytes)"),
        help: Words::plain("copied to and from each process"),
        experiment: false,
        strict: false,
    },
    Setting {
        key: Key::Increments,
        name: "increments",
        kind: number(1, 10_000_000, 100_000),
        applies: Applies::In(&[Workload::Race]),
        input: Input::Number,
        label: Words::plain("Additions per thread"),
        help: Words::plain(""),
        experiment: true,
        strict: false,
    },
    Setting {
        key: Key::BlockMs,
        name: "block_ms",
        kind: Kind::Optional {
            range: Range { min: 1, max: 5_000 },
            absent: "no blocking call",
        },
        applies: Applies::ModelIn(ModelId::Async, Workload::Fetch),
        input: Input::Number,
        label: Words::plain("Async: one blocking call (ms)"),
        help: Words::plain(
            "empty = none. The last coroutine blocks the loop, like time.sleep() in a coroutine",
        ),
        experiment: true,
        strict: true,
    },
];

/// The URL's order (and the results echo's): the workload, the models, the
/// workload's own keys, the pool, the chosen models' knobs, the repeat count.
pub const QUERY_ORDER: [Key; 15] = [
    Key::Workload,
    Key::Models,
    Key::N,
    Key::Tasks,
    Key::Increments,
    Key::Requests,
    Key::Latency,
    Key::Jitter,
    Key::Concurrency,
    Key::Url,
    Key::BlockMs,
    Key::Threads,
    Key::SwitchMs,
    Key::Payload,
    Key::Repeat,
];

/// The form's order of its fields (the workload's own first, then the
/// pool, the repeat count and the models' knobs). The workload and the
/// models have controls of their own and are not in it.
pub const FORM_ORDER: [Key; 13] = [
    Key::Requests,
    Key::Latency,
    Key::Jitter,
    Key::Concurrency,
    Key::Url,
    Key::BlockMs,
    Key::N,
    Key::Tasks,
    Key::Increments,
    Key::Threads,
    Key::Repeat,
    Key::SwitchMs,
    Key::Payload,
];

impl Key {
    /// This key's row of the table.
    pub fn spec(self) -> &'static Setting {
        &SETTINGS[self as usize]
    }

    /// The accepted range, for numbers.
    pub fn range(self) -> Option<Range> {
        self.spec().range()
    }

    /// True when this setting applies to `workload` with `models` chosen.
    pub fn applies(self, workload: Workload, models: &[ModelId]) -> bool {
        self.spec().applies.to(workload, models)
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
