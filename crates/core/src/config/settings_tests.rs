use super::*;
use crate::config::to_query;
use crate::config::Key;

fn parse(q: &str) -> (Settings, Vec<ConfigError>) {
    validate(&RawSettings::from_query(q), 4, &[])
}

#[test]
fn a_lesson_must_be_one_the_caller_knows() {
    let known = ["intro", "the-gil"];
    let (s, errors) = validate(&RawSettings::from_query("lesson=the-gil"), 4, &known);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(s.lesson.as_deref(), Some("the-gil"));
    let (s, errors) = validate(&RawSettings::from_query("lesson=nope"), 4, &known);
    assert_eq!(s.lesson, None);
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["lesson: unknown lesson \"nope\" (accepted: intro, the-gil); showing none"]
    );
}

#[test]
fn empty_query_gives_the_defaults() {
    let (s, errors) = parse("");
    assert!(errors.is_empty());
    assert_eq!(s, Settings::defaults(4));
    assert_eq!(s.n, 35);
    assert_eq!(s.tasks, 20);
    assert_eq!(s.threads, 4);
}

#[test]
fn default_threads_are_clamped_to_the_accepted_range() {
    assert_eq!(Settings::defaults(0).threads, 1);
    assert_eq!(Settings::defaults(512).threads, 32);
}

#[test]
fn valid_values_are_taken() {
    let (s, errors) =
        parse("?workload=fib&models=threads,sequential&n=25&tasks=6&threads=2&repeat=3&autorun=1");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(s.models, vec![ModelId::Threads, ModelId::Sequential]);
    assert_eq!((s.n, s.tasks, s.threads, s.repeat), (25, 6, 2, 3));
    assert!(s.autorun);
    assert!(!s.embed);
}

#[test]
fn each_bad_value_is_named_and_replaced_by_its_default() {
    // The accepted models are every model, in the UI's order.
    let accepted = ModelId::ALL.map(ModelId::as_str).join(", ");
    for model in [
        "sequential",
        "threads",
        "async",
        "gil",
        "processes",
        "main-thread",
    ] {
        assert!(accepted.contains(model), "{model} is accepted");
    }
    let unknown_bogus = format!(
        "models: unknown model \"bogus\" (accepted: {accepted}); using sequential,threads,async"
    );
    let none_chosen = format!(
        "models: choose at least one model (accepted: {accepted}); using sequential,threads,async"
    );
    let cases: &[(&str, &str, &str)] = &[
        ("n=abc", "n", "n must be a whole number between 1 and 45 (got \"abc\"); using 35"),
        ("n=99", "n", "n must be between 1 and 45 (got 99); using 35"),
        ("n=-3", "n", "n must be between 1 and 45 (got -3); using 35"),
        ("n=2.5", "n", "n must be a whole number between 1 and 45 (got \"2.5\"); using 35"),
        ("threads=0", "threads", "threads must be between 1 and 32 (got 0); using 4"),
        ("tasks=99999999999999999999", "tasks", "tasks must be between 1 and 10000 (got 99999999999999999999); using 20"),
        ("repeat=", "", ""),
        ("models=threads,bogus", "models", &unknown_bogus),
        ("models=,", "models", &none_chosen),
        ("workload=disk", "workload", "workload must be fib, fetch, race, pipeline or convoy (got \"disk\"); using fib"),
        ("autorun=yes", "autorun", "autorun must be 1 or absent (got \"yes\")"),
        ("present=2", "present", "present must be 1 or absent (got \"2\")"),
        ("view=teacher", "view", "view: unknown view \"teacher\" (accepted: class); showing the playground"),
        ("url=javascript:alert(1)", "url", "url must be an http:// or https:// address (got \"javascript:alert(1)\"); using the simulated server"),
    ];
    let defaults = Settings::defaults(4);
    for (query, key, message) in cases {
        let (s, errors) = parse(query);
        if key.is_empty() {
            assert!(errors.is_empty(), "{query}: {errors:?}");
            assert_eq!(s, defaults, "{query}");
            continue;
        }
        assert_eq!(errors.len(), 1, "{query}: {errors:?}");
        assert_eq!(errors[0].key(), *key, "{query}");
        assert_eq!(errors[0].to_string(), *message, "{query}");
        assert_eq!(s, defaults, "{query} falls back to the defaults");
    }
}

#[test]
fn several_errors_are_all_reported_and_good_values_kept() {
    let (s, errors) = parse("n=zero&tasks=6&threads=100&models=async");
    let keys: Vec<&str> = errors.iter().map(ConfigError::key).collect();
    assert_eq!(keys, vec!["n", "threads"]);
    assert_eq!(s.tasks, 6);
    assert_eq!(s.models, vec![ModelId::Async]);
}

#[test]
fn repeated_keys_and_duplicate_models_are_reported() {
    let (s, errors) = parse("n=10&n=20&models=async,async");
    assert_eq!(s.n, 10, "the first value is used");
    assert_eq!(s.models, vec![ModelId::Async]);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text[0].contains("models: \"async\" is listed twice"),
        "{text:?}"
    );
    assert!(
        text.iter().any(|t| t.contains("n was given 2 times")),
        "{text:?}"
    );
}

#[test]
fn hostile_values_are_echoed_short_and_as_text() {
    let long = "<script>".repeat(100);
    let (_, errors) = parse(&format!("n={long}"));
    let message = errors[0].to_string();
    assert!(message.chars().count() < 200, "{message}");
    assert!(message.contains('…'));
}

#[test]
fn unknown_keys_are_ignored() {
    let (s, errors) = parse("colour=blue&n=30");
    assert!(errors.is_empty());
    assert_eq!(s.n, 30);
}

#[test]
fn query_round_trip_restores_every_setting() {
    let mut s = Settings::defaults(3);
    s.models = vec![ModelId::Async, ModelId::Sequential];
    s.n = 27;
    s.tasks = 9;
    s.repeat = 5;
    s.autorun = true;
    let (back, errors) = validate(&RawSettings::from_query(&to_query(&s)), 3, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, s);

    let mut f = Settings::defaults(2);
    f.workload = Workload::Fetch;
    f.requests = 100;
    f.latency_ms = 0;
    f.jitter_ms = 30;
    f.concurrency = Some(5);
    f.url = Some("https://example.org/a?b=c&d=e".into());
    f.embed = true;
    let (back, errors) = validate(&RawSettings::from_query(&to_query(&f)), 2, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, f);

    let mut c = Settings::defaults(2);
    c.view = Some(crate::config::View::Class);
    c.present = true;
    assert!(
        to_query(&c).ends_with("&view=class&present=1"),
        "{}",
        to_query(&c)
    );
    let (back, errors) = validate(&RawSettings::from_query(&to_query(&c)), 2, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, c);
}

#[test]
fn raw_settings_set_replaces_every_value() {
    let mut raw = RawSettings::from_query("n=1&n=2");
    raw.set("n", "3");
    assert_eq!(raw.get("n"), Some("3"));
    assert_eq!(raw.count("n"), 1);
}

#[test]
fn controls_and_lock_round_trip_and_unknown_controls_are_named() {
    let (s, errors) = parse("embed=1&controls=threads,models,n&lock=1");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(s.controls, Some(vec![Key::Threads, Key::Models, Key::N]));
    assert!(s.lock && s.embed);
    let (back, errors) = parse(&to_query(&s));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, s);
    assert!(to_query(&s).ends_with("embed=1&controls=threads%2Cmodels%2Cn&lock=1"));

    let (s, errors) = parse("controls=threads,colour");
    assert_eq!(s.controls, Some(vec![Key::Threads]));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].key(), "controls");
    let text = errors[0].to_string();
    assert!(text.contains("\"colour\""), "{text}");
    assert!(
        text.contains("accepted: workload, models, n, tasks"),
        "{text}"
    );

    let (s, errors) = parse("controls=colour");
    assert_eq!(
        (s.controls, errors.len()),
        (None, 1),
        "nothing known: the default set"
    );
    let (s, _) = parse("controls=none&lock=yes");
    assert_eq!(s.controls, Some(Vec::new()));
    assert!(!s.lock);
    assert!(to_query(&s).contains("controls=none"));
    let (s, errors) = parse("controls=");
    assert_eq!((s.controls, errors.len()), (None, 0), "empty is absent");
}

#[test]
fn a_summary_says_what_runs() {
    let summary = |q: &str| parse(q).0.experiment().summary();
    assert_eq!(
        summary("n=30&tasks=8&threads=2"),
        "8 tasks of fib(30); 2 threads"
    );
    assert_eq!(
        summary("workload=fetch&requests=1&latency=90&threads=1&repeat=3"),
        "1 request, each answered after 90 ms; 1 thread, 3 runs per model"
    );
    assert!(
        summary("workload=fetch&url=https://example.org/x").contains("to https://example.org/x")
    );
    assert!(summary("workload=race&increments=500").starts_with("500 additions per thread"));
    assert!(
        summary("workload=convoy&requests=40&latency=2&threads=3").starts_with(
            "an I/O thread making 40 requests of 2 ms beside CPU-bound threads; 3 threads"
        )
    );
    assert!(summary("workload=pipeline&requests=4&latency=50&n=20")
        .starts_with("4 items: a 50 ms download, then fib(20)"));
}

#[test]
fn only_a_run_with_a_model_in_the_engine_needs_it() {
    let needs = |q: &str| parse(q).0.experiment().needs_engine();
    // fetch's sequential and async wait on the page; main-thread blocks it.
    assert!(!needs("workload=fetch&models=sequential,async,main-thread"));
    assert!(!needs("workload=fib&models=main-thread,processes"));
    assert!(needs("workload=fetch&models=async,threads"));
    assert!(needs("workload=fib&models=sequential"));
    assert!(needs("workload=race&models=sequential"));
}
