//! The error a paginator yields when the service breaks the paging protocol (the same token
//! returned twice), instead of looping forever.

use std::fmt;

/// The service returned a `nextToken` it had already returned: following it would request
/// pages already seen, possibly forever, so the paginator stops here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaginationError {
    token: String,
    pages: usize,
}

impl PaginationError {
    /// A repeated token, seen after `pages` pages.
    pub fn repeated_token(token: impl Into<String>, pages: usize) -> Self {
        Self {
            token: token.into(),
            pages,
        }
    }

    /// The token the service repeated.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// How many pages had been received when the repetition was noticed.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

impl fmt::Display for PaginationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.token.chars().take(64).collect();
        let more = if shown.len() < self.token.len() {
            "..."
        } else {
            ""
        };
        write!(
            f,
            "pagination stopped: the service returned the token `{shown}{more}` a second time \
             (after {} pages); following it again could loop forever",
            self.pages
        )
    }
}

impl std::error::Error for PaginationError {}
