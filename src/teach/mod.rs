//! Teaching: the lessons (claims of the material, as data, with the settings
//! that demonstrate them) and plain-text explanations of measured results.
//!
//! Pure: no web APIs. It reads settings and results and writes text; the UI
//! decides where and how to show it, always as text, never as markup.

mod explain;
mod explain_ctx;
mod explain_models;
mod explain_race;
mod explain_reference;
mod lessons;
mod progress;

pub use explain::explain;
pub use lessons::{lesson, lesson_ids, lessons, Lesson};
pub use progress::{measured_ranking, LessonProgress, Prediction, Progress};
