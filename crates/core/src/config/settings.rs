//! The validated settings of one experiment and the function that makes them.

use serde::{Deserialize, Serialize};

use super::controls::{parse_controls, Control};
use super::error::ConfigError;
use super::limits::{Range, LIMITS};
use super::raw::RawSettings;
use super::view::View;
use crate::vocab::{ModelId, Workload};

/// Longest text of a rejected value echoed back in a message.
const ECHO_MAX: usize = 40;
/// Longest accepted custom URL.
const URL_MAX: usize = 2_000;

/// Every setting's validated value, in its accepted range: what the URL
/// gave or the form shows, whichever workload is chosen. The experiment
/// itself is [`Settings::run_config`]; the page's flags are
/// [`Settings::page_flags`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub workload: Workload,
    pub models: Vec<ModelId>,
    pub n: u32,
    pub tasks: u32,
    pub threads: u32,
    pub repeat: u32,
    pub requests: u32,
    pub latency_ms: u32,
    pub jitter_ms: u32,
    pub concurrency: Option<u32>,
    pub url: Option<String>,
    pub switch_ms: u32,
    pub payload: u32,
    pub increments: u32,
    /// fetch, `async`: one coroutine blocks the loop this many ms.
    pub block_ms: Option<u32>,
    /// The lesson the page shows (one of the known lesson ids).
    pub lesson: Option<String>,
    pub autorun: bool,
    pub embed: bool,
    /// Embed: the controls the page shows (`None`: the compact default:
    /// the models, and every setting behind a "Settings" disclosure).
    #[serde(default)]
    pub controls: Option<Vec<Control>>,
    /// The learner can run and stop but not change the experiment.
    #[serde(default)]
    pub lock: bool,
    /// A page other than the playground (`view=class`).
    pub view: Option<View>,
    /// Projector mode: large type, high contrast, few controls.
    pub present: bool,
}

impl Settings {
    /// How many tasks one run of a model has: fib tasks, requests, or (race)
    /// one per thread for each of the three counters.
    pub fn task_count(&self) -> u32 {
        self.run_config().task_count()
    }

    /// The defaults: the reference CPU experiment (20 x fib(35)) on every
    /// model, with one thread per core (`default_threads`, clamped).
    pub fn defaults(default_threads: u32) -> Self {
        Settings {
            workload: Workload::Fib,
            models: vec![ModelId::Sequential, ModelId::Threads, ModelId::Async],
            n: 35,
            tasks: 20,
            threads: default_threads.clamp(LIMITS.threads.min, LIMITS.threads.max),
            repeat: 1,
            requests: 20,
            latency_ms: 150,
            jitter_ms: 0,
            concurrency: None,
            url: None,
            switch_ms: crate::models::gil_lock::DEFAULT_SWITCH_MS,
            payload: 0,
            increments: 100_000,
            block_ms: None,
            lesson: None,
            autorun: false,
            embed: false,
            controls: None,
            lock: false,
            view: None,
            present: false,
        }
    }
}

/// The convoy's pool: one I/O thread and at least one CPU thread.
pub const CONVOY_MIN_THREADS: u32 = 2;
/// The convoy's requests and server latency when the link gives none:
/// many short requests, where waiting for the GIL shows most.
pub const CONVOY_REQUESTS: u32 = 40;
pub const CONVOY_LATENCY_MS: u32 = 2;

/// The default `requests` and `latency` of `workload`.
pub fn request_defaults(workload: Workload, defaults: &Settings) -> (u32, u32) {
    match workload {
        Workload::Convoy => (CONVOY_REQUESTS, CONVOY_LATENCY_MS),
        _ => (defaults.requests, defaults.latency_ms),
    }
}

/// Turns raw settings into validated ones. Every rejected value is reported
/// by name and replaced by its default; unknown keys are ignored. A `lesson`
/// must be one of `known_lessons` (the caller's catalogue, e.g.
/// `teach::lesson_ids()`: config does not know the lessons).
pub fn validate(
    raw: &RawSettings,
    default_threads: u32,
    known_lessons: &[&str],
) -> (Settings, Vec<ConfigError>) {
    let defaults = Settings::defaults(default_threads);
    let mut errors = Vec::new();
    let mut v = Validator {
        raw,
        errors: &mut errors,
    };

    let workload = match v.value("workload") {
        None => defaults.workload,
        Some(id) if Workload::parse(id).is_some() => Workload::parse(id).unwrap_or(Workload::Fib),
        Some(other) => {
            v.errors
                .push(ConfigError::UnknownWorkload { got: echo(other) });
            defaults.workload
        }
    };
    let models = v.models(&defaults.models);
    let (requests_default, latency_default) = request_defaults(workload, &defaults);
    let settings = Settings {
        workload,
        models,
        n: v.number("n", LIMITS.n, defaults.n),
        tasks: v.number("tasks", LIMITS.tasks, defaults.tasks),
        threads: v.number("threads", LIMITS.threads, defaults.threads),
        repeat: v.number("repeat", LIMITS.repeat, defaults.repeat),
        requests: v.number("requests", LIMITS.requests, requests_default),
        latency_ms: v.number("latency", LIMITS.latency, latency_default),
        jitter_ms: v.number("jitter", LIMITS.jitter, defaults.jitter_ms),
        concurrency: v.optional_number("concurrency", LIMITS.concurrency, "no limit"),
        url: v.url(),
        switch_ms: v.number("switch_ms", LIMITS.switch_ms, defaults.switch_ms),
        payload: v.number("payload", LIMITS.payload, defaults.payload),
        increments: v.number("increments", LIMITS.increments, defaults.increments),
        block_ms: v.optional_number("block_ms", LIMITS.block_ms, "no blocking call"),
        lesson: v.lesson(known_lessons),
        autorun: v.flag("autorun"),
        embed: v.flag("embed"),
        controls: v.controls(),
        lock: v.flag("lock"),
        view: v.view(),
        present: v.flag("present"),
    };
    (applicable(settings, &mut errors), errors)
}

/// Settings that only some workloads and models can use, made to fit:
/// the convoy's minimum pool, and `block_ms` only for `async` fetching.
fn applicable(mut s: Settings, errors: &mut Vec<ConfigError>) -> Settings {
    if s.workload == Workload::Convoy && s.threads < CONVOY_MIN_THREADS {
        errors.push(ConfigError::ConvoyNeedsTwoThreads { got: s.threads });
        s.threads = CONVOY_MIN_THREADS;
    }
    if s.block_ms.is_some() {
        let why = if s.workload != Workload::Fetch {
            Some(format!("here the workload is {}", s.workload))
        } else if !s.models.contains(&ModelId::Async) {
            Some("async is not among the models".to_owned())
        } else {
            None
        };
        if let Some(why) = why {
            errors.push(ConfigError::BlockMsDoesNotApply { why });
            s.block_ms = None;
        }
    }
    s
}

struct Validator<'a> {
    raw: &'a RawSettings,
    errors: &'a mut Vec<ConfigError>,
}

impl<'a> Validator<'a> {
    /// The value of `key`, reporting a repeated key. Empty means absent.
    fn value(&mut self, key: &str) -> Option<&'a str> {
        let raw: &'a RawSettings = self.raw;
        let count = raw.count(key);
        if count > 1 {
            self.errors.push(ConfigError::Repeated {
                key: echo(key),
                count,
            });
        }
        raw.get(key).map(str::trim).filter(|s| !s.is_empty())
    }

    fn number(&mut self, key: &'static str, range: Range, default: u32) -> u32 {
        match self.value(key) {
            None => default,
            Some(text) => match parse_in_range(key, text, range, &default.to_string()) {
                Ok(n) => n,
                Err(e) => {
                    self.errors.push(e);
                    default
                }
            },
        }
    }

    /// A number that may be absent; `absent` says what absence means.
    fn optional_number(&mut self, key: &'static str, range: Range, absent: &str) -> Option<u32> {
        let text = self.value(key)?;
        match parse_in_range(key, text, range, absent) {
            Ok(n) => Some(n),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    fn flag(&mut self, key: &'static str) -> bool {
        match self.value(key) {
            None | Some("0") => false,
            Some("1") => true,
            Some(other) => {
                let got = echo(other);
                self.errors.push(ConfigError::NotAFlag { key, got });
                false
            }
        }
    }

    /// `controls`: the names it knows, each unknown one reported; `none`
    /// (no control) only when it names no known control; the default set
    /// (`None`) when it names nothing known at all.
    fn controls(&mut self) -> Option<Vec<Control>> {
        let parsed = parse_controls(self.value("controls")?);
        for got in &parsed.unknown {
            self.errors.push(ConfigError::UnknownControl {
                got: echo(got),
                accepted: Control::accepted(),
            });
        }
        if parsed.controls.is_empty() && !parsed.none {
            return None;
        }
        Some(parsed.controls)
    }

    fn lesson(&mut self, known: &[&str]) -> Option<String> {
        let id = self.value("lesson")?;
        if known.contains(&id) {
            return Some(id.to_owned());
        }
        let accepted = known.join(", ");
        self.errors.push(ConfigError::UnknownLesson {
            got: echo(id),
            accepted,
        });
        None
    }

    fn view(&mut self) -> Option<View> {
        let text = self.value("view")?;
        let view = View::parse(text);
        if view.is_none() {
            let accepted = View::ALL.map(View::as_str).join(", ");
            self.errors.push(ConfigError::UnknownView {
                got: echo(text),
                accepted,
            });
        }
        view
    }

    fn url(&mut self) -> Option<String> {
        let text = self.value("url")?;
        let lower = text.to_ascii_lowercase();
        let scheme_ok = lower.starts_with("http://") || lower.starts_with("https://");
        let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control());
        if scheme_ok && clean && text.len() <= URL_MAX && text.len() > "https://".len() {
            Some(text.to_owned())
        } else {
            self.errors.push(ConfigError::BadUrl { got: echo(text) });
            None
        }
    }

    fn models(&mut self, default: &[ModelId]) -> Vec<ModelId> {
        let accepted = ModelId::ALL.map(ModelId::as_str).join(", ");
        let default_text = default
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let given = self.raw.get("models").is_some();
        let Some(text) = self.value("models") else {
            if given {
                self.errors.push(ConfigError::NoModels {
                    accepted,
                    default: default_text,
                });
            }
            return default.to_vec();
        };
        let mut models = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match ModelId::parse(part) {
                Some(m) if models.contains(&m) => {
                    self.errors
                        .push(ConfigError::DuplicateModel { got: echo(part) });
                }
                Some(m) => models.push(m),
                None => {
                    self.errors.push(ConfigError::UnknownModel {
                        got: echo(part),
                        accepted: accepted.clone(),
                        default: default_text.clone(),
                    });
                    return default.to_vec();
                }
            }
        }
        if models.is_empty() {
            self.errors.push(ConfigError::NoModels {
                accepted,
                default: default_text,
            });
            return default.to_vec();
        }
        models
    }
}

fn parse_in_range(
    key: &'static str,
    text: &str,
    range: Range,
    default: &str,
) -> Result<u32, ConfigError> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let is_integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !is_integer {
        return Err(ConfigError::NotANumber {
            key,
            got: echo(text),
            min: range.min,
            max: range.max,
            default: default.to_owned(),
        });
    }
    match text.parse::<i64>() {
        Ok(v) if v >= i64::from(range.min) && v <= i64::from(range.max) => {
            Ok(u32::try_from(v).expect("a value inside a u32 range fits in u32"))
        }
        _ => Err(ConfigError::OutOfRange {
            key,
            got: echo(text),
            min: range.min,
            max: range.max,
            default: default.to_owned(),
        }),
    }
}

/// A rejected value, shortened for display. It is only ever shown as text.
fn echo(text: &str) -> String {
    if text.chars().count() <= ECHO_MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(ECHO_MAX).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "settings_tests_convoy.rs"]
mod tests_convoy;
