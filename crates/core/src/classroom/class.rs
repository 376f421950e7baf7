//! The class: the runs a teacher has added (files and result codes), with
//! the limits that keep the view responsive. Adding is all or nothing per
//! file, so a bad file never removes or half-adds anything. Pure.

use serde_json::Value;
use thiserror::Error;

use super::paste::code_excerpt;
use super::read::{self, FileError, ReadError, MAX_FILES, MAX_RUNS};
use super::reading::FileReading;
use super::runs::ClassRow;

/// A batch that cannot be added at all.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ClassError {
    #[error("{}", too_many(*adding, *already))]
    TooManyFiles { adding: usize, already: usize },
}

fn too_many(adding: usize, already: usize) -> String {
    if adding > MAX_FILES {
        format!(
            "{adding} files at once are too many: the class view holds up to {MAX_FILES} files; \
             add them in smaller batches"
        )
    } else {
        format!(
            "too many files: the class view holds up to {MAX_FILES} files and has {already} \
             ({} more fit); remove some first, or add fewer at a time",
            MAX_FILES.saturating_sub(already)
        )
    }
}

/// The runs added so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    runs: Vec<ClassRow>,
    files: usize,
    codes: usize,
    /// Codes offered so far, added or not: a code's number in messages.
    pasted: usize,
}

impl Class {
    /// An empty class.
    pub fn new() -> Self {
        Class::default()
    }

    /// Every row, in the order added.
    pub fn runs(&self) -> &[ClassRow] {
        &self.runs
    }

    /// How many files and codes were added.
    pub fn added(&self) -> usize {
        self.files + self.codes
    }

    /// Refuses a batch of `adding` files before any is read.
    ///
    /// # Errors
    /// [`ClassError::TooManyFiles`] when the class would exceed [`MAX_FILES`].
    pub fn check_batch(&self, adding: usize) -> Result<(), ClassError> {
        if self.added() + adding > MAX_FILES {
            return Err(ClassError::TooManyFiles {
                adding,
                already: self.added(),
            });
        }
        Ok(())
    }

    /// Adds the runs of a file's text; returns how many rows it added.
    ///
    /// # Errors
    /// A [`FileError`] naming the file; the class is then unchanged.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<usize, FileError> {
        let fail = |e| FileError::new(name, e);
        self.check_room(1).map_err(fail)?;
        let mut reading = FileReading::new(text).map_err(fail)?;
        while !reading.step(usize::MAX).map_err(fail)? {}
        self.add_read(name, reading)
    }

    /// Adds the runs of a file read to its end (see [`FileReading`]);
    /// returns how many rows it added.
    ///
    /// # Errors
    /// A [`FileError`] naming the file; the class is then unchanged.
    pub fn add_read(&mut self, name: &str, reading: FileReading<'_>) -> Result<usize, FileError> {
        let fail = |e| FileError::new(name, e);
        self.check_room(1).map_err(fail)?;
        let lines = reading.is_lines();
        let docs = reading.into_docs();
        let name = &self.unique_name(name);
        let rows: Vec<ClassRow> = docs
            .iter()
            .enumerate()
            .map(|(i, doc)| {
                let source = match (docs.len(), lines) {
                    (1, _) => name.to_owned(),
                    (_, true) => format!("{name} line {}", i + 1),
                    (_, false) => format!("{name} #{}", i + 1),
                };
                ClassRow::from_doc(doc, source).at(i)
            })
            .collect();
        self.push(rows).map_err(fail)?;
        self.files += 1;
        Ok(docs.len())
    }

    /// Adds the run of a result code; returns 1.
    ///
    /// # Errors
    /// A [`FileError`] naming the code by its number among the codes
    /// offered so far and its first characters (`code 3 (cp1.eNqtV…)`);
    /// the class is then unchanged.
    pub fn add_code(&mut self, code: &str) -> Result<usize, FileError> {
        self.pasted += 1;
        let name = self.unique_name(&format!("code {}", self.pasted));
        let named = format!("{name} ({})", code_excerpt(code));
        let fail = |e| FileError::new(&named, e);
        self.check_room(1).map_err(fail)?;
        let doc = read::read_code(code).map_err(fail)?;
        self.push(vec![ClassRow::from_doc(&doc, name.clone())])
            .map_err(fail)?;
        self.codes += 1;
        Ok(1)
    }

    /// Adds one parsed results document (the learner's own run, say).
    ///
    /// # Errors
    /// As [`Class::add_file`].
    pub fn add_value(&mut self, name: &str, value: Value) -> Result<usize, FileError> {
        let fail = |e| FileError::new(name, e);
        let doc = read::read_value(value, None).map_err(fail)?;
        self.push(vec![ClassRow::from_doc(&doc, name)])
            .map_err(fail)?;
        Ok(1)
    }

    /// Removes the row at `index` (in [`Class::runs`] order).
    pub fn remove(&mut self, index: usize) -> Option<ClassRow> {
        (index < self.runs.len()).then(|| self.runs.remove(index))
    }

    /// Removes the row that came from `source` at `position` (what a
    /// table row, sorted its own way, knows of itself).
    pub fn remove_run(&mut self, source: &str, position: usize) -> Option<ClassRow> {
        let index = self
            .runs
            .iter()
            .position(|r| r.source == source && r.position == position)?;
        self.remove(index)
    }

    /// Removes every row (the limits count afresh).
    pub fn clear(&mut self) {
        *self = Class::new();
    }

    /// `name`, or `name (2)`, `name (3)`… when rows already come from a
    /// file of that name (two folders may hold a `results.json` each), so
    /// every row names its source unambiguously.
    fn unique_name(&self, name: &str) -> String {
        let taken = |n: &str| {
            self.runs.iter().any(|r| {
                r.source == n
                    || r.source.starts_with(&format!("{n} line "))
                    || r.source.starts_with(&format!("{n} #"))
            })
        };
        if !taken(name) {
            return name.to_owned();
        }
        (2..)
            .map(|k| format!("{name} ({k})"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| name.to_owned())
    }

    fn check_room(&self, files: usize) -> Result<(), ReadError> {
        if self.added() + files > MAX_FILES {
            return Err(ReadError::ClassFull);
        }
        Ok(())
    }

    /// Appends rows unless the class would be too large or they were all
    /// added before.
    fn push(&mut self, rows: Vec<ClassRow>) -> Result<(), ReadError> {
        if self.runs.len() + rows.len() > MAX_RUNS {
            return Err(ReadError::ClassFull);
        }
        if let Some(first) = self
            .runs
            .iter()
            .find(|r| rows.iter().any(|n| n.same_run(r)))
        {
            if rows.iter().all(|n| self.runs.iter().any(|r| n.same_run(r))) {
                return Err(ReadError::Duplicate {
                    of: first.source.clone(),
                });
            }
        }
        self.runs.extend(rows);
        Ok(())
    }
}
