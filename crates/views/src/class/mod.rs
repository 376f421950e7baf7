//! The classroom kit's pages: the class view (many learners' results side
//! by side) and the read-only view a result link opens. Linked only into
//! the classroom module (`src/bin/class.rs`), which the page's module loads
//! when the address asks for one of these pages (`playground_web::route`, `playground_page::lazy`):
//! the playground must use nothing here (what both use, the reference run
//! beside a run and the learner's share buttons, is `crate::reference` and
//! `crate::result_share`). Components with narrow props; the parsing,
//! statistics and codes are `playground_core::classroom`'s (pure), never done here.

mod chart;
mod intake;
mod page;
mod shared_view;
mod table;
mod view;

pub use page::{ClassroomPage, PageProps};
use shared_view::SharedResultsView;
use view::ClassView;
