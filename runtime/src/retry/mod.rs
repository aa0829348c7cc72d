//! Retries in the AWS "standard" mode: [`RetryConfig`], which responses and failures are
//! retried ([`classify`]), exponential backoff with full jitter, and the client-wide retry
//! quota.

pub(crate) mod backoff;
pub mod classify;
pub(crate) mod quota;

use std::time::Duration;

/// How many attempts an operation may make and how long to wait between them. Fields can be
/// read directly; setters are builder-style.
///
/// The wait before retry `n` (1-based) is `random(0, 1) * min(initial_backoff * 2^(n-1),
/// max_backoff)` (exponential backoff with full jitter).
///
/// ```
/// use sdk_runtime::RetryConfig;
/// use std::time::Duration;
/// let r = RetryConfig::standard().max_attempts(5).max_backoff(Duration::from_secs(5));
/// assert_eq!(r.max_attempts, 5);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryConfig {
    /// Total attempts, the first one included (at least 1).
    pub max_attempts: u32,
    /// The backoff ceiling before the first retry.
    pub initial_backoff: Duration,
    /// The largest backoff ceiling.
    pub max_backoff: Duration,
}

impl RetryConfig {
    /// Standard mode: 3 attempts, 1 second initial backoff, at most 20 seconds.
    pub fn standard() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }

    /// One attempt, no retries.
    pub fn disabled() -> Self {
        Self::standard().max_attempts(1)
    }

    /// Sets the total number of attempts; 0 is treated as 1.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets the backoff ceiling before the first retry.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Sets the largest backoff ceiling.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }
}

/// [`RetryConfig::standard`].
impl Default for RetryConfig {
    fn default() -> Self {
        Self::standard()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_and_disabled() {
        let s = RetryConfig::standard();
        assert_eq!(s.max_attempts, 3);
        assert_eq!(s.initial_backoff, Duration::from_secs(1));
        assert_eq!(s.max_backoff, Duration::from_secs(20));
        assert_eq!(RetryConfig::default(), s);
        assert_eq!(RetryConfig::disabled().max_attempts, 1);
        assert_eq!(RetryConfig::standard().max_attempts(0).max_attempts, 1);
    }
}
