//! When a warm-up is done: a pure rule over the times of equal batches of
//! work (fed by `engine::pool`). It owns no clock and runs nothing itself.
//!
//! Fresh WebAssembly first runs as V8's baseline code and is swapped for
//! optimised code after a background compile, which a busy machine delays.
//! A fixed warm-up is either too short there or wasted elsewhere; this waits
//! until the batches run at their best pace, within limits.

/// The rule: done when the median of the last `window` batches is within
/// `tolerance` of the fastest batch so far, but not before `min_ms` (a steady
/// pace of baseline code must not pass for the settled one) and always at
/// `max_ms` (a machine too busy ever to settle).
#[derive(Clone, Copy, Debug)]
pub struct SettleRule {
    pub window: usize,
    pub tolerance: f64,
    pub min_ms: f64,
    pub max_ms: f64,
}

/// The warm-up of the engine's threads (`engine::pool`).
pub const WARM_UP: SettleRule = SettleRule {
    window: 15,
    tolerance: 1.03,
    // The fixed warm-up this rule replaced, measured enough on an idle machine.
    min_ms: 150.0,
    max_ms: 1_000.0,
};

/// Batch times seen so far.
#[derive(Debug)]
pub struct Settle {
    rule: SettleRule,
    batches: Vec<f64>,
    best: f64,
}

impl Settle {
    pub fn new(rule: SettleRule) -> Self {
        Self {
            rule,
            batches: Vec::with_capacity(256),
            best: f64::INFINITY,
        }
    }

    /// Records one batch (`batch_ms`) at `elapsed_ms` since the warm-up
    /// began; true when the warm-up is done.
    pub fn push(&mut self, batch_ms: f64, elapsed_ms: f64) -> bool {
        self.batches.push(batch_ms);
        self.best = self.best.min(batch_ms);
        let r = self.rule;
        if elapsed_ms >= r.max_ms {
            return true;
        }
        if elapsed_ms < r.min_ms || self.batches.len() < r.window {
            return false;
        }
        let mut recent = self.batches[self.batches.len() - r.window..].to_vec();
        recent.sort_by(f64::total_cmp);
        recent[r.window / 2] <= self.best * r.tolerance
    }

    /// The fastest batch so far, ms.
    pub fn best_ms(&self) -> f64 {
        self.best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds batches of the given times back to back; the elapsed time at which it said done.
    fn done_at(times: impl IntoIterator<Item = f64>) -> Option<f64> {
        let mut s = Settle::new(WARM_UP);
        let mut elapsed = 0.0;
        for t in times {
            elapsed += t;
            if s.push(t, elapsed) {
                return Some(elapsed);
            }
        }
        None
    }

    #[test]
    fn a_steady_pace_settles_after_the_minimum() {
        let at = done_at(std::iter::repeat(2.0)).unwrap();
        assert!((150.0..160.0).contains(&at), "{at}");
    }

    #[test]
    fn slow_baseline_code_then_fast_code_waits_for_the_fast_pace() {
        // 140 ms of baseline code at 5 ms a batch, then optimised code at 2 ms.
        let times = std::iter::repeat_n(5.0, 28).chain(std::iter::repeat(2.0));
        let at = done_at(times).unwrap();
        // The median of the last 15 must be fast: at least 8 fast batches after 140 ms.
        assert!(at >= 140.0 + 8.0 * 2.0, "{at}");
        assert!(at < 200.0, "{at}");
    }

    #[test]
    fn a_pace_that_never_settles_stops_at_the_maximum() {
        // Every other batch twice as slow: the median never gets near the best.
        let times = (0..).map(|i| if i % 2 == 0 { 2.0 } else { 4.0 });
        let mut s = Settle::new(WARM_UP);
        let mut elapsed = 0.0;
        for t in times.take(10_000) {
            elapsed += t;
            if s.push(t, elapsed) {
                break;
            }
        }
        // Median of alternating 2/4 over 15 batches is 4 or 2: 8 of 15 may be slow.
        assert!(elapsed <= 1_004.0, "{elapsed}");
        assert_eq!(s.best_ms(), 2.0);
    }

    #[test]
    fn a_single_slow_spike_does_not_hold_it_back() {
        let times = (0..).map(|i| if i == 70 { 40.0 } else { 2.0 });
        let at = done_at(times).unwrap();
        assert!(at < 200.0, "{at}");
    }
}
