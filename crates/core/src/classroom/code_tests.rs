//! Tests of result codes: round trips, sizes, and every way a code can be
//! damaged.

use super::*;
use crate::classroom::fixtures::reference_values;

fn code_of(line: usize, detail: Detail) -> String {
    encode(&reference_values()[line], detail).expect("a results document")
}

#[test]
fn full_codes_round_trip_exactly() {
    for (i, doc) in reference_values().iter().enumerate() {
        let code = encode(doc, Detail::Full).expect("encode");
        assert!(code.starts_with("cp1."));
        assert_eq!(&decode(&code).expect("decode"), doc, "reference line {i}");
    }
}

#[test]
fn summary_codes_round_trip_to_the_summary() {
    for doc in reference_values() {
        let code = encode(&doc, Detail::Summary).expect("encode");
        let back = decode(&code).expect("decode");
        assert_eq!(back, summarize(&doc));
        assert_eq!(summarize(&back), back, "summarizing twice changes nothing");
        // Still a results@1 document the app itself can read.
        let strict: crate::report::Results =
            serde_json::from_value(back.clone()).expect("a results@1 document");
        assert_eq!(
            strict.runs.len(),
            doc["runs"].as_array().map_or(0, Vec::len)
        );
        for (run, original) in back["runs"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(doc["runs"].as_array().into_iter().flatten())
        {
            assert_eq!(run["tasks"], serde_json::json!([]));
            assert_eq!(
                run["task_count"],
                original["tasks"].as_array().map_or(0, Vec::len)
            );
            let wall = original["wall_ms"].as_f64().expect("wall");
            let kept = run["wall_ms"].as_f64().expect("wall kept");
            assert!((wall - kept).abs() <= 0.005, "{wall} ~ {kept}");
            assert_eq!(run["status"], original["status"]);
        }
    }
    let threads16 = decode(&code_of(5, Detail::Summary)).expect("decode");
    let lanes = threads16["runs"][1]["lanes"].as_array().expect("lanes");
    assert_eq!(lanes.len(), 16);
    assert_eq!(
        (lanes[1].as_str(), lanes[9].as_str()),
        (Some("thread-2"), Some("thread-10"))
    );
}

#[test]
fn code_sizes() {
    // Measured sizes, printed for the module docs (`-- --nocapture`).
    for (i, doc) in reference_values().iter().enumerate() {
        let json = serde_json::to_string(doc).expect("json").len();
        let summary = encode(doc, Detail::Summary).expect("encode").len();
        let full = encode(doc, Detail::Full).expect("encode").len();
        println!(
            "reference line {}: JSON {json} B, summary code {summary}, full code {full}",
            i + 1
        );
        assert!(
            summary <= 1_200,
            "a summary code fits a chat message ({summary})"
        );
        assert!(
            full < json / 4,
            "the full code is compressed ({full} of {json})"
        );
    }
}

#[test]
fn whitespace_a_chat_app_adds_is_ignored() {
    let code = code_of(0, Detail::Summary);
    let (a, b) = code.split_at(40);
    let wrapped = format!("  {a}\n {b}\r\n");
    assert_eq!(decode(&wrapped), decode(&code));
}

#[test]
fn every_changed_character_is_rejected() {
    let code = code_of(6, Detail::Summary);
    let original = decode(&code).expect("the code itself");
    let body_start = CODE_PREFIX.len();
    let (mut corrupted, mut same) = (0, 0);
    for i in body_start..code.len() {
        let mut chars: Vec<char> = code.chars().collect();
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let changed: String = chars.into_iter().collect();
        match decode(&changed) {
            Err(CodeError::Corrupted { .. }) => corrupted += 1,
            Err(CodeError::Truncated | CodeError::TooLarge { .. }) => {}
            // Bits that carry nothing (the padding after deflate's last
            // block, the spare bits of the last character) may change: the
            // results read are then exactly the same.
            Ok(v) if v == original => same += 1,
            other => panic!("a change at {i} was not caught: {other:?}"),
        }
    }
    assert!(same <= 3, "{same} changes fell on unused bits");
    assert!(
        corrupted > (code.len() - body_start) / 2,
        "{corrupted} named corrupted"
    );
    let bad_char = code.replacen('A', "!", 1).replacen("cp1.!", "cp1.A", 1);
    assert!(matches!(
        decode(&bad_char),
        Err(CodeError::Corrupted { .. })
    ));
}

#[test]
fn every_truncation_is_rejected_as_incomplete() {
    let code = code_of(1, Detail::Summary);
    for len in CODE_PREFIX.len()..code.len() - 1 {
        assert_eq!(
            decode(&code[..len]),
            Err(CodeError::Truncated),
            "cut at {len}"
        );
    }
}

#[test]
fn unknown_versions_and_other_text_are_named() {
    let body = &code_of(0, Detail::Summary)[CODE_PREFIX.len()..];
    assert_eq!(
        decode(&format!("cp2.{body}")),
        Err(CodeError::UnknownVersion { found: "2".into() })
    );
    assert_eq!(
        decode("cp12.abc"),
        Err(CodeError::UnknownVersion { found: "12".into() })
    );
    assert_eq!(decode(&format!("cp.{body}")), Err(CodeError::NotACode));
    assert_eq!(decode("hello teacher"), Err(CodeError::NotACode));
    assert_eq!(decode(" \n "), Err(CodeError::Empty));
    assert_eq!(decode("cp1."), Err(CodeError::Truncated));
    let message = decode("cp2.x")
        .map_err(|e| e.to_string())
        .err()
        .unwrap_or_default();
    assert!(
        message.contains("version 2") && message.contains("cp1."),
        "{message}"
    );
}

#[test]
fn only_results_documents_are_codes() {
    let other = serde_json::json!({ "schema": "someone-else/v1" });
    assert!(matches!(
        encode(&other, Detail::Full),
        Err(CodeError::NotResults { .. })
    ));
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(br#"{"hello":1}"#, 6);
    let code = format!("{CODE_PREFIX}{}", BASE64.encode(packed));
    let err = decode(&code).expect_err("no schema");
    assert_eq!(
        err,
        CodeError::NotResults {
            detail: "it has no schema".into()
        }
    );
}

#[test]
fn a_code_that_unpacks_beyond_the_limit_is_refused() {
    let huge = vec![b' '; MAX_UNPACKED_BYTES + 1];
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&huge, 1);
    let code = format!("{CODE_PREFIX}{}", BASE64.encode(packed));
    assert_eq!(
        decode(&code),
        Err(CodeError::TooLarge {
            limit: MAX_UNPACKED_BYTES
        })
    );
}

#[test]
fn a_result_link_carries_the_whole_run_in_its_fragment() {
    let doc = &reference_values()[7];
    let fragment = link_fragment(doc).expect("a link");
    assert!(fragment.starts_with("#results=cp1."));
    assert!(fragment[1..]
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.=".contains(c)));
    assert_eq!(from_fragment(&fragment), Some(Ok(doc.clone())));
    let other_keys = format!("#lesson=gil&{}", &fragment[1..]);
    assert_eq!(from_fragment(&other_keys), Some(Ok(doc.clone())));
    assert_eq!(from_fragment("#lesson=gil"), None);
    assert_eq!(from_fragment(""), None);
    assert_eq!(
        from_fragment("#results=cp9.x"),
        Some(Err(CodeError::UnknownVersion { found: "9".into() }))
    );
}

#[test]
fn the_read_only_view_reads_full_and_summary_links_as_results() {
    // The read-only view shows a link's run with the app's own results
    // view when the document reads as this version's `Results`.
    for doc in reference_values() {
        for detail in [Detail::Full, Detail::Summary] {
            let link = format!(
                "https://h/p/?n=1{}",
                link_fragment_with(&doc, detail).expect("encode")
            );
            let fragment = link.split_once('#').expect("a fragment").1;
            let value = from_fragment(fragment)
                .expect("results key")
                .expect("decodes");
            let results: Result<crate::report::Results, _> = serde_json::from_value(value);
            assert!(results.is_ok(), "{detail:?}: {results:?}");
        }
    }
}

fn link_fragment_with(doc: &Value, detail: Detail) -> Result<String, CodeError> {
    Ok(format!("#{LINK_KEY}={}", encode(doc, detail)?))
}
