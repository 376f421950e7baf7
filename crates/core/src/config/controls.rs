//! The embed's page flags that shape the form: `controls` (which settings a
//! docs page shows, a comma list of [`Key`]s) and the names
//! it accepts. Parsing the list reports each unknown name; `lock` is a plain
//! flag. Pure: no web APIs.

use super::key::Key;

/// The value of `controls` that shows no control at all (Run and Stop only).
pub const NO_CONTROLS: &str = "none";

/// The accepted names of `controls`, for messages: every key, then `none`.
pub fn accepted() -> String {
    let mut names: Vec<&str> = Key::ALL.iter().map(|c| c.as_str()).collect();
    names.push(NO_CONTROLS);
    names.join(", ")
}

/// What a `controls` value says: the controls it names, in its order and
/// each once, and the names it does not know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedControls {
    pub controls: Vec<Key>,
    pub unknown: Vec<String>,
    /// `none` was given: show no control.
    pub none: bool,
}

/// Reads a `controls` value (`n,threads,models`, or `none`). Blank items
/// are skipped; a repeated name counts once.
pub fn parse_controls(text: &str) -> ParsedControls {
    let mut parsed = ParsedControls::default();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Key::parse(name) {
            Some(c) if !parsed.controls.contains(&c) => parsed.controls.push(c),
            Some(_) => {}
            None if name == NO_CONTROLS => parsed.none = true,
            None => parsed.unknown.push(name.to_owned()),
        }
    }
    parsed
}

/// Writes a list back as the URL value (`none` for an empty list).
pub fn controls_query(controls: &[Key]) -> String {
    if controls.is_empty() {
        return NO_CONTROLS.to_owned();
    }
    let names: Vec<&str> = controls.iter().map(|c| c.as_str()).collect();
    names.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_serde_agrees() {
        for c in Key::ALL {
            assert_eq!(Key::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).expect("serialise");
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
        assert_eq!(Key::parse("Models"), None, "names are exact");
    }

    #[test]
    fn a_list_keeps_order_drops_repeats_and_names_the_unknown() {
        let p = parse_controls(" threads, models,,n,threads,colour ,nn");
        assert_eq!(p.controls, vec![Key::Threads, Key::Models, Key::N]);
        assert_eq!(p.unknown, vec!["colour".to_owned(), "nn".to_owned()]);
        assert!(!p.none);
        let none = parse_controls("none");
        assert!(none.none && none.controls.is_empty() && none.unknown.is_empty());
    }

    #[test]
    fn the_query_form_parses_back() {
        let list = vec![Key::Latency, Key::Models];
        assert_eq!(controls_query(&list), "latency,models");
        assert_eq!(parse_controls(&controls_query(&list)).controls, list);
        assert_eq!(controls_query(&[]), "none");
        assert!(parse_controls(&controls_query(&[])).none);
        assert!(accepted().starts_with("workload, models, n,"));
        assert!(accepted().ends_with("increments, block_ms, none"));
    }
}
