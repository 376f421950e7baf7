//! What the page's module hands the results module (`src/bin/results.rs`)
//! for each view it shows there: a named slot and that slot's props, as
//! JSON text (as the page and the engine talk, `crate::protocol::wire`). Pure: the
//! slots, the props and their encoding, with typed errors; mounting the
//! views is `playground_views::remote`'s (results module), showing the host and loading
//! the module `playground_page::remote_view`'s (page).
//!
//! Only the page's and the results module, built together, read this text:
//! its shape is no public interface. The props are the page state's own
//! data (results as `results@1`, the sweep), not view models, so the page
//! sends what it holds and the view computes the rest.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::report::Results;
use crate::report::Sweep;

/// A place on the page where the results module renders a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The results column: cards, charts, timelines, exports, the reference run.
    Results,
    /// The thread sweep's result: chart, Amdahl fit, data table.
    Sweep,
}

impl Slot {
    pub const ALL: [Slot; 2] = [Slot::Results, Slot::Sweep];

    /// The slot's name across the module boundary.
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Results => "results",
            Slot::Sweep => "sweep",
        }
    }

    /// # Errors
    /// [`RemoteError::UnknownSlot`] for a name that is no slot.
    pub fn parse(name: &str) -> Result<Slot, RemoteError> {
        Slot::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
            .ok_or_else(|| RemoteError::UnknownSlot {
                slot: name.to_owned(),
            })
    }
}

/// The results column's props.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsProps {
    pub results: Results,
    /// The run has ended (finished, stopped or failed): exports, sharing,
    /// explanations and the reference run are offered.
    pub finished: bool,
    /// In an embed: the charts in the open, the rest behind a disclosure.
    pub compact: bool,
}

/// The sweep result's props.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepProps {
    pub sweep: Sweep,
}

/// One slot's props.
#[derive(Clone, Debug, PartialEq)]
pub enum RemoteProps {
    Results(Box<ResultsProps>),
    Sweep(SweepProps),
}

impl RemoteProps {
    pub fn slot(&self) -> Slot {
        match self {
            RemoteProps::Results(_) => Slot::Results,
            RemoteProps::Sweep(_) => Slot::Sweep,
        }
    }

    /// The props as JSON text.
    ///
    /// # Errors
    /// [`RemoteError::Encode`] if serde cannot write them (no props type
    /// here has a map with non-text keys, so in practice never).
    pub fn encode(&self) -> Result<String, RemoteError> {
        let text = match self {
            RemoteProps::Results(p) => serde_json::to_string(p),
            RemoteProps::Sweep(p) => serde_json::to_string(p),
        };
        text.map_err(|e| RemoteError::Encode {
            slot: self.slot().as_str(),
            reason: e.to_string(),
        })
    }

    /// The props of the slot named `slot`, from their JSON text.
    ///
    /// # Errors
    /// [`RemoteError::UnknownSlot`] for a name that is no slot,
    /// [`RemoteError::Decode`] for text that is not that slot's props.
    pub fn decode(slot: &str, json: &str) -> Result<RemoteProps, RemoteError> {
        let slot = Slot::parse(slot)?;
        let decoded = match slot {
            Slot::Results => serde_json::from_str(json).map(RemoteProps::Results),
            Slot::Sweep => serde_json::from_str(json).map(RemoteProps::Sweep),
        };
        decoded.map_err(|e| RemoteError::Decode {
            slot: slot.as_str(),
            reason: e.to_string(),
        })
    }
}

/// Why a view could not be handed over or shown.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum RemoteError {
    #[error("no view slot is named `{slot}` (known: {})", known_slots())]
    UnknownSlot { slot: String },
    #[error("the {slot} view's props could not be written as JSON ({reason})")]
    Encode { slot: &'static str, reason: String },
    #[error("the {slot} view's props could not be read ({reason})")]
    Decode { slot: &'static str, reason: String },
}

/// Every slot's name, for the message naming an unknown one.
fn known_slots() -> String {
    Slot::ALL.map(Slot::as_str).join(", ")
}

#[cfg(test)]
#[path = "remote_tests.rs"]
mod tests;
