//! The classroom kit's pure core: result codes (a results JSON as a short
//! text for a chat message), a tolerant reader of many learners' results
//! files, one row per run, grouping by experiment, class medians, flags,
//! speedup against cores, CSV, and the shipped 16-core reference runs.
//!
//! No browser API: the class view (in `playground_views::class`) reads files and the clipboard
//! and hands the text here. It reads results through its own read-side
//! structs (`read`), never the app's `report` types, so files from other
//! app versions load as long as they are `results@1`.

mod browser;
mod class;
mod code;
#[cfg(test)]
mod fixtures;
mod paste;
mod query;
mod read;
mod reading;
mod reference;
mod runs;
mod stats;
mod table;

pub use browser::{parse_user_agent, Browser};
pub use class::{Class, ClassError};
pub use code::{
    decode, encode, from_fragment, link_fragment, summarize, CodeError, Detail, CODE_PREFIX,
    CODE_VERSION, LINK_KEY,
};
pub use paste::{code_excerpt, split_codes};
pub use query::experiment_query;
pub use read::{
    check_size, read_code, read_value, ClassDoc, DocEnvironment, DocRun, DocTask, FileError,
    ReadError, MAX_DOCS_PER_FILE, MAX_FILES, MAX_FILE_BYTES, MAX_RUNS, SCHEMA,
};
pub use reading::{read_text, FileReading};
pub use reference::{
    match_reference, read_reference, ReferenceMatch, REFERENCE_LABEL, REFERENCE_PATH,
};
pub use runs::{ClassRow, ExperimentKey, Flag, Isolation, ModelCell, SPREAD_LIMIT};
pub use stats::{
    group_runs, ideal_line, models_of, speedup_series, ExperimentGroup, ModelMedian, SpeedupPoint,
    SpeedupSeries,
};
pub use table::{class_csv, FIXED_COLUMNS};

#[cfg(test)]
mod tests;
