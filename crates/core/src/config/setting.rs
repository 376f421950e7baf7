//! What a row of the settings table says about one setting: [`Setting`]
//! and the types of its columns (kind of value with default and range,
//! where it applies, form input, wording). The rows are `table.rs`'s.
//! Pure: no web APIs.

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
    pub(super) const fn plain(text: &'static str) -> Words {
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
