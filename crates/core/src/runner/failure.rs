//! How a worker's failure is told: what the page learns when a worker (the
//! engine or a process) could not load, stopped with an uncaught error, or
//! sent a message the page cannot read, put in words a learner can act on.
//! Pure data and text, tested natively; `bridge` fills it from the browser's
//! events and never words a failure itself.

use thiserror::Error;

use crate::protocol::wire::WireError;

/// Why a worker stopped being usable.
#[derive(Debug, Error)]
pub enum WorkerFailure {
    /// The browser fired a plain `error` event: the worker's script, or a
    /// module it imports, could not be fetched or was refused (a missing
    /// file, a file served with the wrong MIME type).
    #[error(
        "its script could not be loaded (a missing file, or one served with the wrong type); \
         reload the page, and if that does not help, the site is missing files"
    )]
    NotLoaded,
    /// An uncaught exception or a WebAssembly trap in the worker, as the
    /// browser's `ErrorEvent` tells it.
    #[error("it stopped with an error: {message}{}", at.as_ref().map(|at| format!(" (at {at})")).unwrap_or_default())]
    Threw { message: String, at: Option<Spot> },
    /// A message arrived that is not one of the worker's protocol.
    #[error("it sent a message the page cannot read: {0}")]
    Undecodable(#[source] WireError),
    /// The browser could not deserialise a message (`messageerror`).
    #[error("it sent a message the browser could not deliver")]
    Undeliverable,
    /// The worker loaded but then said nothing about its pool, neither
    /// started nor failed, for `seconds`: it is stuck.
    #[error(
        "it loaded, then did not answer for {seconds} s (a browser that refuses the engine's \
         helper workers, for example under a strict Content-Security-Policy, stalls it); \
         reload the page, and if that does not help, the site's policy must allow blob: workers"
    )]
    Silent { seconds: u32 },
}

/// Where in a script an error was thrown.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    /// The script's file name (the last part of its URL).
    pub file: String,
    /// 1-based; 0 when the browser does not say.
    pub line: u32,
}

impl std::fmt::Display for Spot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.file),
            line => write!(f, "{}:{line}", self.file),
        }
    }
}

impl WorkerFailure {
    /// The failure an `ErrorEvent` describes: its `message`, `filename` and
    /// `lineno`, each empty or 0 where the browser leaves it out (it does
    /// for scripts of another origin).
    pub fn threw(message: &str, filename: &str, line: u32) -> Self {
        let message = match message.trim() {
            "" => "an error the browser does not describe".to_owned(),
            m => m.to_owned(),
        };
        WorkerFailure::Threw {
            message,
            at: Spot::of(filename, line),
        }
    }
}

impl Spot {
    /// The spot in `url` at `line`; `None` when the browser gave no file.
    fn of(url: &str, line: u32) -> Option<Spot> {
        // The file name is what a reader recognises: the origin and the
        // query add nothing (and a blob: URL is all noise).
        let path = url.split(['?', '#']).next().unwrap_or("");
        let file = path.rsplit('/').next().unwrap_or("").trim();
        (!file.is_empty()).then(|| Spot {
            file: file.to_owned(),
            line,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thrown_error_names_its_message_and_file_and_line() {
        let failure = WorkerFailure::threw(
            "Uncaught Error: failed to fetch Wasm: 404 Not Found",
            "http://127.0.0.1:8080/engine.js?v=2#x",
            801,
        );
        assert_eq!(
            failure.to_string(),
            "it stopped with an error: Uncaught Error: failed to fetch Wasm: 404 Not Found \
             (at engine.js:801)"
        );
    }

    #[test]
    fn what_the_browser_leaves_out_is_left_out() {
        let no_line = WorkerFailure::threw("Uncaught RuntimeError: unreachable", "engine.js", 0);
        assert_eq!(
            no_line.to_string(),
            "it stopped with an error: Uncaught RuntimeError: unreachable (at engine.js)"
        );
        let nothing = WorkerFailure::threw("  ", "", 0);
        assert_eq!(
            nothing.to_string(),
            "it stopped with an error: an error the browser does not describe"
        );
        let folder = WorkerFailure::threw("x", "http://host/dir/", 3);
        assert_eq!(folder.to_string(), "it stopped with an error: x");
    }

    #[test]
    fn a_load_failure_says_what_to_do() {
        let text = WorkerFailure::NotLoaded.to_string();
        assert!(text.contains("could not be loaded"), "{text}");
        assert!(text.contains("reload the page"), "{text}");
    }

    #[test]
    fn a_silent_worker_says_how_long_and_what_may_stall_it() {
        let text = WorkerFailure::Silent { seconds: 20 }.to_string();
        assert!(
            text.starts_with("it loaded, then did not answer for 20 s"),
            "{text}"
        );
        assert!(text.contains("Content-Security-Policy"), "{text}");
        assert!(text.contains("reload the page"), "{text}");
    }

    #[test]
    fn an_undecodable_message_carries_the_wire_error() {
        let err = serde_json::from_str::<f64>("null").expect_err("null is not a number");
        let failure = WorkerFailure::Undecodable(WireError::Decode(err));
        let text = failure.to_string();
        assert!(
            text.starts_with("it sent a message the page cannot read: not a message this side"),
            "{text}"
        );
        assert!(text.contains("null"), "{text}");
    }
}
