//! Sentences about the `race` workload: how many additions the unlocked
//! counter lost, and that the atomic and the mutex lost none. Only what the
//! counts show: a run in which no update happened to be lost says so. Then,
//! once, what Python does, version by version (quoted with its sources).

use super::explain_ctx::Ctx;
use super::python_now::{RACE_FREE_THREADED, RACE_WITH_GIL};
use crate::models::ModelId;

/// One sentence per model that reported race counts, and Python's versions
/// when threads raced.
pub(super) fn about(ctx: &Ctx<'_>) -> Vec<String> {
    let mut out = counts(ctx);
    let threads_raced = ctx
        .timed
        .iter()
        .any(|t| t.run.output.race().is_some() && t.run.model != ModelId::Sequential);
    if threads_raced {
        out.push(format!("{RACE_WITH_GIL}."));
        out.push(format!("{RACE_FREE_THREADED}."));
    }
    out
}

fn counts(ctx: &Ctx<'_>) -> Vec<String> {
    ctx.timed
        .iter()
        .filter_map(|t| t.run.output.race().map(|race| (t.run.model, race)))
        .map(|(model, race)| {
            let lost = race.lost();
            let safe = race.atomic == race.expected && race.locked == race.expected;
            let locks = if safe {
                "with an atomic add and with a mutex, none was lost".to_owned()
            } else {
                format!(
                    "surprising: the atomic counter reads {} and the mutex {} of {}",
                    race.atomic, race.locked, race.expected
                )
            };
            if lost > 0 {
                let share = lost as f64 / race.expected.max(1) as f64 * 100.0;
                format!(
                    "{model}: without a lock, {lost} of {} additions were lost ({share:.1}%): two \
                     threads read the same value and one write overwrote the other; {locks}.",
                    race.expected
                )
            } else if model == ModelId::Sequential {
                format!("{model}: one thread lost nothing, as expected: a race needs two threads at once; {locks}.")
            } else {
                format!(
                    "{model}: this time no addition was lost without a lock: the threads happened \
                     not to overlap (races depend on timing: run it again); {locks}."
                )
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Settings, Workload};
    use crate::report::{Environment, ModelResult, RaceCounts, Results, WorkloadOutput};
    use crate::teach::explain;

    fn results(model: ModelId, unlocked: u64) -> Results {
        let mut r = Results::new(Environment::default(), &Settings::defaults(2));
        let mut run = ModelResult::finished(model, Workload::Race, 20.0);
        run.output = WorkloadOutput::Race {
            race: RaceCounts {
                expected: 1_000,
                unlocked,
                atomic: 1_000,
                locked: 1_000,
            },
        };
        r.runs.push(run);
        r
    }

    #[test]
    fn lost_updates_are_counted_and_explained() {
        let text = explain(&results(ModelId::Threads, 900)).join(" ");
        assert!(
            text.contains("100 of 1000 additions were lost (10.0%)"),
            "{text}"
        );
        assert!(text.contains("none was lost"), "{text}");
    }

    #[test]
    fn pythons_versions_are_told_apart_once() {
        let text = explain(&results(ModelId::Threads, 900)).join(" ");
        assert!(
            text.contains("In CPython 3.10+ with the GIL, an unlocked `counter += 1`"),
            "{text}"
        );
        assert!(
            text.contains("usually gives the right total, by luck"),
            "{text}"
        );
        assert!(text.contains("#134212"), "cites its source: {text}");
        assert!(
            text.contains("Free-threaded CPython 3.13t loses updates (CPython issue #125646)"),
            "{text}"
        );
        assert!(text.contains("WASM threads here behave like it"), "{text}");
        assert_eq!(text.matches("3.13t").count(), 1, "{text}");
        let text = explain(&results(ModelId::Sequential, 1_000)).join(" ");
        assert!(!text.contains("3.13t"), "one thread races nothing: {text}");
    }

    #[test]
    fn no_loss_is_reported_as_it_is() {
        let text = explain(&results(ModelId::Threads, 1_000)).join(" ");
        assert!(text.contains("this time no addition was lost"), "{text}");
        let text = explain(&results(ModelId::Sequential, 1_000)).join(" ");
        assert!(text.contains("one thread lost nothing"), "{text}");
    }
}
