//! The settings table: one [`Setting`] row per [`Key`], saying everything
//! the layers need to know about it: its URL name, its kind of value with
//! default and range, the workloads and models it applies to, its form
//! control, label and help, and whether it names the experiment (for the
//! class view). Validation, the URL, the form, the embed controls, the
//! results echo and the class view read this table; none of them lists
//! keys of its own. Pure: no web APIs.
//!
//! Adding a setting: a [`Key`] variant, its row here, its place in
//! [`QUERY_ORDER`] and [`FORM_ORDER`], then its use (a field on
//! [`Settings`](super::Settings) and the [`RunConfig`](super::RunConfig)
//! params that carry it; the compiler points at both `value` matches).

use super::key::Key;
use crate::vocab::{ModelId, Workload};

/// An inclusive range of accepted integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: u32,
    pub max: u32,
}

impl Range {
    /// True when `v` is accepted.
    pub fn contains(self, v: u32) -> bool {
        (self.min..=self.max).contains(&v)
    }
}

/// A number's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// The same for every workload.
    Fixed(u32),
    /// One per core, clamped to the range (the page's `default_threads`).
    Cores,
    /// `usual`, except for the workloads listed.
    ByWorkload(u32, &'static [(Workload, u32)]),
}

/// What kind of value a setting holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of [`Workload::ALL`].
    Workload { default: Workload },
    /// A comma list of distinct models, in run order.
    Models { default: &'static [ModelId] },
    /// A whole number in `range`.
    Number { range: Range, default: Start },
    /// A whole number in `range`, or empty; `absent` says what empty means.
    Optional { range: Range, absent: &'static str },
    /// An `http://` or `https://` address, or empty (the simulated server).
    Url,
}

/// Where a setting applies: only there is it in the URL, the results echo
/// and the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    Always,
    /// In these workloads.
    In(&'static [Workload]),
    /// When this model is chosen.
    Model(ModelId),
    /// In this workload, when this model is chosen.
    ModelIn(ModelId, Workload),
}

impl Applies {
    /// True when the setting applies to `workload` with `models` chosen.
    pub fn to(self, workload: Workload, models: &[ModelId]) -> bool {
        match self {
            Applies::Always => true,
            Applies::In(list) => list.contains(&workload),
            Applies::Model(m) => models.contains(&m),
            Applies::ModelIn(m, w) => w == workload && models.contains(&m),
        }
    }
}

/// The form control a setting gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A select (the workload).
    Select,
    /// One checkbox per model.
    Checkboxes,
    /// `<input type=number>`.
    Number,
    /// `<input type=url>`, wide.
    Url,
}

impl Input {
    /// The `type` of its `<input>`, for the two that are inputs.
    pub fn input_type(self) -> &'static str {
        match self {
            Input::Url => "url",
            Input::Number | Input::Select | Input::Checkboxes => "number",
        }
    }
}

/// A text, with other wording for some workloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub text: &'static str,
    pub by_workload: &'static [(Workload, &'static str)],
}

impl Words {
    const fn plain(text: &'static str) -> Words {
        Words {
            text,
            by_workload: &[],
        }
    }

    /// The wording for `workload`.
    pub fn for_workload(&self, workload: Workload) -> &'static str {
        self.by_workload
            .iter()
            .find(|(w, _)| *w == workload)
            .map_or(self.text, |(_, t)| t)
    }
}

/// One setting: everything about it but its use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub key: Key,
    /// The URL key, the name in `controls`, the results echo's field and
    /// the form's `field-{name}` test id.
    pub name: &'static str,
    pub kind: Kind,
    pub applies: Applies,
    pub input: Input,
    pub label: Words,
    /// Help below the field. For numbers it follows the range
    /// (`1-45; note`); `{cores}` is the machine's logical cores.
    pub help: Words,
    /// It says what the experiment is (the class view groups runs by these),
    /// unlike the models, the pool size, the repeat count and the knobs of
    /// one model each, which the echo carries only when that model ran.
    pub experiment: bool,
    /// Rejected (and emptied in the form) where it does not apply, rather
    /// than kept for when it applies again.
    pub strict: bool,
}

impl Setting {
    /// The numeric range, for numbers.
    pub fn range(&self) -> Option<Range> {
        match self.kind {
            Kind::Number { range, .. } | Kind::Optional { range, .. } => Some(range),
            Kind::Workload { .. } | Kind::Models { .. } | Kind::Url => None,
        }
    }

    /// The help text for `workload` on a machine with `cores` cores.
    pub fn help(&self, workload: Workload, cores: u32) -> String {
        let note = self.help.for_workload(workload);
        let text = match (self.range(), note.is_empty()) {
            (Some(r), true) => format!("{}-{}", r.min, r.max),
            (Some(r), false) => format!("{}-{}; {note}", r.min, r.max),
            (None, _) => note.to_owned(),
        };
        text.replace("{cores}", &cores.to_string())
    }
}

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
        kind: number(1, 100, crate::models::gil_lock::DEFAULT_SWITCH_MS),
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
