//! A per-client credentials cache: providers (such as `aws-config`'s default chain, which
//! may call STS, SSO or IMDS) are asked again only when the cached credentials are within
//! five minutes of expiring, or after fifteen minutes for credentials without an expiry.

use crate::error::ConstructionError;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

/// Refresh this long before the credentials expire.
const EXPIRY_BUFFER: Duration = Duration::from_secs(5 * 60);
/// Keep credentials without an expiry this long.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub(crate) struct CredentialsCache {
    cached: Mutex<Option<(Credentials, SystemTime)>>,
}

impl CredentialsCache {
    fn lock(&self) -> MutexGuard<'_, Option<(Credentials, SystemTime)>> {
        self.cached.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Cached credentials that are still fresh, or new ones from `provider`. The lock is not
    /// held while the provider runs.
    pub(crate) async fn get(
        &self,
        provider: &SharedCredentialsProvider,
        now: SystemTime,
    ) -> Result<Credentials, ConstructionError> {
        if let Some((credentials, refresh_at)) = self.lock().as_ref() {
            if now < *refresh_at {
                return Ok(credentials.clone());
            }
        }
        let credentials = provider
            .provide_credentials()
            .await
            .map_err(ConstructionError::credentials)?;
        let refresh_at = match credentials.expiry() {
            Some(expiry) => expiry.checked_sub(EXPIRY_BUFFER).unwrap_or(expiry),
            None => now.checked_add(DEFAULT_LIFETIME).unwrap_or(now),
        };
        *self.lock() = Some((credentials.clone(), refresh_at));
        Ok(credentials)
    }
}

impl std::fmt::Debug for CredentialsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CredentialsCache")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_credential_types::provider::future;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    #[derive(Debug)]
    struct Counting {
        calls: Arc<AtomicU32>,
        lifetime: Option<Duration>,
        base: SystemTime,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            let n = self.calls.fetch_add(1, Ordering::SeqCst);
            let expiry = self.lifetime.map(|l| self.base + l);
            future::ProvideCredentials::ready(Ok(Credentials::new(
                format!("AKID{n}"),
                "secret",
                None,
                expiry,
                "counting",
            )))
        }
    }

    fn provider(
        lifetime: Option<Duration>,
        base: SystemTime,
    ) -> (SharedCredentialsProvider, Arc<AtomicU32>) {
        let calls = Arc::new(AtomicU32::new(0));
        let p = SharedCredentialsProvider::new(Counting {
            calls: calls.clone(),
            lifetime,
            base,
        });
        (p, calls)
    }

    #[tokio::test]
    async fn reuses_until_close_to_expiry() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let (p, calls) = provider(Some(Duration::from_secs(3600)), t0);
        let cache = CredentialsCache::default();
        assert_eq!(cache.get(&p, t0).await.unwrap().access_key_id(), "AKID0");
        assert_eq!(
            cache
                .get(&p, t0 + Duration::from_secs(3000))
                .await
                .unwrap()
                .access_key_id(),
            "AKID0"
        );
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // Within the five-minute buffer: refreshed.
        let late = t0 + Duration::from_secs(3400);
        assert_eq!(cache.get(&p, late).await.unwrap().access_key_id(), "AKID1");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn credentials_without_expiry_live_fifteen_minutes() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let (p, calls) = provider(None, t0);
        let cache = CredentialsCache::default();
        cache.get(&p, t0).await.unwrap();
        cache
            .get(&p, t0 + Duration::from_secs(14 * 60))
            .await
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        cache
            .get(&p, t0 + Duration::from_secs(16 * 60))
            .await
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(format!("{cache:?}"), "CredentialsCache");
    }
}
