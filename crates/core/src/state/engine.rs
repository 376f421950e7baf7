//! The reducer's part for the engine and its pool: what the page knows of
//! them and of the page's isolation, and which engine a waiting run is
//! starting. Pure, tested natively (`state_engine_tests.rs`).

use super::{AppState, EngineStart, PoolStatus, RunPhase};
use crate::runner::RunEvent;

impl AppState {
    /// The page is not cross-origin isolated, and why.
    pub(super) fn not_isolated(&mut self, reason: String) {
        self.not_isolated = Some(reason.clone());
        self.pool = PoolStatus::Unavailable { reason };
    }

    /// Applies what the runner reported of the engine and its pool.
    pub(super) fn on_engine_event(&mut self, event: RunEvent) {
        match event {
            RunEvent::EngineLoaded { module_start_ms } => {
                self.engine_start_ms = Some(module_start_ms);
            }
            RunEvent::EngineRestarting => {
                self.engine_start_ms = None;
                self.engine_started = true;
                // Without isolation the pool fails again for the same reason:
                // keep saying so while the engine starts, not "starting"
                // (also after a failed engine: this one may start).
                self.pool = match &self.not_isolated {
                    Some(reason) => PoolStatus::Unavailable {
                        reason: reason.clone(),
                    },
                    None => PoolStatus::Starting,
                };
            }
            RunEvent::PoolReady(info) => self.pool = PoolStatus::Ready(info),
            RunEvent::PoolFailed { reason } => self.pool = PoolStatus::Unavailable { reason },
            RunEvent::EngineFailed { reason } => self.pool = PoolStatus::EngineFailed { reason },
            // The run's own events are `on_run_event`'s.
            RunEvent::Preparing
            | RunEvent::RunStarted(_)
            | RunEvent::Repetition { .. }
            | RunEvent::TasksDone { .. }
            | RunEvent::ModelFinished(_)
            | RunEvent::RunFinished
            | RunEvent::SweepStarted { .. }
            | RunEvent::SweepPoint { .. }
            | RunEvent::SweepFinished { .. } => {}
        }
    }

    /// The engine the run being prepared waits for, while it starts
    /// (`None`: no run waits, or its engine is up).
    pub fn engine_start(&self) -> Option<EngineStart> {
        if self.phase != RunPhase::Preparing {
            return None;
        }
        if self.not_isolated.is_some() {
            let failed = matches!(self.pool, PoolStatus::EngineFailed { .. });
            let loading = self.engine_started && self.engine_start_ms.is_none() && !failed;
            return loading.then_some(EngineStart::WithoutThreads);
        }
        (self.pool == PoolStatus::Starting).then_some(EngineStart::WithPool {
            threads: self.settings.threads,
        })
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
