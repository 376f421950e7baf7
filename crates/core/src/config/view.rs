//! Which page the app shows apart from the playground (`view=`), and its
//! URL spelling. Pure.

/// A page other than the playground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// `view=class`: many learners' results side by side.
    Class,
}

impl View {
    /// Every view, in the order the error message lists them.
    pub const ALL: [View; 1] = [View::Class];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Class => "class",
        }
    }

    /// The view named by a URL value.
    pub fn parse(text: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == text)
    }
}
