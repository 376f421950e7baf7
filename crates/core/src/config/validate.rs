//! Raw settings -> validated [`Settings`] and named errors: each key is
//! read as its table row says (`table.rs`: number in a range, optional
//! number, URL, workload, models); the page flags after them. Pure.

use super::controls::{accepted, parse_controls};
use super::error::ConfigError;
use super::key::Key;
use super::raw::RawSettings;
use super::settings::{Settings, CONVOY_MIN_THREADS};
use super::table::{Kind, Range};
use super::value::{models_text, Value};
use super::view::View;
use crate::vocab::{ModelId, Workload};

/// Longest text of a rejected value echoed back in a message.
const ECHO_MAX: usize = 40;
/// Longest accepted custom URL.
const URL_MAX: usize = 2_000;

/// Turns raw settings into validated ones. Every rejected value is reported
/// by name and replaced by its default; unknown keys are ignored. A `lesson`
/// must be one of `known_lessons` (the caller's catalogue, e.g.
/// `teach::lesson_ids()`: config does not know the lessons).
pub fn validate(
    raw: &RawSettings,
    default_threads: u32,
    known_lessons: &[&str],
) -> (Settings, Vec<ConfigError>) {
    let mut errors = Vec::new();
    let mut v = Validator {
        raw,
        errors: &mut errors,
    };
    let mut settings = Settings::defaults(default_threads);
    // In the table's order, the workload first: other defaults follow it.
    for key in Key::ALL {
        let default = key.default_value(settings.workload, default_threads);
        let value = v.setting(key, default);
        settings.set(key, value);
    }
    settings.lesson = v.lesson(known_lessons);
    settings.autorun = v.flag("autorun");
    settings.embed = v.flag("embed");
    settings.controls = v.controls();
    settings.lock = v.flag("lock");
    settings.view = v.view();
    settings.present = v.flag("present");
    (applicable(settings, &mut errors), errors)
}

/// Settings that only some workloads and models can use, made to fit:
/// the convoy's minimum pool, and `block_ms` only for `async` fetching.
fn applicable(mut s: Settings, errors: &mut Vec<ConfigError>) -> Settings {
    if s.workload == Workload::Convoy && s.threads < CONVOY_MIN_THREADS {
        errors.push(ConfigError::ConvoyNeedsTwoThreads { got: s.threads });
        s.threads = CONVOY_MIN_THREADS;
    }
    if s.block_ms.is_some() && !Key::BlockMs.applies(s.workload, &s.models) {
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
    /// The value of setting `key`, read as its row says; `default` when
    /// absent or rejected.
    fn setting(&mut self, key: Key, default: Value) -> Value {
        let name = key.as_str();
        match key.spec().kind {
            Kind::Workload { .. } => Value::Workload(self.workload(default)),
            Kind::Models { default } => Value::Models(self.models(default)),
            Kind::Number { range, .. } => {
                let default = default.number().expect("a number's default is a number");
                Value::Number(self.number(name, range, default))
            }
            Kind::Optional { range, absent } => self
                .optional_number(name, range, absent)
                .map_or(Value::Absent, Value::Number),
            Kind::Url => self.url().map_or(Value::Absent, Value::Text),
        }
    }

    fn workload(&mut self, default: Value) -> Workload {
        let Value::Workload(default) = default else {
            unreachable!("the workload's default is a workload");
        };
        match self.value(Key::Workload.as_str()) {
            None => default,
            Some(id) => Workload::parse(id).unwrap_or_else(|| {
                self.errors
                    .push(ConfigError::UnknownWorkload { got: echo(id) });
                default
            }),
        }
    }

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
    fn controls(&mut self) -> Option<Vec<Key>> {
        let parsed = parse_controls(self.value("controls")?);
        for got in &parsed.unknown {
            self.errors.push(ConfigError::UnknownControl {
                got: echo(got),
                accepted: accepted(),
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
        let text = self.value(Key::Url.as_str())?;
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
        let default_text = models_text(default);
        let name = Key::Models.as_str();
        let given = self.raw.get(name).is_some();
        let Some(text) = self.value(name) else {
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
