//! How the page's state follows a run: the runner's [`RunEvent`]s, each
//! applied as it comes (`Action::Run`). Pure, tested natively.

use super::{Action, AppState, Progress, RunPhase, Sweep};
use crate::runner::RunEvent;

impl From<RunEvent> for Action {
    fn from(event: RunEvent) -> Self {
        Action::Run(event)
    }
}

impl AppState {
    /// Applies what the runner reported.
    pub(super) fn on_run_event(&mut self, event: RunEvent) {
        match event {
            RunEvent::EngineRestarting
            | RunEvent::EngineLoaded { .. }
            | RunEvent::EngineFailed { .. }
            | RunEvent::PoolReady(_)
            | RunEvent::PoolFailed { .. } => self.on_engine_event(event),
            RunEvent::Preparing => {
                self.phase = RunPhase::Preparing;
                self.stopping = false;
            }
            RunEvent::RunStarted(results) => {
                let total = self.settings.task_count();
                self.progress = self
                    .settings
                    .models
                    .iter()
                    .map(|&model| Progress {
                        model,
                        done: 0,
                        total,
                    })
                    .collect();
                self.stopping = false;
                self.results = Some(results);
                if let Some(model) = self.settings.models.first() {
                    self.phase = RunPhase::Running {
                        model: *model,
                        repetition: 1,
                        repeat: self.settings.repeat,
                    };
                }
            }
            RunEvent::Repetition {
                model,
                repetition,
                repeat,
            } => {
                // Only a run moves the phase (a thread sweep reports progress too).
                if matches!(self.phase, RunPhase::Running { .. }) {
                    self.phase = RunPhase::Running {
                        model,
                        repetition,
                        repeat,
                    };
                }
            }
            RunEvent::TasksDone { model, done } => {
                if let Some(p) = self.progress.iter_mut().find(|p| p.model == model) {
                    p.done = done.min(p.total);
                }
            }
            RunEvent::SweepStarted { model, max_threads } => {
                self.sweep = Some(Sweep {
                    model,
                    max_threads,
                    measured: Vec::new(),
                    running: true,
                    error: None,
                });
            }
            RunEvent::SweepPoint { threads, wall_ms } => {
                if let (Some(sweep), Some(wall)) = (&mut self.sweep, wall_ms) {
                    sweep.measured.push((threads, wall));
                }
            }
            RunEvent::SweepFinished { error } => {
                if let Some(sweep) = &mut self.sweep {
                    sweep.running = false;
                    sweep.error = error;
                }
            }
            RunEvent::ModelFinished(record) => {
                if let Some(p) = self.progress.iter_mut().find(|p| p.model == record.model) {
                    if record.status == crate::report::RunStatus::Ok {
                        p.done = p.total;
                    }
                }
                if let Some(results) = &mut self.results {
                    results.runs.push(record);
                }
            }
            RunEvent::RunFinished => {
                self.phase = RunPhase::Finished;
                self.stopping = false;
                if let (Some(id), Some(results)) = (&self.settings.lesson, &self.results) {
                    self.lessons.ran(id, results);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Environment, Results};
    use crate::state::PoolStatus;
    use crate::vocab::ModelId;

    fn running() -> AppState {
        let s = AppState::from_query("models=threads,gil&tasks=8", 4);
        let results = Results::new(Environment::default(), &s.settings);
        s.reduce(RunEvent::Preparing.into())
            .reduce(RunEvent::RunStarted(results).into())
    }

    #[test]
    fn a_run_moves_through_its_models_repetitions_and_tasks() {
        let s = running().reduce(
            RunEvent::Repetition {
                model: ModelId::Gil,
                repetition: 2,
                repeat: 3,
            }
            .into(),
        );
        let running_gil = RunPhase::Running {
            model: ModelId::Gil,
            repetition: 2,
            repeat: 3,
        };
        assert_eq!(s.phase, running_gil);
        let s = s.reduce(
            RunEvent::TasksDone {
                model: ModelId::Gil,
                done: 99,
            }
            .into(),
        );
        let gil = s.progress.iter().find(|p| p.model == ModelId::Gil);
        assert_eq!(
            gil.map(|p| (p.done, p.total)),
            Some((8, 8)),
            "capped at the total"
        );
    }

    #[test]
    fn a_sweeps_progress_does_not_move_an_idle_phase() {
        let s = AppState::from_query("models=threads", 4).reduce(
            RunEvent::Repetition {
                model: ModelId::Threads,
                repetition: 1,
                repeat: 1,
            }
            .into(),
        );
        assert_eq!(s.phase, RunPhase::Idle);
    }

    #[test]
    fn a_failed_engine_is_not_a_failed_pool() {
        let reason = "the engine worker failed: its script could not be loaded";
        let s = running().reduce(
            RunEvent::EngineFailed {
                reason: reason.into(),
            }
            .into(),
        );
        assert_eq!(
            s.pool,
            PoolStatus::EngineFailed {
                reason: reason.into()
            }
        );
        let s = running().reduce(
            RunEvent::PoolFailed {
                reason: "no shared memory".into(),
            }
            .into(),
        );
        assert_eq!(
            s.pool,
            PoolStatus::Unavailable {
                reason: "no shared memory".into()
            }
        );
    }
}
