//! Exponential backoff with full jitter: `random(0, 1) * min(initial * 2^(n-1), max)`.

use super::RetryConfig;
use std::time::Duration;

/// The wait before retry number `retry` (1 = the first retry), given a jitter factor in
/// `[0, 1)`. Never panics, whatever the configuration.
pub(crate) fn delay(config: &RetryConfig, retry: u32, jitter: f64) -> Duration {
    let exponent = retry.saturating_sub(1).min(31);
    let ceiling = config
        .initial_backoff
        .checked_mul(1u32 << exponent)
        .unwrap_or(config.max_backoff)
        .min(config.max_backoff);
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        1.0
    };
    Duration::try_from_secs_f64(ceiling.as_secs_f64() * jitter)
        .unwrap_or(ceiling)
        .min(ceiling)
}

/// [`delay`] with a random jitter factor.
pub(crate) fn random_delay(config: &RetryConfig, retry: u32) -> Duration {
    delay(config, retry, fastrand::f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_exponentially_up_to_the_cap() {
        let config = RetryConfig::standard();
        assert_eq!(delay(&config, 1, 1.0), Duration::from_secs(1));
        assert_eq!(delay(&config, 2, 1.0), Duration::from_secs(2));
        assert_eq!(delay(&config, 3, 1.0), Duration::from_secs(4));
        assert_eq!(delay(&config, 5, 1.0), Duration::from_secs(16));
        assert_eq!(delay(&config, 6, 1.0), Duration::from_secs(20));
        assert_eq!(delay(&config, 200, 1.0), Duration::from_secs(20));
    }

    #[test]
    fn jitter_scales_the_ceiling() {
        let config = RetryConfig::standard();
        assert_eq!(delay(&config, 2, 0.0), Duration::ZERO);
        assert_eq!(delay(&config, 2, 0.5), Duration::from_secs(1));
        assert_eq!(delay(&config, 1, f64::NAN), Duration::from_secs(1));
        for _ in 0..100 {
            assert!(random_delay(&config, 3) < Duration::from_secs(4));
        }
    }

    #[test]
    fn extreme_configuration_does_not_panic() {
        let config = RetryConfig::standard()
            .initial_backoff(Duration::MAX)
            .max_backoff(Duration::MAX);
        let _ = delay(&config, 40, 0.999_999);
        let _ = random_delay(&config, u32::MAX);
    }
}
