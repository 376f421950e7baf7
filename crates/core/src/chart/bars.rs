//! The comparison chart: one bar per model that ran, with its spread and its
//! ratio to `sequential`.

use crate::models::ModelId;
use crate::report::{ModelResult, RunStatus};

/// One model's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub model: ModelId,
    /// Median wall time, ms.
    pub value_ms: f64,
    pub min_ms: f64,
    pub max_ms: f64,
    /// `sequential`'s time divided by this one (> 1 means faster).
    pub speedup: Option<f64>,
    /// The fastest bar of the chart.
    pub fastest: bool,
}

/// Bars for every run that finished, in run order.
pub fn comparison_bars(runs: &[ModelResult]) -> Vec<Bar> {
    let baseline = runs
        .iter()
        .find(|r| r.model == ModelId::Sequential && r.status == RunStatus::Ok)
        .and_then(|r| r.wall_ms);
    let mut bars: Vec<Bar> = runs
        .iter()
        .filter(|r| r.status == RunStatus::Ok)
        .filter_map(|r| {
            let value = r.wall_ms?;
            Some(Bar {
                model: r.model,
                value_ms: value,
                min_ms: r.wall_ms_min.unwrap_or(value),
                max_ms: r.wall_ms_max.unwrap_or(value),
                speedup: baseline.filter(|_| value > 0.0).map(|b| b / value),
                fastest: false,
            })
        })
        .collect();
    let best = bars
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.value_ms.total_cmp(&b.1.value_ms))
        .map(|(i, _)| i);
    if let (Some(i), true) = (best, bars.len() > 1) {
        bars[i].fastest = true;
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Workload;

    fn ok(model: ModelId, ms: f64) -> ModelResult {
        ModelResult::finished(model, Workload::Fib, ms)
    }

    #[test]
    fn bars_carry_speedup_and_mark_the_fastest() {
        let runs = [
            ok(ModelId::Sequential, 100.0),
            ok(ModelId::Threads, 50.0),
            ModelResult::skipped(ModelId::Async, Workload::Fib, "no"),
        ];
        let bars = comparison_bars(&runs);
        assert_eq!(bars.len(), 2, "skipped runs have no bar");
        assert_eq!(bars[0].speedup, Some(1.0));
        assert_eq!(bars[1].speedup, Some(2.0));
        assert!(bars[1].fastest && !bars[0].fastest);
        assert_eq!(bars[1].min_ms, 50.0);
    }

    #[test]
    fn without_sequential_there_is_no_ratio_and_one_bar_is_not_fastest() {
        let bars = comparison_bars(&[ok(ModelId::Threads, 10.0)]);
        assert_eq!(bars[0].speedup, None);
        assert!(!bars[0].fastest);
    }
}
