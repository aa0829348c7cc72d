//! The client-wide retry quota of standard mode: retries spend tokens (5, or 10 after a
//! timeout or I/O failure), successes return them, and when the bucket is empty failures are
//! returned instead of retried, so an outage does not multiply traffic.

use super::classify::RetryReason;
use std::sync::atomic::{AtomicU32, Ordering};

/// Tokens in a full bucket.
pub(crate) const INITIAL_TOKENS: u32 = 500;
const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
const SUCCESS_REFUND: u32 = 1;

/// A token bucket shared by every operation of one client.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    tokens: AtomicU32,
}

impl RetryQuota {
    pub(crate) fn new() -> Self {
        Self {
            tokens: AtomicU32::new(INITIAL_TOKENS),
        }
    }

    /// Takes the tokens for one retry; `None` when the bucket cannot pay for it.
    pub(crate) fn acquire(&self, reason: RetryReason) -> Option<u32> {
        let cost = match reason {
            RetryReason::TransportOrTimeout => TIMEOUT_RETRY_COST,
            RetryReason::Throttling | RetryReason::Transient => RETRY_COST,
        };
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .ok()
            .map(|_| cost)
    }

    /// Returns tokens after an operation succeeded: what its last retry cost, or 1 when it
    /// needed no retry.
    pub(crate) fn release(&self, last_retry_cost: Option<u32>) {
        let refund = last_retry_cost.unwrap_or(SUCCESS_REFUND);
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(refund).min(INITIAL_TOKENS))
            });
    }

    #[cfg(test)]
    pub(crate) fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spends_and_refunds() {
        let quota = RetryQuota::new();
        assert_eq!(quota.acquire(RetryReason::Transient), Some(5));
        assert_eq!(quota.acquire(RetryReason::TransportOrTimeout), Some(10));
        assert_eq!(quota.available(), 485);
        quota.release(Some(10));
        assert_eq!(quota.available(), 495);
        quota.release(None);
        assert_eq!(quota.available(), 496);
        for _ in 0..10 {
            quota.release(Some(5));
        }
        assert_eq!(quota.available(), INITIAL_TOKENS);
    }

    #[test]
    fn refuses_when_empty() {
        let quota = RetryQuota::new();
        let mut granted = 0;
        while quota.acquire(RetryReason::Throttling).is_some() {
            granted += 1;
        }
        assert_eq!(granted, 100);
        assert_eq!(quota.acquire(RetryReason::Throttling), None);
    }
}
