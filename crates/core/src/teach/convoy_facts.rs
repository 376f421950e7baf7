//! The convoy card's facts: label and value pairs (both latencies, their
//! ratio, the rates, the lock's waits) and the switch-interval sweep's rows,
//! from one run's measurements. Pure text for the UI to lay out.

use super::explain_convoy::rate;
use super::explain_ctx::{ms, ratio};
use crate::report::{ConvoyStats, IoLatency};

/// One line of the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// A stable key for tests and styling (`alone`, `contended`, `ratio`, ...).
    pub key: &'static str,
    pub label: String,
    pub value: String,
}

/// The card's lines, in reading order.
pub fn convoy_facts(latency: &IoLatency, stats: &ConvoyStats) -> Vec<Fact> {
    let fact = |key, label: String, value: String| Fact { key, label, value };
    let beside = match stats.cpu_threads {
        1 => "Beside 1 CPU thread".to_owned(),
        k => format!("Beside {k} CPU threads"),
    };
    let mut out = vec![
        fact(
            "alone",
            "I/O thread alone".to_owned(),
            format!(
                "{} a request (median), {} requests a second",
                ms(latency.alone),
                rate(stats.alone_per_s)
            ),
        ),
        fact(
            "contended",
            beside,
            format!(
                "{} a request (median), {} requests a second",
                ms(latency.contended),
                rate(stats.contended_per_s)
            ),
        ),
    ];
    if let Some(r) = latency.ratio() {
        out.push(fact("ratio", "Contended / alone".to_owned(), ratio(r)));
    }
    out.push(fact(
        "cpu",
        "CPU threads".to_owned(),
        format!("{} fib({}) a second", rate(stats.cpu_per_s), stats.cpu_n),
    ));
    if let Some(switch) = stats.switch_ms {
        out.push(fact(
            "lock",
            "Waiting for the GIL".to_owned(),
            format!(
                "{} in all over {} requests (switch interval {switch} ms)",
                ms(stats.io_lock_wait_ms),
                stats.requests
            ),
        ));
    }
    out
}

/// The sweep as table rows: switch interval, request median, requests a
/// second, CPU rate; shortest interval first.
pub fn sweep_rows(stats: &ConvoyStats) -> Vec<[String; 4]> {
    let mut points = stats.sweep.clone();
    points.sort_by_key(|p| p.switch_ms);
    points
        .iter()
        .map(|p| {
            [
                format!("{} ms", p.switch_ms),
                ms(p.latency_ms),
                rate(p.io_per_s),
                rate(p.cpu_per_s),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SweepPoint;

    fn stats() -> ConvoyStats {
        ConvoyStats {
            requests: 40,
            alone_per_s: 232.0,
            contended_per_s: 66.0,
            cpu_threads: 1,
            cpu_n: 25,
            cpu_per_s: 3_140.0,
            io_lock_wait_ms: 412.0,
            switch_ms: Some(5),
            sweep: vec![
                SweepPoint {
                    switch_ms: 20,
                    latency_ms: 44.0,
                    io_per_s: 22.7,
                    cpu_per_s: 3_200.0,
                },
                SweepPoint {
                    switch_ms: 1,
                    latency_ms: 6.1,
                    io_per_s: 164.0,
                    cpu_per_s: 2_950.0,
                },
            ],
        }
    }

    #[test]
    fn the_card_shows_both_latencies_their_ratio_and_the_rates() {
        let latency = IoLatency {
            alone: 4.3,
            contended: 15.2,
        };
        let facts = convoy_facts(&latency, &stats());
        let get = |key: &str| {
            facts
                .iter()
                .find(|f| f.key == key)
                .map(|f| format!("{}: {}", f.label, f.value))
                .unwrap_or_default()
        };
        assert_eq!(
            get("alone"),
            "I/O thread alone: 4.3 ms a request (median), 232 requests a second"
        );
        assert_eq!(
            get("contended"),
            "Beside 1 CPU thread: 15 ms a request (median), 66 requests a second"
        );
        assert_eq!(get("ratio"), "Contended / alone: 3.53x");
        assert_eq!(get("cpu"), "CPU threads: 3,100 fib(25) a second");
        assert_eq!(
            get("lock"),
            "Waiting for the GIL: 412 ms in all over 40 requests (switch interval 5 ms)"
        );
        let mut free = stats();
        free.switch_ms = None;
        assert!(convoy_facts(&latency, &free)
            .iter()
            .all(|f| f.key != "lock"));
    }

    #[test]
    fn the_sweep_reads_shortest_interval_first() {
        let rows = sweep_rows(&stats());
        assert_eq!(
            rows[0],
            ["1 ms", "6.1 ms", "164", "3,000"].map(String::from)
        );
        assert_eq!(rows[1], ["20 ms", "44 ms", "23", "3,200"].map(String::from));
    }
}
