//! The three shared counters of the `race` workload, in task-index order.

/// One way of adding to a shared counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RaceCounter {
    /// A separate load and store: updates can be lost.
    Unlocked,
    /// One indivisible `fetch_add`.
    Atomic,
    /// A `Mutex` around the update.
    Locked,
}

impl RaceCounter {
    /// Every counter, in the order the tasks run them (task index
    /// `position * threads + thread`).
    pub const ALL: [RaceCounter; 3] = [
        RaceCounter::Unlocked,
        RaceCounter::Atomic,
        RaceCounter::Locked,
    ];

    /// The counter's place in [`RaceCounter::ALL`].
    pub fn position(self) -> u32 {
        match self {
            RaceCounter::Unlocked => 0,
            RaceCounter::Atomic => 1,
            RaceCounter::Locked => 2,
        }
    }
}
