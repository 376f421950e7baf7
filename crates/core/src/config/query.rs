//! Settings back to a URL query: every setting that applies to the chosen
//! workload, so a shared link pins the whole experiment. (Parsing a query
//! is `raw::RawSettings::from_query`.)

use super::settings::Settings;

/// Writes the settings as a URL query (without `?`): the run config's keys
/// ([`Experiment::query_pairs`](super::Experiment::query_pairs)), then the
/// page flags. Keys that do not apply to the chosen workload are left out;
/// `autorun`, `embed`, `view` and `present` only when set.
pub fn to_query(s: &Settings) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    let pairs = s.experiment().query_pairs();
    for (key, value) in pairs.iter().chain(&s.page_flags().query_pairs()) {
        q.append_pair(key, value);
    }
    q.finish()
}
