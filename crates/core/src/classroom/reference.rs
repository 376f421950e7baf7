//! The reference runs recorded on a 16-core machine, shipped with the app
//! as a static file (`www/reference/`), and the match between a learner's
//! run and one of them, so a class on 2-core laptops still sees what many
//! cores do. Always labelled as recorded elsewhere. Pure: the page fetches
//! [`REFERENCE_PATH`] and hands its text here.
//!
//! Why a file and not `include_str!`: the JSON lines are 312 KB (29.7 KB
//! with `gzip -9`); embedded, every visitor would download them inside the
//! app's WASM (298 KB gzip today, so +10%), although only the class view and
//! the reference comparison use them. Fetched on demand, they cost nothing
//! until then, and the browser caches them.

use super::read::FileError;
use super::runs::ClassRow;

/// Where the page finds the reference runs, relative to the app's URL.
pub const REFERENCE_PATH: &str = "reference/16-core-chromium156.jsonl";

/// How every view labels them.
pub const REFERENCE_LABEL: &str = "Reference run, recorded elsewhere: 16-core machine, \
     Chromium 156, 2026-11-27 (x86-64 Linux), not this computer";

/// The reference runs of the shipped file, flagged as such.
///
/// # Errors
/// A [`FileError`] if the file is not what the app shipped.
pub fn read_reference(text: &str) -> Result<Vec<ClassRow>, FileError> {
    let docs = super::reading::read_text(text).map_err(|e| FileError::new(REFERENCE_PATH, e))?;
    Ok(docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let mut run = ClassRow::from_doc(doc, format!("reference run {}", i + 1)).at(i);
            run.reference = true;
            run
        })
        .collect())
}

/// How well a reference run matches a learner's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReferenceMatch<'a> {
    /// The same experiment (workload and settings).
    SameExperiment(&'a ClassRow),
    /// The same workload with other settings: say so beside it.
    SameWorkload(&'a ClassRow),
}

impl<'a> ReferenceMatch<'a> {
    /// The matched reference run.
    pub fn run(&self) -> &'a ClassRow {
        match self {
            ReferenceMatch::SameExperiment(r) | ReferenceMatch::SameWorkload(r) => r,
        }
    }
}

/// The reference run to show beside `run`: of the same experiment if there
/// is one, else of the same workload; among those, the one sharing most of
/// its models, then most settings, then using the most cores.
pub fn match_reference<'a>(
    run: &ClassRow,
    references: &'a [ClassRow],
) -> Option<ReferenceMatch<'a>> {
    let score = |r: &ClassRow| {
        let models = run
            .models
            .iter()
            .filter(|m| r.model(&m.model).is_some())
            .count();
        let settings = run
            .experiment
            .settings
            .iter()
            .filter(|s| r.experiment.settings.contains(s))
            .count();
        (models, settings, r.cores_used().unwrap_or(0))
    };
    let best = |same: &dyn Fn(&ClassRow) -> bool| {
        references
            .iter()
            .filter(|r| same(r))
            .max_by_key(|r| score(r))
    };
    if let Some(r) = best(&|r| r.experiment == run.experiment) {
        return Some(ReferenceMatch::SameExperiment(r));
    }
    best(&|r| r.experiment.workload == run.experiment.workload).map(ReferenceMatch::SameWorkload)
}
