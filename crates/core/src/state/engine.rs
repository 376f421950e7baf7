//! The reducer's part for the engine and its pool: what the page knows of
//! them and of the page's isolation, and which engine a waiting run is
//! starting. Pure, tested natively (`state_engine_tests.rs`).

use super::{Action, AppState, EngineStart, PoolStatus, RunPhase};

impl AppState {
    /// Applies an engine or pool action (the others are ignored).
    pub(super) fn reduce_engine(&mut self, action: Action) {
        match action {
            Action::NotIsolated { reason } => {
                self.not_isolated = Some(reason.clone());
                self.pool = PoolStatus::Unavailable { reason };
            }
            Action::EngineLoaded { module_start_ms } => {
                self.engine_start_ms = Some(module_start_ms);
            }
            Action::EngineRestarting => {
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
            Action::PoolReady(info) => self.pool = PoolStatus::Ready(info),
            Action::PoolFailed { reason } => self.pool = PoolStatus::Unavailable { reason },
            Action::EngineFailed { reason } => self.pool = PoolStatus::EngineFailed { reason },
            _ => {}
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
