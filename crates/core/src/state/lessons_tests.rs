//! Lesson progress in the reducer: predictions and finished runs of the
//! open lesson are recorded; reset forgets them.

use super::*;
use crate::report::{Environment, ModelResult};
use crate::teach::Prediction;
use crate::vocab::Workload;

fn ready(query: &str) -> AppState {
    AppState::from_query(query, 2)
        .reduce(Action::ServerReady)
        .reduce(Action::Run(RunEvent::PoolFailed {
            reason: "no isolation".into(),
        }))
}

fn run(s: AppState, wall_ms: f64) -> AppState {
    let results = Results::new(Environment::default(), &s.settings);
    s.reduce(Action::Run(RunEvent::RunStarted(results)))
        .reduce(Action::Run(RunEvent::ModelFinished(ModelResult::finished(
            ModelId::Sequential,
            Workload::Fib,
            wall_ms,
        ))))
        .reduce(Action::Run(RunEvent::RunFinished))
}

#[test]
fn a_prediction_and_a_finished_run_of_the_open_lesson_are_kept() {
    let s = ready("").reduce(Action::OpenLesson(Some("the-gil".into())));
    let prediction = Prediction {
        ranking: vec![ModelId::Threads, ModelId::Sequential],
        guess_ms: Some(500.0),
    };
    let s = s.reduce(Action::Predicted(prediction.clone()));
    let entry = &s.lessons.lessons["the-gil"];
    assert_eq!(entry.prediction.as_ref(), Some(&prediction));
    assert!(!entry.done);
    let s = run(s, 12.0);
    let entry = &s.lessons.lessons["the-gil"];
    assert!(entry.done);
    assert_eq!(entry.measured, vec![ModelId::Sequential]);
    let s = s.reduce(Action::ResetLessons);
    assert!(s.lessons.lessons.is_empty());
}

#[test]
fn without_an_open_lesson_nothing_is_recorded() {
    let s = ready("").reduce(Action::Predicted(Prediction {
        ranking: vec![ModelId::Async],
        guess_ms: None,
    }));
    let s = run(s, 5.0);
    assert!(s.lessons.lessons.is_empty());
}
