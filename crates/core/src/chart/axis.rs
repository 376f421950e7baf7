//! A time axis from 0 to its end, in ms: fractions for drawing, clipping
//! and round ticks. Pure; shared by the charts that put several models on
//! one scale.

/// The shared time axis: 0 to `end_ms`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub end_ms: f64,
}

impl Axis {
    /// `ms` as a fraction of the axis (not clamped).
    pub fn fraction(&self, ms: f64) -> f64 {
        ms / self.end_ms
    }

    /// The part of `[start, end]` on the axis, as fractions in 0..=1, or
    /// `None` when it lies wholly outside.
    pub fn span(&self, start_ms: f64, end_ms: f64) -> Option<(f64, f64)> {
        if end_ms < 0.0 || start_ms > self.end_ms || end_ms < start_ms {
            return None;
        }
        Some((
            self.fraction(start_ms).max(0.0),
            self.fraction(end_ms).min(1.0),
        ))
    }

    /// Round tick values (1, 2 or 5 times a power of ten) from 0 to the end,
    /// about `target` of them.
    pub fn ticks(&self, target: usize) -> Vec<f64> {
        if !(self.end_ms.is_finite() && self.end_ms > 0.0) {
            return vec![0.0];
        }
        let target = target.max(1) as f64;
        let raw = self.end_ms / target;
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * magnitude);
        let count = (self.end_ms / step).floor() as usize;
        (0..=count).map(|i| i as f64 * step).collect()
    }
}
