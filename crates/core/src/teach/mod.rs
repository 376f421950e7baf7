//! Teaching: the lessons (claims of the material, as data, with the settings
//! that demonstrate them) and plain-text explanations of measured results.
//!
//! Pure: no web APIs. It reads settings and results and writes text; the UI
//! decides where and how to show it, always as text, never as markup.

mod convoy_facts;
mod explain;
mod explain_convoy;
mod explain_ctx;
mod explain_loop;
mod explain_models;
mod explain_race;
mod explain_reference;
mod lessons;
mod progress;
mod python_now;

pub use convoy_facts::{convoy_facts, sweep_rows, Fact};
pub use explain::explain;
pub use explain_loop::async_in_flight;
pub use lessons::{lesson, lesson_ids, lessons, Lesson};
pub use progress::{measured_ranking, LessonProgress, Prediction, Progress};
pub use python_now::CONNECTION_LIMIT;
