//! [`TimeoutConfig`]: connect, per-attempt and whole-operation timeouts.

use std::time::Duration;

/// The connect timeout used unless configured otherwise (as in the AWS SDKs).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_millis(3100);

/// Timeouts for requests. Fields can be read directly; setters are builder-style and accept
/// either a `Duration` or `None` (no timeout).
///
/// ```
/// use sdk_runtime::TimeoutConfig;
/// use std::time::Duration;
/// let t = TimeoutConfig::default()
///     .attempt_timeout(Duration::from_secs(5))
///     .operation_timeout(Duration::from_secs(30));
/// assert_eq!(t.attempt_timeout, Some(Duration::from_secs(5)));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeoutConfig {
    /// How long establishing a connection may take (applied by the default HTTP client only).
    pub connect_timeout: Option<Duration>,
    /// How long one attempt (send and read the whole response) may take.
    pub attempt_timeout: Option<Duration>,
    /// How long the whole operation, retries and backoff included, may take.
    pub operation_timeout: Option<Duration>,
}

impl TimeoutConfig {
    /// No timeouts at all, not even a connect timeout.
    pub fn disabled() -> Self {
        Self {
            connect_timeout: None,
            attempt_timeout: None,
            operation_timeout: None,
        }
    }

    /// Sets the connect timeout.
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self
    }

    /// Sets the per-attempt timeout.
    pub fn attempt_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.attempt_timeout = timeout.into();
        self
    }

    /// Sets the whole-operation timeout.
    pub fn operation_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.operation_timeout = timeout.into();
        self
    }
}

/// A 3.1 second connect timeout; no attempt or operation timeout.
impl Default for TimeoutConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            attempt_timeout: None,
            operation_timeout: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_accept_durations_and_none() {
        let t = TimeoutConfig::default()
            .connect_timeout(None)
            .attempt_timeout(Duration::from_secs(1))
            .operation_timeout(Duration::from_secs(2));
        assert_eq!(t.connect_timeout, None);
        assert_eq!(t.attempt_timeout, Some(Duration::from_secs(1)));
        assert_eq!(t.operation_timeout, Some(Duration::from_secs(2)));
        assert_eq!(
            TimeoutConfig::default().connect_timeout,
            Some(DEFAULT_CONNECT_TIMEOUT)
        );
        assert_eq!(TimeoutConfig::disabled().connect_timeout, None);
    }
}
