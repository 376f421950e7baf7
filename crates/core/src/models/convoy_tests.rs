//! Native tests of the convoy run: real threads, a sleep for each request.

use std::time::Duration;

use super::*;
use crate::models::test_clock as clock;

/// CPU threads on `std` threads, as rayon's pool runs them in the browser.
struct StdThreads;

impl Workers for StdThreads {
    fn beside<R: Send>(
        &self,
        count: u32,
        cpu: &(dyn Fn(u32) -> CpuShare + Sync),
        io: impl FnOnce() -> R + Send,
    ) -> (R, Vec<CpuShare>) {
        std::thread::scope(|s| {
            let handles: Vec<_> = (1..=count).map(|k| s.spawn(move || cpu(k))).collect();
            let r = io();
            let shares = handles
                .into_iter()
                .map(|h| h.join().expect("CPU thread"))
                .collect();
            (r, shares)
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the test server is down")]
struct Down;

fn sleep_ms(ms: u64) -> impl Fn(u32) -> Result<Answer, Down> + Sync {
    move |_| {
        std::thread::sleep(Duration::from_millis(ms));
        Ok(Answer::default())
    }
}

fn plan(requests: u32) -> Plan {
    Plan {
        requests,
        cpu_threads: 1,
        sweep: Vec::new(),
        sweep_requests: 0,
    }
}

#[test]
fn under_the_gil_each_request_waits_for_the_lock_twice() {
    let gil = Interpreter::Gil(Gil::new(10, clock));
    let run = run(&gil, &plan(12), &sleep_ms(1), &StdThreads, clock);
    let (latency, stats) = run.stats(Some(10)).expect("every request succeeded");
    assert_eq!(run.alone.len(), 12);
    assert_eq!(run.contended.requests.len(), 12);
    // Sending and answering each wait a full 10 ms interval behind the CPU
    // thread, however busy the machine (a busy machine only adds).
    assert!(latency.contended >= 20.0, "{latency:?}");
    assert!(latency.contended > latency.alone, "{latency:?}");
    assert!(stats.io_lock_wait_ms >= 12.0 * 20.0, "{stats:?}");
    let waits: Vec<usize> = run
        .contended
        .requests
        .iter()
        .map(|r| r.waits.len())
        .collect();
    assert!(waits.iter().all(|w| *w == 2), "{waits:?}");
    assert_eq!(stats.cpu_threads, 1);
    assert!(stats.cpu_per_s > 0.0 && run.contended.cpu[0].units > 0);
    assert!(stats.alone_per_s > 2.0 * stats.contended_per_s, "{stats:?}");
}

#[test]
fn without_a_lock_the_cpu_thread_does_not_delay_the_requests() {
    let run = run(
        &Interpreter::Free,
        &plan(12),
        &sleep_ms(2),
        &StdThreads,
        clock,
    );
    let (latency, stats) = run.stats(None).expect("every request succeeded");
    // Only the machine's scheduling adds to the contended latency (tests
    // run in parallel on a busy 2-core machine: a few ms); under a GIL of
    // 10 ms every request would wait at least 20 ms more.
    assert!(
        latency.contended < latency.alone + 15.0,
        "no lock to wait for: {latency:?}"
    );
    assert!(run.contended.requests.iter().all(|r| r.waits.is_empty()));
    assert_eq!(stats.io_lock_wait_ms, 0.0);
    assert!(stats.cpu_per_s > 0.0);
    assert!(stats.switch_ms.is_none() && stats.sweep.is_empty());
}

#[test]
fn a_shorter_switch_interval_shortens_the_wait() {
    let gil = Interpreter::Gil(Gil::new(5, clock));
    let mut p = plan(4);
    p.sweep = vec![1, 12];
    p.sweep_requests = 6;
    let run = run(&gil, &p, &sleep_ms(1), &StdThreads, clock);
    let (_, stats) = run.stats(Some(5)).expect("every request succeeded");
    let [short, long] = stats.sweep[..] else {
        panic!("two sweep points: {:?}", stats.sweep);
    };
    assert_eq!((short.switch_ms, long.switch_ms), (1, 12));
    assert!(long.latency_ms >= 2.0 * 12.0 * 0.9, "{long:?}");
    assert!(short.latency_ms < long.latency_ms, "{short:?} {long:?}");
    assert!(short.io_per_s > long.io_per_s);
}

#[test]
fn the_sweep_is_for_the_gil_only() {
    let mut p = plan(3);
    p.sweep = vec![1, 12];
    p.sweep_requests = 3;
    let run = run(&Interpreter::Free, &p, &sleep_ms(1), &StdThreads, clock);
    assert!(run.sweep.is_empty());
}

#[test]
fn a_failed_request_ends_the_run_with_its_error() {
    let failing = |i: u32| {
        if i == 3 {
            Err(Down)
        } else {
            Ok(Answer {
                http_status: Some(200),
                bytes: Some(64),
            })
        }
    };
    let gil = Interpreter::Gil(Gil::new(5, clock));
    let run = run(&gil, &plan(10), &failing, &StdThreads, clock);
    assert_eq!(run.alone.len(), 4, "stops at the first failure");
    assert_eq!(run.alone[0].answer.http_status, Some(200));
    assert_eq!(run.alone[3].answer, Answer::default());
    assert_eq!(run.error(), Some("the test server is down"));
    assert!(run.contended.requests.is_empty() && run.contended.cpu.is_empty());
    assert!(run.stats(Some(5)).is_none());
}

#[test]
fn rates_and_medians_from_fixed_times() {
    let req = |phase, index, start_ms: f64, end_ms: f64| Request {
        phase,
        index,
        start_ms,
        end_ms,
        waits: vec![[start_ms, start_ms + 0.5]],
        answer: Answer::default(),
        error: None,
    };
    let run = ConvoyRun {
        alone: vec![
            req(Phase::Alone, 0, 0.0, 2.0),
            req(Phase::Alone, 1, 2.0, 5.0),
            req(Phase::Alone, 2, 5.0, 7.0),
            req(Phase::Alone, 3, 7.0, 10.0),
        ],
        alone_start_ms: 0.0,
        alone_end_ms: 10.0,
        contended: Contended {
            requests: vec![
                req(Phase::Contended, 0, 10.0, 20.0),
                req(Phase::Contended, 1, 20.0, 32.0),
            ],
            cpu: vec![
                CpuShare {
                    thread: 1,
                    start_ms: 9.0,
                    end_ms: 33.0,
                    units: 48,
                    waits: Vec::new(),
                },
                // Started only after the I/O thread was done: not beside it.
                CpuShare {
                    thread: 2,
                    start_ms: 32.5,
                    end_ms: 32.6,
                    units: 0,
                    waits: Vec::new(),
                },
            ],
            start_ms: 10.0,
            end_ms: 32.0,
        },
        sweep: Vec::new(),
    };
    let (latency, stats) = run.stats(Some(5)).expect("no failure");
    assert_eq!((latency.alone, latency.contended), (2.5, 11.0));
    assert_eq!(stats.alone_per_s, 400.0);
    assert_eq!(stats.contended_per_s, 2.0 * 1000.0 / 22.0);
    assert_eq!(stats.cpu_per_s, 2000.0);
    assert_eq!(stats.io_lock_wait_ms, 1.0);
    assert_eq!(
        (stats.requests, stats.cpu_threads, stats.cpu_n),
        (2, 1, CPU_N)
    );
}
