//! Reading a file a piece at a time, so the page can draw between pieces:
//! a JSON-lines file (the reference file's form, and what a teacher gets by
//! joining many downloads) is parsed a few lines per step; a single JSON
//! document or array is parsed in one step (it cannot be split without
//! parsing it). The same rules and errors as [`read_text`],
//! which is this run to the end. Pure: the caller decides when to yield.

use serde_json::Value;

use super::read::{check_size, read_value, ClassDoc, ReadError, MAX_DOCS_PER_FILE};

/// A file being read.
#[derive(Debug)]
pub struct FileReading<'a> {
    /// The whole text (trimmed) when it is one JSON value; empty otherwise.
    whole: &'a str,
    /// Non-empty lines `(line number, text)` of a JSON-lines file.
    lines: Vec<(usize, &'a str)>,
    next: usize,
    docs: Vec<ClassDoc>,
    done: bool,
}

impl<'a> FileReading<'a> {
    /// Starts reading `text`: checks its size, and whether it is JSON lines
    /// (two or more non-empty lines, the first a JSON value on its own; a
    /// single document's first line, `{` or `[{`, never is).
    ///
    /// # Errors
    /// Too large, empty, or more than [`MAX_DOCS_PER_FILE`] lines.
    pub fn new(text: &'a str) -> Result<Self, ReadError> {
        check_size(text.len() as u64)?;
        let trimmed = text.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() {
            return Err(ReadError::Empty);
        }
        let lines: Vec<(usize, &str)> = trimmed
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l))
            .collect();
        let is_lines =
            lines.len() >= 2 && serde_json::from_str::<serde::de::IgnoredAny>(lines[0].1).is_ok();
        if !is_lines {
            return Ok(FileReading {
                whole: trimmed,
                lines: Vec::new(),
                next: 0,
                docs: Vec::new(),
                done: false,
            });
        }
        if lines.len() > MAX_DOCS_PER_FILE {
            return Err(ReadError::TooManyDocs { count: lines.len() });
        }
        Ok(FileReading {
            whole: "",
            docs: Vec::with_capacity(lines.len()),
            lines,
            next: 0,
            done: false,
        })
    }

    /// Whether the file is JSON lines (one document a line).
    pub fn is_lines(&self) -> bool {
        !self.lines.is_empty()
    }

    /// Reads on for about `bytes` of text (at least one line); returns
    /// whether the file is read to its end.
    ///
    /// # Errors
    /// The first thing wrong; the reading is then over.
    pub fn step(&mut self, bytes: usize) -> Result<bool, ReadError> {
        if self.done {
            return Ok(true);
        }
        if !self.is_lines() {
            self.docs = read_whole(self.whole)?;
            self.done = true;
            return Ok(true);
        }
        let mut read = 0;
        while let Some(&(n, line)) = self.lines.get(self.next) {
            let value: Value = serde_json::from_str(line).map_err(|e| ReadError::Malformed {
                line: Some(n),
                detail: e.to_string(),
            })?;
            self.docs.push(read_value(value, Some(n))?);
            self.next += 1;
            read += line.len();
            if read >= bytes {
                break;
            }
        }
        self.done = self.next == self.lines.len();
        Ok(self.done)
    }

    /// The documents, once [`FileReading::step`] said the file is read.
    pub fn into_docs(self) -> Vec<ClassDoc> {
        self.docs
    }
}

/// One JSON value: a document, or an array of them.
fn read_whole(text: &str) -> Result<Vec<ClassDoc>, ReadError> {
    let values = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(value) => vec![value],
        Err(e) => {
            return Err(ReadError::Malformed {
                line: None,
                detail: e.to_string(),
            })
        }
    };
    if values.len() > MAX_DOCS_PER_FILE {
        return Err(ReadError::TooManyDocs {
            count: values.len(),
        });
    }
    values.into_iter().map(|v| read_value(v, None)).collect()
}

/// The results documents of a file's text, in file order.
///
/// # Errors
/// A [`ReadError`] for the first thing wrong: the whole file is refused,
/// so a half-read file never looks complete.
pub fn read_text(text: &str) -> Result<Vec<ClassDoc>, ReadError> {
    let mut reading = FileReading::new(text)?;
    while !reading.step(usize::MAX)? {}
    Ok(reading.into_docs())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::reference_text;
    use super::*;

    #[test]
    fn json_lines_are_read_a_few_lines_per_step() {
        let mut reading = FileReading::new(reference_text()).expect("the reference file");
        assert!(reading.is_lines());
        let mut steps = 0;
        while !reading.step(1).expect("valid lines") {
            steps += 1;
        }
        assert_eq!(steps, 8, "one line per step, the ninth ends it");
        assert_eq!(reading.into_docs().len(), 9);
        // A single document is read in one step.
        let first = reference_text().lines().next().expect("a line");
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(first).expect("json"))
                .expect("pretty");
        let mut reading = FileReading::new(&pretty).expect("one document");
        assert!(!reading.is_lines());
        assert_eq!(reading.step(1), Ok(true));
        assert_eq!(reading.into_docs().len(), 1);
    }

    #[test]
    fn a_bad_line_ends_the_reading_with_its_number() {
        let mut lines: Vec<&str> = reference_text().lines().take(4).collect();
        lines.insert(3, "{\"schema\": \"vega-lite/v5\"}");
        let text = lines.join("\n");
        let mut reading = FileReading::new(&text).expect("starts");
        let err = loop {
            match reading.step(1) {
                Ok(true) => panic!("read a bad file to its end"),
                Ok(false) => {}
                Err(e) => break e,
            }
        };
        assert_eq!(
            err,
            ReadError::WrongSchema {
                line: Some(4),
                found: "vega-lite/v5".into()
            }
        );
    }
}
