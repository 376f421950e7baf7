//! The thread sweep: speedup and efficiency of a model on 1, 2, ... k
//! threads, beside the ideal line, and Amdahl's law fitted to the points.
//!
//! Amdahl: with a serial fraction `f`, `p` threads give a speedup of
//! `S(p) = 1 / (f + (1 - f) / p)`. Rearranged, `1/S - 1/p = f (1 - 1/p)`:
//! a line through the origin in `z = 1 - 1/p`, so `f` is a one-parameter
//! least-squares fit.

/// One measured point of the sweep.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SweepPoint {
    pub threads: u32,
    pub wall_ms: f64,
    /// Wall time on 1 thread divided by this one.
    pub speedup: f64,
    /// Speedup per thread (1.0 is perfect).
    pub efficiency: f64,
}

/// Points from `(threads, wall_ms)` measurements; the 1-thread measurement
/// is the baseline (`None` without one, or with a non-positive time).
pub fn sweep_points(measured: &[(u32, f64)]) -> Option<Vec<SweepPoint>> {
    let base = measured.iter().find(|(p, _)| *p == 1).map(|(_, w)| *w)?;
    if base <= 0.0 || measured.iter().any(|(p, w)| *p == 0 || *w <= 0.0) {
        return None;
    }
    let mut points: Vec<SweepPoint> = measured
        .iter()
        .map(|&(threads, wall_ms)| {
            let speedup = base / wall_ms;
            SweepPoint {
                threads,
                wall_ms,
                speedup,
                efficiency: speedup / f64::from(threads),
            }
        })
        .collect();
    points.sort_by_key(|p| p.threads);
    Some(points)
}

/// The serial fraction that best explains the points, in `0..=1`; `None`
/// with fewer than one point above 1 thread.
pub fn amdahl_serial_fraction(points: &[SweepPoint]) -> Option<f64> {
    let (mut zz, mut zy) = (0.0, 0.0);
    for p in points.iter().filter(|p| p.threads > 1 && p.speedup > 0.0) {
        let inv_p = 1.0 / f64::from(p.threads);
        let z = 1.0 - inv_p;
        let y = 1.0 / p.speedup - inv_p;
        zz += z * z;
        zy += z * y;
    }
    (zz > 0.0).then(|| (zy / zz).clamp(0.0, 1.0))
}

/// Amdahl's speedup on `threads` threads for serial fraction `f`.
pub fn amdahl_speedup(f: f64, threads: u32) -> f64 {
    1.0 / (f + (1.0 - f) / f64::from(threads.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_carry_speedup_and_efficiency() {
        let points = sweep_points(&[(2, 50.0), (1, 100.0), (4, 40.0)]).expect("baseline");
        assert_eq!(points[0].threads, 1);
        assert_eq!(points[1].speedup, 2.0);
        assert_eq!(points[1].efficiency, 1.0);
        assert_eq!(points[2].speedup, 2.5);
        assert_eq!(points[2].efficiency, 0.625);
        assert!(sweep_points(&[(2, 50.0)]).is_none(), "no 1-thread baseline");
        assert!(sweep_points(&[(1, 0.0)]).is_none());
    }

    #[test]
    fn amdahl_fit_recovers_a_known_serial_fraction() {
        for f in [0.0, 0.1, 0.25, 0.5, 1.0] {
            let measured: Vec<(u32, f64)> =
                (1..=8).map(|p| (p, 100.0 / amdahl_speedup(f, p))).collect();
            let points = sweep_points(&measured).expect("baseline");
            let fit = amdahl_serial_fraction(&points).expect("enough points");
            assert!((fit - f).abs() < 1e-9, "f = {f}, fit = {fit}");
        }
    }

    #[test]
    fn amdahl_fit_needs_more_than_one_thread_and_stays_in_range() {
        let single = sweep_points(&[(1, 10.0)]).expect("baseline");
        assert_eq!(amdahl_serial_fraction(&single), None);
        // Slower with more threads (oversubscription): clamped to fully serial.
        let worse = sweep_points(&[(1, 10.0), (2, 30.0)]).expect("baseline");
        assert_eq!(amdahl_serial_fraction(&worse), Some(1.0));
    }
}
