//! Lane names: where a task ran, as written in `TaskRecord::lane` and the
//! results JSON (`page`, `engine`, `thread-<k>`, `process-<k>`).

/// Where a task ran. [`Lane::name`] is its public spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// The page's own thread.
    Page,
    /// The engine worker's own thread.
    Engine,
    /// Pool thread `k` (from 1).
    Thread(usize),
    /// Process worker `k` (from 1).
    Process(usize),
    /// A process worker that does not know its number: the page renames
    /// the lane to `process-<k>` on arrival.
    AnyProcess,
}

impl Lane {
    /// The public lane name.
    pub fn name(self) -> String {
        match self {
            Lane::Page => "page".to_owned(),
            Lane::Engine => "engine".to_owned(),
            Lane::Thread(k) => format!("thread-{k}"),
            Lane::Process(k) => format!("process-{k}"),
            Lane::AnyProcess => "process".to_owned(),
        }
    }

    /// Pool thread with rayon index `index` (from 0): `thread-<index + 1>`.
    pub fn pool_thread(index: usize) -> Lane {
        Lane::Thread(index + 1)
    }
}

/// The order lanes are listed in, by name: the text before a trailing
/// number, then the number (`thread-2` before `thread-10`).
pub fn lane_key(name: &str) -> (String, u64) {
    let digits = name.chars().rev().take_while(char::is_ascii_digit).count();
    let (head, tail) = name.split_at(name.len() - digits);
    (head.to_owned(), tail.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_contract() {
        assert_eq!(Lane::Page.name(), "page");
        assert_eq!(Lane::Engine.name(), "engine");
        assert_eq!(Lane::pool_thread(0).name(), "thread-1");
        assert_eq!(Lane::Process(3).name(), "process-3");
    }
}
