//! The CPU-bound kernel: recursive Fibonacci, as in the reference Python
//! experiment (`fib(n) = n if n < 2 else fib(n - 2) + fib(n - 1)`).
//!
//! It is deliberately exponential: the point is to keep a core busy.

/// Recursive Fibonacci, the same call tree as the Python original.
/// Optimised for speed inside a size-optimised build: it is what every
/// model's timing measures.
#[optimize(speed)]
pub fn fib(n: u32) -> u64 {
    if n < 2 {
        u64::from(n)
    } else {
        fib(n - 2) + fib(n - 1)
    }
}

/// Fibonacci by iteration: the reference answer the models are checked against.
pub fn fib_reference(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

/// How many calls `fib(n)` makes: a measure of the work in one task.
pub fn fib_calls(n: u32) -> u64 {
    // calls(n) = 1 + calls(n-1) + calls(n-2) = 2 * fib(n+1) - 1
    2 * fib_reference(n + 1) - 1
}

/// Calls in one task from which a fib task is its own unit of work-stealing:
/// about 10 µs of work (fib(14) makes 1,219 calls at ~1 ns each).
const ONE_TASK_PER_STEAL_CALLS: u64 = 1_000;

/// The longest run of tasks a pool thread takes at once (rayon's
/// `with_max_len`) for `fib(n)` tasks. Rayon's default splits the task range
/// into about one piece per thread; a thread then runs its piece to the end,
/// and when tasks differ in length (a slower core, a busy sibling) the others
/// sit idle at the end. One task per steal lets an idle thread take the next
/// task; for tiny tasks (`n` < 14) the extra steals would cost more than the
/// tasks, so rayon chunks them as it likes (`None`). Used by the `threads`
/// model and by the benchmark's native rayon baseline alike.
pub fn max_tasks_per_steal(n: u32) -> Option<usize> {
    (fib_calls(n) >= ONE_TASK_PER_STEAL_CALLS).then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values_match_the_sequence() {
        let expected = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55];
        for (n, want) in expected.iter().enumerate() {
            assert_eq!(fib(n as u32), *want, "fib({n})");
        }
    }

    #[test]
    fn recursive_agrees_with_iterative() {
        for n in 0..=27 {
            assert_eq!(fib(n), fib_reference(n), "fib({n})");
        }
    }

    #[test]
    fn known_large_values() {
        assert_eq!(fib_reference(25), 75_025);
        assert_eq!(fib_reference(35), 9_227_465);
        assert_eq!(fib_reference(45), 1_134_903_170);
    }

    #[test]
    fn big_tasks_are_stolen_one_by_one_and_tiny_ones_chunked() {
        assert_eq!(max_tasks_per_steal(35), Some(1));
        assert_eq!(max_tasks_per_steal(14), Some(1));
        assert_eq!(max_tasks_per_steal(13), None);
        assert_eq!(max_tasks_per_steal(5), None);
    }

    #[test]
    fn call_count_matches_the_recursion() {
        fn count(n: u32) -> u64 {
            if n < 2 {
                1
            } else {
                1 + count(n - 1) + count(n - 2)
            }
        }
        for n in 0..=20 {
            assert_eq!(fib_calls(n), count(n), "calls({n})");
        }
    }
}
