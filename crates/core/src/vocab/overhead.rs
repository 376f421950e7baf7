//! The named overheads of a run (`overheads_ms` in the results JSON): costs
//! kept apart from the model's own wall time.

/// One named overhead. The results JSON keeps them as a map from
/// [`OverheadKey::as_str`] to ms, so readers of `results@1` see the same keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OverheadKey {
    /// Starting the thread pool (once per page).
    PoolStart,
    /// Warming up the fib kernel on every thread (once per page).
    WarmUp,
    /// Starting the process workers (each run of `processes`).
    ProcessStart,
    /// Encoding, copying and decoding every message to and from processes.
    SerializeCopy,
}

impl OverheadKey {
    /// Every key.
    pub const ALL: [OverheadKey; 4] = [
        OverheadKey::PoolStart,
        OverheadKey::WarmUp,
        OverheadKey::ProcessStart,
        OverheadKey::SerializeCopy,
    ];

    /// The JSON key.
    pub fn as_str(self) -> &'static str {
        match self {
            OverheadKey::PoolStart => "pool_start",
            OverheadKey::WarmUp => "warm_up",
            OverheadKey::ProcessStart => "process_start",
            OverheadKey::SerializeCopy => "serialize_copy",
        }
    }

    /// Parses a JSON key; `None` for a key this version does not name.
    pub fn parse(key: &str) -> Option<OverheadKey> {
        OverheadKey::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// The overhead in words.
    pub fn label(self) -> &'static str {
        match self {
            OverheadKey::PoolStart => "thread pool start (once per page)",
            OverheadKey::WarmUp => "warm-up (once per page)",
            OverheadKey::ProcessStart => "starting the process workers",
            OverheadKey::SerializeCopy => "encoding and copying messages",
        }
    }
}

impl std::fmt::Display for OverheadKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in OverheadKey::ALL {
            assert_eq!(OverheadKey::parse(k.as_str()), Some(k));
        }
        assert_eq!(OverheadKey::parse("other"), None);
    }
}
