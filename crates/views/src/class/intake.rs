//! Taking in what a teacher hands the class view: files (file input or
//! drop) and pasted result codes, one at a time, without freezing the page.
//!
//! A file is refused by its size before it is read; its text is read with
//! the browser's `FileReader` (asynchronous, so each file is a turn of the
//! event loop); a JSON-lines file is parsed a chunk at a time
//! (`classroom::FileReading`); after any work that ran longer than
//! [`SLICE_MS`], the loop yields to the event loop. The view is told how far
//! it got at most every [`REPORT_MS`], so a pile of 200 files redraws the
//! table a few times, not 200 times. Parsing is `playground_core::classroom`'s; this
//! module owns only the browser side and the pacing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::File;
use gloo::timers::future::TimeoutFuture;
use thiserror::Error;

use playground_core::classroom::{check_size, Class, FileError, FileReading};

/// Work between two yields to the event loop, in ms (under a 60 Hz frame).
const SLICE_MS: f64 = 12.0;

/// Text parsed between two looks at the clock: a few lines of JSON lines.
const CHUNK_BYTES: usize = 64 * 1024;

/// Least time between two reports to the view, in ms.
const REPORT_MS: f64 = 200.0;

/// Something to add to the class.
pub enum Item {
    File(File),
    /// A result code, or a piece of pasted text that should have been one.
    Code(String),
}

/// A message for the teacher.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            error: true,
            text: text.into(),
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            error: false,
            text: text.into(),
        }
    }
}

/// How far a batch has got.
pub struct Report {
    pub done: usize,
    pub total: usize,
    /// Messages since the last report.
    pub notices: Vec<Notice>,
    pub finished: bool,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Adds `items` to `class` in order, calling `report` as it goes and once
/// at the end. A bad item is reported by name and changes nothing.
pub async fn take_in(items: Vec<Item>, class: Rc<RefCell<Class>>, report: Rc<dyn Fn(Report)>) {
    let total = items.len();
    let (mut rows, mut files, mut codes, mut refused) = (0usize, 0usize, 0usize, 0usize);
    let mut notices = Vec::new();
    let (mut last_report, mut last_yield) = (now(), now());
    for (i, item) in items.into_iter().enumerate() {
        let (outcome, is_file) = match item {
            Item::File(file) => (add_file(&file, &class).await, true),
            Item::Code(code) => (
                class
                    .borrow_mut()
                    .add_code(&code)
                    .map_err(IntakeError::from),
                false,
            ),
        };
        match outcome {
            Ok(n) => {
                rows += n;
                if is_file {
                    files += 1;
                } else {
                    codes += 1;
                }
            }
            Err(e) => {
                refused += 1;
                notices.push(Notice::error(e.to_string()));
            }
        }
        let done = i + 1;
        if done == total {
            notices.push(Notice::info(summary(rows, files, codes, refused)));
        }
        if done == total || now() - last_report >= REPORT_MS {
            report(Report {
                done,
                total,
                notices: std::mem::take(&mut notices),
                finished: done == total,
            });
            last_report = now();
        }
        if now() - last_yield >= SLICE_MS {
            // Let the page draw and answer input before the next item.
            TimeoutFuture::new(0).await;
            last_yield = now();
        }
    }
    if total == 0 {
        report(Report {
            done: 0,
            total: 0,
            notices: Vec::new(),
            finished: true,
        });
    }
}

/// Reads one file and adds its runs; the error text names the file.
/// JSON lines are parsed [`CHUNK_BYTES`] at a time, with a yield whenever
/// a slice of work has run [`SLICE_MS`].
async fn add_file(file: &File, class: &Rc<RefCell<Class>>) -> Result<usize, IntakeError> {
    let name = file.name();
    let fail = |e| IntakeError::from(FileError::new(&name, e));
    check_size(file.size()).map_err(fail)?;
    let text =
        gloo::file::futures::read_as_text(file)
            .await
            .map_err(|e| IntakeError::Unreadable {
                name: name.clone(),
                detail: e.to_string(),
            })?;
    let mut reading = FileReading::new(&text).map_err(fail)?;
    let mut slice = now();
    while !reading.step(CHUNK_BYTES).map_err(fail)? {
        if now() - slice >= SLICE_MS {
            TimeoutFuture::new(0).await;
            slice = now();
        }
    }
    // Not borrowed across an await: another batch may run beside this one.
    let result = class.borrow_mut().add_read(&name, reading);
    Ok(result?)
}

/// Why a file or code was not added.
#[derive(Debug, Error)]
enum IntakeError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{name}: the browser could not read the file ({detail})")]
    Unreadable { name: String, detail: String },
}

/// "Added 4 runs from 3 files and 1 code; 1 not added (named above)."
fn summary(rows: usize, files: usize, codes: usize, refused: usize) -> String {
    let count = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let from: Vec<String> = [(files, "file"), (codes, "code")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, one)| count(n, one))
        .collect();
    match (from.is_empty(), refused) {
        (true, 1) => "Nothing added (see the message above).".to_owned(),
        (true, n) => format!("Nothing added (see the {n} messages above)."),
        (false, 0) => format!("Added {} from {}.", count(rows, "run"), from.join(" and ")),
        (false, n) => format!(
            "Added {} from {}; {n} not added (named above).",
            count(rows, "run"),
            from.join(" and ")
        ),
    }
}

/// The files of a file list (from the file input or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(File::from)
        .collect()
}
