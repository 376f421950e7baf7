//! Settings as text, before validation: the URL query's pairs or the
//! form's fields, in order, repeated keys kept (validation reports them).
//! Pure: no web APIs; it never interprets a value.

/// Settings as text, before validation: from a URL query or the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawSettings {
    pairs: Vec<(String, String)>,
}

impl RawSettings {
    /// Reads a query string, with or without the leading `?`.
    pub fn from_query(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        RawSettings { pairs }
    }

    /// Builds raw settings from pairs (the form's fields).
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        RawSettings {
            pairs: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The first value given for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// How many times `key` was given.
    pub fn count(&self, key: &str) -> usize {
        self.pairs.iter().filter(|(k, _)| k == key).count()
    }

    /// Sets `key` to `value`, replacing every earlier value.
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.pairs.retain(|(k, _)| k != key);
        self.pairs.push((key.to_owned(), value.into()));
    }
}
