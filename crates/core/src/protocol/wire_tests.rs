//! Every message of both protocols through the wire format (JSON text and
//! bytes beside it) and back, and the typed errors for malformed messages.

use super::engine::{EngineEvent, EngineRequest, Job, PoolInfo, TrialEnd};
use super::process::{ProcessEvent, ProcessRequest, TaskItem};
use super::wire::{decode, encode, tag, Message, WireError};
use crate::report::{
    ConvoyStats, IoLatency, Overheads, RaceCounts, SweepPoint, TaskRecord, WorkloadOutput,
};
use crate::vocab::{FetchError, ModelId};
use crate::workloads::fetch::{FetchPlan, PlannedRequest, Target};
use crate::workloads::latency::{Answer, LatencySource};

/// Encodes `message`, decodes it from the text and its bytes, and checks
/// that the same message came back; returns the text.
fn round_trip<M: Message + PartialEq + std::fmt::Debug>(message: &M) -> String {
    let text = encode(message).expect("encode");
    let bytes = message.bytes().map(<[u8]>::to_vec);
    let back: M = decode(&text, bytes).expect("decode");
    assert_eq!(&back, message, "{text}");
    text
}

fn plan() -> FetchPlan {
    FetchPlan {
        requests: vec![
            PlannedRequest {
                index: 0,
                target: Target::Http {
                    url: "https://example.test/api/delay?ms=200&i=0".to_owned(),
                },
                delay_ms: Some(200),
                timeout_ms: 15_200,
            },
            PlannedRequest {
                index: 1,
                target: Target::Timer,
                delay_ms: None,
                timeout_ms: 15_000,
            },
        ],
        source: LatencySource::ServiceWorker {
            base: "https://example.test/".to_owned(),
        },
    }
}

fn tasks() -> Vec<TaskRecord> {
    vec![
        TaskRecord::fib(0, "thread-1".into(), 0.25, 12.125, 75_025),
        TaskRecord::race(1, "thread-2".into(), 1.0, 2.0, 1_000),
        TaskRecord::fetch(
            2,
            "engine".into(),
            3.5,
            205.75,
            Ok(Answer::Http {
                status: 200,
                bytes: 2_048,
            }),
        ),
        TaskRecord::fetch(3, "engine".into(), 3.5, 203.5, Ok(Answer::Waited)),
        TaskRecord::fetch(
            4,
            "engine".into(),
            3.5,
            15_003.5,
            Err(FetchError::TimedOut { timeout_ms: 15_000 }),
        )
        .with_waits(vec![[4.0, 9.5], [10.0, 10.5]]),
    ]
}

#[test]
fn every_engine_request_round_trips() {
    let jobs = [
        Job::Fib { n: 25, tasks: 200 },
        Job::Fetch {
            plan: plan(),
            concurrency: Some(3),
            block_ms: None,
        },
        Job::Race { increments: 10_000 },
        Job::Pipeline {
            plan: plan(),
            n: 20,
        },
        Job::Convoy {
            plan: plan(),
            cpu_threads: 3,
        },
    ];
    for job in jobs {
        round_trip(&EngineRequest::Trial {
            trial_id: 7,
            model: ModelId::Gil,
            job,
            switch_ms: 5,
        });
    }
    round_trip(&EngineRequest::StartPool { threads: 4 });
    let text = round_trip(&EngineRequest::Ping { trial_id: u32::MAX });
    assert_eq!(tag(&text).expect("tag"), "ping");
}

#[test]
fn every_engine_event_round_trips() {
    let mut overheads = Overheads::new();
    overheads.insert("pool_start".to_owned(), 91.5);
    let convoy = WorkloadOutput::Convoy {
        io_latency_ms: IoLatency {
            alone: 200.5,
            contended: 412.25,
        },
        convoy: ConvoyStats {
            requests: 8,
            alone_per_s: 4.9,
            contended_per_s: 2.4,
            cpu_threads: 3,
            cpu_n: 22,
            cpu_per_s: 9_000.5,
            io_lock_wait_ms: 180.0,
            switch_ms: Some(5),
            sweep: vec![SweepPoint {
                switch_ms: 1,
                latency_ms: 230.0,
                io_per_s: 4.3,
                cpu_per_s: 8_000.0,
            }],
        },
    };
    let mut events = vec![
        EngineEvent::Loaded {
            module_start_ms: 42.5,
        },
        EngineEvent::PoolReady(PoolInfo {
            threads: 4,
            start_ms: 90.0,
            warm_up_ms: 150.5,
        }),
        EngineEvent::PoolFailed {
            reason: "no \"SharedArrayBuffer\" here\n(not isolated)".to_owned(),
        },
        EngineEvent::Pong { trial_id: 3 },
        EngineEvent::TrialDone {
            trial_id: 9,
            end: TrialEnd {
                overheads_ms: overheads,
                ..TrialEnd::new(
                    1_234.5,
                    WorkloadOutput::Race {
                        race: RaceCounts {
                            expected: 40_000,
                            unlocked: 31_337,
                            atomic: 40_000,
                            locked: 40_000,
                        },
                    },
                )
            },
        },
        EngineEvent::TrialDone {
            trial_id: 11,
            end: TrialEnd::new(2_000.25, convoy),
        },
        EngineEvent::TrialDone {
            trial_id: 10,
            end: TrialEnd::refused(0.0, "the thread pool has not started".to_owned()),
        },
    ];
    events.extend(
        tasks()
            .into_iter()
            .map(|task| EngineEvent::TaskDone { trial_id: 9, task }),
    );
    for event in &events {
        round_trip(event);
    }
}

#[test]
fn process_messages_round_trip_with_their_payload_beside_the_json() {
    let requests = [
        ProcessRequest::Task {
            trial_id: 3,
            index: 1,
            item: TaskItem::Fib { n: 20 },
            payload: vec![7; 1024],
        },
        ProcessRequest::Task {
            trial_id: 3,
            index: 2,
            item: TaskItem::Fetch {
                request: plan().requests[0].clone(),
            },
            payload: Vec::new(),
        },
    ];
    for request in &requests {
        let text = round_trip(request);
        assert!(!text.contains("payload"), "{text}");
        assert_eq!(tag(&text).expect("tag"), ProcessRequest::TAG);
    }
    let mut events = vec![
        ProcessEvent::Loaded {
            module_start_ms: 12.5,
        },
        ProcessEvent::Codec {
            trial_id: 3,
            index: 1,
            codec_ms: 0.5,
        },
    ];
    events.extend(tasks().into_iter().map(|task| ProcessEvent::TaskResult {
        trial_id: 3,
        task,
        payload: (0..=255).collect(),
    }));
    for event in &events {
        let text = round_trip(event);
        assert!(!text.contains("payload"), "{text}");
    }
}

#[test]
fn malformed_messages_are_typed_errors() {
    let decode_error = |text: &str| {
        matches!(
            decode::<EngineRequest>(text, None),
            Err(WireError::Decode(_))
        )
    };
    assert!(decode_error("not json"));
    assert!(decode_error(r#"{"format-disk":{}}"#));
    assert!(decode_error(r#"{"start-pool":{}}"#));
    assert!(decode_error(r#"{"start-pool":{"threads":-1}}"#));
    assert!(decode_error(r#"{"run":{"trial_id":1}}"#));
    assert!(decode_error(r#"{"ping":{"trial_id":"one"}}"#));
    assert!(decode_error(
        r#"{"ping":{"trial_id":1},"pong":{"trial_id":1}}"#
    ));
    assert!(decode_error(r#""ping""#));
    assert!(decode_error(""));

    let task = r#"{"task":{"trial_id":1,"index":0,"item":{"fib":{"n":3}}}}"#;
    assert!(decode::<ProcessRequest>(task, Some(vec![1, 2])).is_ok());
    let missing = decode::<ProcessRequest>(task, None).expect_err("no payload");
    assert!(matches!(missing, WireError::MissingBytes { ref kind } if kind == "task"));
    assert!(missing.to_string().contains("`task`"), "{missing}");
    let pong = r#"{"pong":{"trial_id":1}}"#;
    assert!(matches!(
        decode::<EngineEvent>(pong, Some(Vec::new())),
        Err(WireError::UnexpectedBytes { .. })
    ));

    assert!(matches!(tag("[1, 2]"), Err(WireError::Decode(_))));
    assert!(matches!(tag("{}"), Err(WireError::Decode(_))));
    assert!(matches!(tag(r#"{"a":1,"b":2}"#), Err(WireError::Decode(_))));
    assert!(matches!(tag(r#""task""#), Err(WireError::Decode(_))));
    assert!(matches!(tag("{"), Err(WireError::Decode(_))));
}
