//! [`TimeoutError`]: an attempt or the whole operation took longer than configured.

use std::fmt;
use std::time::Duration;

/// Which timeout fired.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutKind {
    /// The last attempt exceeded the attempt timeout.
    Attempt,
    /// The whole operation, retries included, exceeded the operation timeout.
    Operation,
}

/// A request took longer than the configured timeout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeoutError {
    kind: TimeoutKind,
    after: Duration,
}

impl TimeoutError {
    /// An attempt timed out after `after`.
    pub fn attempt(after: Duration) -> Self {
        Self {
            kind: TimeoutKind::Attempt,
            after,
        }
    }

    /// The operation timed out after `after`.
    pub fn operation(after: Duration) -> Self {
        Self {
            kind: TimeoutKind::Operation,
            after,
        }
    }

    /// Which timeout fired.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }

    /// The configured duration that was exceeded.
    pub fn after(&self) -> Duration {
        self.after
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TimeoutKind::Attempt => "request attempt",
            TimeoutKind::Operation => "operation",
        };
        write!(f, "{what} timed out after {:?}", self.after)
    }
}

impl std::error::Error for TimeoutError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_timeout() {
        assert_eq!(
            TimeoutError::attempt(Duration::from_secs(2)).to_string(),
            "request attempt timed out after 2s"
        );
        let op = TimeoutError::operation(Duration::from_millis(1500));
        assert_eq!(op.to_string(), "operation timed out after 1.5s");
        assert_eq!(op.kind(), TimeoutKind::Operation);
        assert_eq!(op.after(), Duration::from_millis(1500));
    }
}
