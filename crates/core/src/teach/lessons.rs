//! The lessons: one per claim of the teaching material that the playground
//! can demonstrate, kept as data in `lessons.en.json` so the texts can be
//! edited and translated without touching code. Pure: no web APIs.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::config::{validate, RawSettings, Settings};
use crate::models::ModelId;

/// The English lesson texts, compiled in.
const LESSONS_EN: &str = include_str!("lessons.en.json");

/// One lesson: a claim, the settings that demonstrate it and what to expect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable kebab-case id, for links and storage (`the-gil`).
    pub id: String,
    /// A short title.
    pub title: String,
    /// The number of the claim it demonstrates in the teaching material (1-9).
    pub claim: u8,
    /// Two to four sentences for a newcomer.
    pub summary: String,
    /// The URL query (without `?` and without `autorun`) that sets it up.
    pub query: String,
    /// The models a learner ranks before running: the lesson's models.
    pub rank_models: Vec<ModelId>,
    /// One sentence on what the learner should see.
    pub expect: String,
    /// The relevant figure of the reference Python articles, quoted as such,
    /// or a newer one ("Since the reference articles: ..."), cited in `sources`.
    pub python_reference: Option<String>,
    /// Where a figure newer than the reference articles comes from (https URLs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Lesson {
    /// A link that opens the lesson and runs it at once (for teachers):
    /// `base` is the page address; any query or fragment it has is dropped.
    pub fn link(&self, base: &str) -> String {
        let base = base.split(['?', '#']).next().unwrap_or_default();
        format!("{base}?{}&lesson={}&autorun=1", self.query, self.id)
    }

    /// The lesson's settings, with `default_threads` where the query leaves
    /// the pool size to the machine. Invalid values (none, as tested) fall
    /// back to their defaults.
    pub fn settings(&self, default_threads: u32) -> Settings {
        validate(
            &RawSettings::from_query(&self.query),
            default_threads,
            &lesson_ids(),
        )
        .0
    }
}

/// Every lesson, in teaching order. Parsed once.
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: OnceLock<Vec<Lesson>> = OnceLock::new();
    LESSONS.get_or_init(|| {
        // The JSON is ours and compiled in; `tests::the_json_parses` proves it.
        serde_json::from_str(LESSONS_EN).expect("lessons.en.json is valid")
    })
}

/// Every lesson's id, in teaching order (what `config::validate` accepts as
/// `lesson`).
pub fn lesson_ids() -> Vec<&'static str> {
    lessons().iter().map(|l| l.id.as_str()).collect()
}

/// The lesson with this id, if any (ids come from URLs: any text is safe).
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::config::{to_query, Workload};

    #[test]
    fn the_json_parses() {
        let parsed: Result<Vec<Lesson>, _> = serde_json::from_str(LESSONS_EN);
        let parsed = parsed.map_err(|e| e.to_string());
        assert!(parsed.as_ref().is_ok_and(|l| !l.is_empty()), "{parsed:?}");
        assert_eq!(lessons().len(), 12);
    }

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = HashSet::new();
        for l in lessons() {
            assert!(seen.insert(l.id.as_str()), "{} is listed twice", l.id);
            let kebab = !l.id.is_empty()
                && !l.id.starts_with('-')
                && !l.id.ends_with('-')
                && !l.id.contains("--")
                && l.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            assert!(kebab, "{} is not kebab-case", l.id);
        }
    }

    #[test]
    fn texts_are_filled_in() {
        for l in lessons() {
            assert!((1..=9).contains(&l.claim), "{}: claim {}", l.id, l.claim);
            for (field, text) in [
                ("title", &l.title),
                ("summary", &l.summary),
                ("expect", &l.expect),
            ] {
                assert!(!text.trim().is_empty(), "{}: empty {field}", l.id);
            }
            let sentences = l.summary.matches(". ").count() + 1;
            assert!(
                (2..=4).contains(&sentences),
                "{}: summary has {sentences} sentences",
                l.id
            );
            if let Some(reference) = &l.python_reference {
                assert!(
                    reference.contains("reference"),
                    "{}: cite the reference articles",
                    l.id
                );
                let newer = reference.starts_with("Since the reference articles");
                assert_eq!(
                    newer,
                    !l.sources.is_empty(),
                    "{}: a figure newer than the reference articles says so and cites its sources",
                    l.id
                );
            }
            for source in &l.sources {
                let url = source.strip_prefix("https://").unwrap_or_default();
                assert!(
                    !url.is_empty() && !url.contains(char::is_whitespace),
                    "{}: a source is an https URL: {source}",
                    l.id
                );
            }
        }
    }

    #[test]
    fn every_query_validates_without_errors() {
        for l in lessons() {
            assert!(!l.query.starts_with('?'), "{}", l.id);
            let raw = RawSettings::from_query(&l.query);
            assert_eq!(
                raw.get("autorun"),
                None,
                "{}: no autorun in the query",
                l.id
            );
            assert_eq!(raw.get("embed"), None, "{}: no embed in the query", l.id);
            for cores in [1, 2, 16] {
                let (_, errors) = validate(&raw, cores, &lesson_ids());
                assert!(errors.is_empty(), "{}: {errors:?}", l.id);
            }
        }
    }

    #[test]
    fn every_query_key_applies_to_its_workload() {
        for l in lessons() {
            let pinned = to_query(&l.settings(2));
            let pinned = RawSettings::from_query(&pinned);
            for (key, value) in form_urlencoded::parse(l.query.as_bytes()) {
                assert_eq!(
                    pinned.get(&key),
                    Some(&*value),
                    "{}: {key} has no effect",
                    l.id
                );
            }
        }
    }

    #[test]
    fn ranked_models_are_the_lessons_models_and_supported() {
        for l in lessons() {
            let s = l.settings(2);
            assert!(!l.rank_models.is_empty(), "{}", l.id);
            for m in &l.rank_models {
                assert!(s.models.contains(m), "{}: {m} is not in the query", l.id);
            }
            for m in &s.models {
                assert!(
                    s.workload.supports(*m),
                    "{}: {} cannot run {m}",
                    l.id,
                    s.workload.as_str()
                );
            }
        }
    }

    #[test]
    fn runs_stay_short() {
        for l in lessons() {
            let s = l.settings(2);
            match s.workload {
                Workload::Fib => {
                    assert!(s.n <= 35 && (s.tasks <= 20 || s.n <= 20), "{}", l.id);
                }
                Workload::Fetch | Workload::Pipeline => {
                    assert!(s.requests <= 40 && s.latency_ms <= 200, "{}", l.id);
                    assert!(s.n <= 35, "{}", l.id);
                }
                Workload::Race => assert!(s.increments <= 5_000_000, "{}", l.id),
                Workload::Convoy => {
                    assert!(s.requests <= 100 && s.latency_ms <= 10, "{}", l.id);
                }
            }
            assert_eq!(s.repeat, 1, "{}", l.id);
        }
    }

    #[test]
    fn claims_cover_what_the_app_can_show() {
        let claims: HashSet<u8> = lessons().iter().map(|l| l.claim).collect();
        assert_eq!(claims, (1..=9).collect());
    }

    #[test]
    fn lessons_for_todays_python_say_which_python() {
        let no_gil = lesson("no-gil-314t").expect("the free-threading lesson exists");
        assert_eq!(no_gil.title, "No GIL: Python 3.14t");
        let s = no_gil.settings(2);
        assert_eq!(s.workload, Workload::Fib);
        assert_eq!(s.models, vec![ModelId::Gil, ModelId::Threads]);
        assert_eq!(
            (s.n, s.tasks),
            (34, 8),
            "the measured experiment's fib(34) x 8"
        );
        let text = format!(
            "{} {}",
            no_gil.summary,
            no_gil.python_reference.as_deref().unwrap_or_default()
        );
        for fact in [
            "default CPython",
            "3.14t",
            "1.03 s",
            "4.10 s",
            "40%",
            "1-8%",
        ] {
            assert!(text.contains(fact), "no-gil-314t: {fact}");
        }
        assert!(no_gil
            .sources
            .iter()
            .any(|s| s.ends_with("/python/cpython/issues/118749")));

        let race = lesson("race-condition").expect("the race lesson exists");
        let text = format!(
            "{} {}",
            race.summary,
            race.python_reference.as_deref().unwrap_or_default()
        );
        for fact in ["GIL", "by luck", "3.13t", "free-threaded"] {
            assert!(text.contains(fact), "race-condition: {fact}");
        }
        assert_eq!(race.sources.len(), 2);

        let convoy = lesson("convoy-effect").expect("the convoy lesson exists");
        let s = convoy.settings(2);
        assert_eq!(s.workload, Workload::Convoy);
        assert_eq!(s.models, vec![ModelId::Gil, ModelId::Threads]);
        assert_eq!(
            (s.threads, s.latency_ms),
            (2, 2),
            "one CPU thread, short requests"
        );
        let reference = convoy.python_reference.as_deref().unwrap_or_default();
        assert!(reference.contains("30,000") && reference.contains("100 requests"));
        assert!(convoy.sources[0].contains("tenthousandmeters.com"));

        let block = lesson("dont-block-the-loop").expect("the blocking lesson exists");
        let s = block.settings(2);
        assert_eq!((s.workload, s.block_ms), (Workload::Fetch, Some(400)));
        assert!(s.models.contains(&ModelId::Async));
        for call in ["time.sleep", "asyncio.to_thread", "run_in_executor"] {
            assert!(block.summary.contains(call), "dont-block-the-loop: {call}");
        }

        // "Threads don't help CPU-bound Python" says for which Python.
        for l in lessons() {
            let text = format!("{} {}", l.summary, l.expect);
            if text.contains("GIL") && !l.id.starts_with("race") {
                assert!(
                    text.contains("CPython"),
                    "{}: names the Python it means",
                    l.id
                );
            }
        }
    }

    #[test]
    fn lookup_and_links() {
        let gil = lesson("the-gil").expect("the GIL lesson exists");
        assert_eq!(gil.claim, 3);
        assert_eq!(lesson(""), None);
        assert_eq!(lesson("<script>"), None);
        let link = gil.link("https://example.org/playground/?n=3#top");
        assert_eq!(
            link,
            format!(
                "https://example.org/playground/?{}&lesson=the-gil&autorun=1",
                gil.query
            )
        );
        let (s, errors) = validate(
            &RawSettings::from_query(&link["https://example.org/playground/".len()..]),
            2,
            &lesson_ids(),
        );
        assert!(errors.is_empty() && s.autorun, "{errors:?}");
        assert_eq!(s.lesson.as_deref(), Some("the-gil"));
        assert_eq!(
            gil.link(""),
            format!("?{}&lesson=the-gil&autorun=1", gil.query)
        );
    }
}
