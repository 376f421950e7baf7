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
