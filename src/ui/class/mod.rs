//! The classroom kit's page side: the class view (many learners' results
//! side by side), the learner's "Copy result code" / "Copy link to these
//! results", the read-only view a result link opens, and the reference run
//! beside a run. Components with narrow props; the parsing, statistics and
//! codes are `crate::classroom`'s (pure), never done here.

mod chart;
mod intake;
mod page;
mod reference;
mod share;
mod shared_view;
mod table;
mod view;

pub use page::{route, ClassroomPage, PageProps};
pub use reference::OwnReference;
pub use share::ResultShare;
pub use shared_view::SharedResultsView;
pub use view::ClassView;
