//! The one place where orchestration's [`RunEvent`]s become the page
//! reducer's [`Action`]s. Pure, tested natively.

use super::Action;
use crate::runner::RunEvent;

impl From<RunEvent> for Action {
    fn from(event: RunEvent) -> Self {
        match event {
            RunEvent::EngineRestarting => Action::EngineRestarting,
            RunEvent::EngineLoaded { module_start_ms } => Action::EngineLoaded { module_start_ms },
            RunEvent::PoolReady(info) => Action::PoolReady(info),
            RunEvent::PoolFailed { reason } => Action::PoolFailed { reason },
            RunEvent::EngineFailed { reason } => Action::EngineFailed { reason },
            RunEvent::Preparing => Action::RunPreparing,
            RunEvent::RunStarted(results) => Action::RunStarted(results),
            RunEvent::Repetition {
                model,
                repetition,
                repeat,
            } => Action::Progress {
                model,
                repetition,
                repeat,
            },
            RunEvent::TasksDone { model, done } => Action::TaskProgress { model, done },
            RunEvent::ModelFinished(record) => Action::ModelFinished(record),
            RunEvent::RunFinished => Action::RunFinished,
            RunEvent::SweepStarted { model, max_threads } => {
                Action::SweepStarted { model, max_threads }
            }
            RunEvent::SweepPoint { threads, wall_ms } => Action::SweepPoint { threads, wall_ms },
            RunEvent::SweepFinished { error } => Action::SweepFinished { error },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::ModelId;

    #[test]
    fn progress_events_become_the_reducers_progress_actions() {
        let event = RunEvent::Repetition {
            model: ModelId::Threads,
            repetition: 2,
            repeat: 3,
        };
        assert_eq!(
            Action::from(event),
            Action::Progress {
                model: ModelId::Threads,
                repetition: 2,
                repeat: 3
            }
        );
        let event = RunEvent::TasksDone {
            model: ModelId::Gil,
            done: 7,
        };
        assert_eq!(
            Action::from(event),
            Action::TaskProgress {
                model: ModelId::Gil,
                done: 7
            }
        );
        assert_eq!(
            Action::from(RunEvent::PoolFailed {
                reason: "no shared memory".into()
            }),
            Action::PoolFailed {
                reason: "no shared memory".into()
            }
        );
    }

    #[test]
    fn a_failed_engine_is_its_own_action_not_a_failed_pool() {
        let reason = "the engine worker failed: its script could not be loaded";
        assert_eq!(
            Action::from(RunEvent::EngineFailed {
                reason: reason.into()
            }),
            Action::EngineFailed {
                reason: reason.into()
            }
        );
    }
}
