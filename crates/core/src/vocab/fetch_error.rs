//! Why one HTTP request of a fetch task failed before any response. The
//! message is what the task's `error` field and the page show.

use thiserror::Error;

/// A request that got no (complete) response.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FetchError {
    /// Browsers do not tell a CORS block from an unreachable host, so the
    /// message names both and the fix for CORS.
    #[error(
        "no response from {url}: the host is unreachable, or the browser blocked the answer \
         (CORS). A server of your own must send the header Access-Control-Allow-Origin: * \
         (or this page's origin) for the playground to read it"
    )]
    NoResponse { url: String },
    #[error("timed out after {timeout_ms} ms without a response")]
    TimedOut { timeout_ms: u32 },
    #[error("the body did not arrive: {detail}")]
    NoBody { detail: String },
    #[error("the browser cannot abort requests")]
    CannotAbort,
    #[error("this thread cannot make requests")]
    CannotRequest,
    #[error("not a valid request URL: {url}")]
    InvalidUrl { url: String },
    /// A failure described by the caller (tests, fixtures).
    #[error("{0}")]
    Described(String),
}

impl From<&str> for FetchError {
    fn from(text: &str) -> Self {
        FetchError::Described(text.to_owned())
    }
}
