//! The replay clock: which moment of a finished run the combined timeline
//! shows while the run is replayed at a chosen speed. Pure: the caller
//! passes the wall clock (`performance.now()` in ms), so every transition is
//! tested natively; the component only schedules frames and draws
//! [`CombinedTimeline::at`](super::CombinedTimeline::at) of the moment.

/// How fast a replay runs against the wall clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speed {
    /// Real time: a 100 ms run replays in 100 ms.
    Real,
    /// Ten times slower (the default: most runs last well under a second).
    #[default]
    Tenth,
    /// A hundred times slower: a 100 ms run replays in 10 s.
    Hundredth,
}

impl Speed {
    /// Every speed, fastest first (the order of the picker).
    pub const ALL: [Speed; 3] = [Speed::Real, Speed::Tenth, Speed::Hundredth];

    /// Run time per unit of wall time.
    pub fn factor(self) -> f64 {
        match self {
            Speed::Real => 1.0,
            Speed::Tenth => 0.1,
            Speed::Hundredth => 0.01,
        }
    }

    /// What the picker shows.
    pub fn label(self) -> &'static str {
        match self {
            Speed::Real => "1x",
            Speed::Tenth => "1/10x",
            Speed::Hundredth => "1/100x",
        }
    }

    /// The picker's value for the speed (also what [`Speed::parse`] reads).
    pub fn key(self) -> &'static str {
        match self {
            Speed::Real => "1",
            Speed::Tenth => "0.1",
            Speed::Hundredth => "0.01",
        }
    }

    /// The speed with this [`Speed::key`], if any.
    pub fn parse(key: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Where a replay stands.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Replay {
    /// The whole run is shown: before any replay, after one ends, and
    /// always when the user asked for reduced motion.
    #[default]
    End,
    /// Playing: at wall time `since` the replay showed `from_ms`.
    Playing {
        from_ms: f64,
        since: f64,
        speed: Speed,
    },
    /// Held at `at_ms` (paused or scrubbed).
    Paused { at_ms: f64 },
}

impl Replay {
    /// Starts (or resumes) a replay of a run lasting `duration_ms` at wall
    /// time `now`. A paused replay resumes where it was; otherwise it starts
    /// at 0. With `reduced_motion` (or nothing to replay) it shows the end
    /// state at once.
    pub fn play(self, now: f64, duration_ms: f64, speed: Speed, reduced_motion: bool) -> Replay {
        if reduced_motion || !duration_ms.is_finite() || duration_ms <= 0.0 {
            return Replay::End;
        }
        let from_ms = match self {
            Replay::Paused { at_ms } if at_ms < duration_ms => at_ms.max(0.0),
            _ => 0.0,
        };
        Replay::Playing {
            from_ms,
            since: now,
            speed,
        }
    }

    /// Holds a playing replay where it is at `now`.
    pub fn pause(self, now: f64, duration_ms: f64) -> Replay {
        match self.shown_ms(now, duration_ms) {
            Some(at_ms) if self.is_playing() => Replay::Paused { at_ms },
            _ if self.is_playing() => Replay::End,
            _ => self,
        }
    }

    /// Jumps to `t_ms` (scrubbing): held there, or the end state at or past
    /// the end.
    pub fn seek(t_ms: f64, duration_ms: f64) -> Replay {
        if t_ms.is_nan() || t_ms >= duration_ms {
            Replay::End
        } else {
            Replay::Paused {
                at_ms: t_ms.max(0.0),
            }
        }
    }

    /// A new speed; a playing replay goes on from the moment it shows now.
    pub fn with_speed(self, now: f64, duration_ms: f64, speed: Speed) -> Replay {
        match self {
            Replay::Playing { .. } => match self.shown_ms(now, duration_ms) {
                Some(from_ms) => Replay::Playing {
                    from_ms,
                    since: now,
                    speed,
                },
                None => Replay::End,
            },
            other => other,
        }
    }

    /// The moment of the run shown at wall time `now`, or `None` for the
    /// whole run.
    pub fn shown_ms(self, now: f64, duration_ms: f64) -> Option<f64> {
        match self {
            Replay::End => None,
            Replay::Paused { at_ms } => Some(at_ms),
            Replay::Playing {
                from_ms,
                since,
                speed,
            } => {
                let t = from_ms + (now - since).max(0.0) * speed.factor();
                (t < duration_ms).then_some(t)
            }
        }
    }

    /// The state after a frame at `now`: a replay that reached the end
    /// becomes [`Replay::End`].
    pub fn tick(self, now: f64, duration_ms: f64) -> Replay {
        match self {
            Replay::Playing { .. } if self.shown_ms(now, duration_ms).is_none() => Replay::End,
            other => other,
        }
    }

    /// Whether frames should be scheduled.
    pub fn is_playing(self) -> bool {
        matches!(self, Replay::Playing { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replay_runs_at_its_speed_and_ends_in_the_end_state() {
        let r = Replay::End.play(1_000.0, 50.0, Speed::Tenth, false);
        assert!(r.is_playing());
        assert_eq!(r.shown_ms(1_000.0, 50.0), Some(0.0));
        assert_eq!(
            r.shown_ms(1_100.0, 50.0),
            Some(10.0),
            "100 ms of wall at 1/10x"
        );
        assert_eq!(r.tick(1_100.0, 50.0), r);
        assert_eq!(r.shown_ms(1_500.0, 50.0), None, "50 ms reached");
        assert_eq!(r.tick(1_500.0, 50.0), Replay::End);
        let fast = Replay::End.play(0.0, 50.0, Speed::Real, false);
        assert_eq!(fast.shown_ms(20.0, 50.0), Some(20.0));
        let slow = Replay::End.play(0.0, 50.0, Speed::Hundredth, false);
        assert_eq!(slow.shown_ms(1_000.0, 50.0), Some(10.0));
    }

    #[test]
    fn reduced_motion_or_nothing_to_replay_shows_the_end_at_once() {
        assert_eq!(Replay::End.play(0.0, 50.0, Speed::Tenth, true), Replay::End);
        assert_eq!(Replay::End.play(0.0, 0.0, Speed::Tenth, false), Replay::End);
        assert_eq!(
            Replay::End.play(0.0, f64::NAN, Speed::Tenth, false),
            Replay::End
        );
        let paused = Replay::Paused { at_ms: 10.0 };
        assert_eq!(paused.play(0.0, 50.0, Speed::Tenth, true), Replay::End);
    }

    #[test]
    fn pause_holds_the_moment_and_play_resumes_from_it() {
        let r = Replay::End.play(0.0, 50.0, Speed::Real, false);
        let p = r.pause(30.0, 50.0);
        assert_eq!(p, Replay::Paused { at_ms: 30.0 });
        assert_eq!(p.shown_ms(99_999.0, 50.0), Some(30.0), "held");
        assert_eq!(
            p.pause(40.0, 50.0),
            p,
            "pausing a held replay changes nothing"
        );
        let resumed = p.play(100.0, 50.0, Speed::Real, false);
        assert_eq!(resumed.shown_ms(110.0, 50.0), Some(40.0));
        assert_eq!(r.pause(60.0, 50.0), Replay::End, "paused past the end");
        // From the end state, play starts over.
        assert_eq!(
            Replay::End
                .play(5.0, 50.0, Speed::Real, false)
                .shown_ms(5.0, 50.0),
            Some(0.0)
        );
    }

    #[test]
    fn seeking_and_changing_speed() {
        assert_eq!(Replay::seek(12.0, 50.0), Replay::Paused { at_ms: 12.0 });
        assert_eq!(Replay::seek(-3.0, 50.0), Replay::Paused { at_ms: 0.0 });
        assert_eq!(Replay::seek(50.0, 50.0), Replay::End);
        let r = Replay::End.play(0.0, 50.0, Speed::Real, false);
        let slower = r.with_speed(20.0, 50.0, Speed::Tenth);
        assert_eq!(slower.shown_ms(20.0, 50.0), Some(20.0), "no jump");
        assert_eq!(slower.shown_ms(120.0, 50.0), Some(30.0));
        assert_eq!(Replay::End.with_speed(0.0, 50.0, Speed::Real), Replay::End);
    }

    #[test]
    fn speeds_parse_from_their_keys() {
        for s in Speed::ALL {
            assert_eq!(Speed::parse(s.key()), Some(s));
        }
        assert_eq!(Speed::parse("2"), None);
        assert_eq!(Speed::default(), Speed::Tenth);
        assert_eq!(Speed::Hundredth.label(), "1/100x");
    }
}
