//! Value types the generated code uses for model shapes without a natural Rust type:
//! [`DateTime`] (timestamps), [`Blob`] (binary data) and [`Document`] (untyped JSON).
//! Their `serde` impls are the rest-json body defaults: a timestamp is a number of epoch
//! seconds (fractional when it has sub-second precision), a blob is base64 text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An untyped JSON document (the model's `document` shapes).
pub type Document = serde_json::Value;

/// How a timestamp is written on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// Seconds since the epoch (`1576540098`, `946845296.123`).
    EpochSeconds,
    /// RFC 3339 date-time (`2019-12-16T23:48:18Z`); offsets are accepted when parsing.
    DateTime,
    /// IMF-fixdate, as in HTTP `Date` headers (`Mon, 16 Dec 2019 23:48:18 GMT`).
    HttpDate,
}

/// A point in time with nanosecond precision (the model's `timestamp` shapes). Formatting and
/// parsing of the wire formats is done by `aws-smithy-types`, which `aws-sigv4` already
/// brings into the dependency tree.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    secs: i64,
    nanos: u32,
}

/// Why a timestamp could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeParseError(String);

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid timestamp: {}", self.0)
    }
}

impl std::error::Error for DateTimeParseError {}

impl DateTime {
    /// Whole seconds since the epoch.
    pub fn from_secs(secs: i64) -> Self {
        Self { secs, nanos: 0 }
    }

    /// Seconds and sub-second nanoseconds since the epoch (`nanos` is capped below one second).
    pub fn from_secs_and_nanos(secs: i64, nanos: u32) -> Self {
        Self {
            secs,
            nanos: nanos.min(999_999_999),
        }
    }

    /// Fractional seconds since the epoch, rounded to the microsecond (an `f64` of current
    /// epoch seconds holds no more), so `946845296.123` is exactly `.123`. Non-finite input
    /// gives the epoch.
    pub fn from_secs_f64(secs: f64) -> Self {
        if !secs.is_finite() {
            return Self::from_secs(0);
        }
        let whole = secs.floor();
        let mut nanos = ((secs - whole) * 1e6).round() as u32 * 1000;
        let mut whole = whole as i64;
        if nanos >= 1_000_000_000 {
            whole += 1;
            nanos -= 1_000_000_000;
        }
        Self::from_secs_and_nanos(whole, nanos)
    }

    /// Whole seconds since the epoch.
    pub fn secs(&self) -> i64 {
        self.secs
    }

    /// Nanoseconds past the whole second.
    pub fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Seconds since the epoch as a float.
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / 1e9
    }

    fn smithy(&self) -> aws_smithy_types::DateTime {
        aws_smithy_types::DateTime::from_secs_and_nanos(self.secs, self.nanos)
    }

    /// Formats the timestamp. Epoch seconds keep a fraction only when there is one; RFC 3339
    /// and HTTP dates are in UTC.
    pub fn fmt(&self, format: TimestampFormat) -> String {
        use aws_smithy_types::date_time::Format;
        let f = match format {
            TimestampFormat::EpochSeconds => Format::EpochSeconds,
            TimestampFormat::DateTime => Format::DateTime,
            TimestampFormat::HttpDate => Format::HttpDate,
        };
        // Formatting only fails for years outside 0001..=9999; fall back to epoch seconds.
        self.smithy()
            .fmt(f)
            .unwrap_or_else(|_| self.smithy().fmt(Format::EpochSeconds).unwrap_or_default())
    }

    /// Parses a timestamp written in `format` (RFC 3339 accepts offsets and fractions).
    pub fn parse(text: &str, format: TimestampFormat) -> Result<Self, DateTimeParseError> {
        use aws_smithy_types::date_time::Format;
        let f = match format {
            TimestampFormat::EpochSeconds => Format::EpochSeconds,
            TimestampFormat::DateTime => Format::DateTimeWithOffset,
            TimestampFormat::HttpDate => Format::HttpDate,
        };
        let parsed = aws_smithy_types::DateTime::from_str(text.trim(), f)
            .map_err(|e| DateTimeParseError(format!("`{text}`: {e}")))?;
        Ok(Self::from_secs_and_nanos(
            parsed.secs(),
            parsed.subsec_nanos(),
        ))
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&DateTime::fmt(self, TimestampFormat::DateTime))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&DateTime::fmt(self, TimestampFormat::DateTime))
    }
}

impl From<SystemTime> for DateTime {
    fn from(t: SystemTime) -> Self {
        let secs = |d: Duration| i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
        match t.duration_since(UNIX_EPOCH) {
            Ok(d) => Self::from_secs_and_nanos(secs(d), d.subsec_nanos()),
            Err(e) => {
                let d = e.duration();
                let mut whole = -secs(d);
                let mut nanos = d.subsec_nanos();
                if nanos > 0 {
                    whole = whole.saturating_sub(1);
                    nanos = 1_000_000_000 - nanos;
                }
                Self::from_secs_and_nanos(whole, nanos)
            }
        }
    }
}

impl DateTime {
    /// The time as a `SystemTime`, or `None` when the platform cannot represent it (a
    /// timestamp from a server can be any 64-bit number of seconds).
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let whole = Duration::from_secs(self.secs.unsigned_abs());
        let base = if self.secs >= 0 {
            UNIX_EPOCH.checked_add(whole)?
        } else {
            UNIX_EPOCH.checked_sub(whole)?
        };
        base.checked_add(Duration::from_nanos(u64::from(self.nanos)))
    }
}

/// A JSON number of epoch seconds (an integer when there is no fraction).
impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.nanos == 0 {
            serializer.serialize_i64(self.secs)
        } else {
            serializer.serialize_f64(self.as_secs_f64())
        }
    }
}

/// A JSON number of epoch seconds, integer or fractional.
impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Number::deserialize(deserializer)?;
        match (value.as_i64(), value.as_f64()) {
            (Some(secs), _) => Ok(Self::from_secs(secs)),
            (None, Some(secs)) => Ok(Self::from_secs_f64(secs)),
            _ => Err(serde::de::Error::custom("timestamp out of range")),
        }
    }
}

/// Binary data (the model's `blob` shapes).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Unwraps the bytes.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(v: Vec<u8>) -> Self {
        Self(v)
    }
}

impl From<&[u8]> for Blob {
    fn from(v: &[u8]) -> Self {
        Self(v.to_vec())
    }
}

impl From<&str> for Blob {
    fn from(v: &str) -> Self {
        Self(v.as_bytes().to_vec())
    }
}

impl From<String> for Blob {
    fn from(v: String) -> Self {
        Self(v.into_bytes())
    }
}

/// Shows the length only: blobs may be large or sensitive.
impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

/// Base64 text.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&aws_smithy_types::base64::encode(&self.0))
    }
}

/// Base64 text.
impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        aws_smithy_types::base64::decode(&text)
            .map(Blob)
            .map_err(|e| serde::de::Error::custom(format!("invalid base64: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_every_wire_format() {
        let t = DateTime::from_secs(1_576_540_098);
        assert_eq!(t.fmt(TimestampFormat::EpochSeconds), "1576540098");
        assert_eq!(t.fmt(TimestampFormat::DateTime), "2019-12-16T23:48:18Z");
        assert_eq!(
            t.fmt(TimestampFormat::HttpDate),
            "Mon, 16 Dec 2019 23:48:18 GMT"
        );
        let f = DateTime::from_secs_f64(946_845_296.123);
        assert_eq!(f.subsec_nanos(), 123_000_000);
        assert_eq!(f.fmt(TimestampFormat::DateTime), "2000-01-02T20:34:56.123Z");
        assert_eq!(f.fmt(TimestampFormat::EpochSeconds), "946845296.123");
    }

    #[test]
    fn parses_offsets_fractions_and_http_dates() {
        let want = DateTime::from_secs(1_576_540_098);
        for (text, format) in [
            ("2019-12-16T22:48:18-01:00", TimestampFormat::DateTime),
            ("2019-12-17T00:48:18+01:00", TimestampFormat::DateTime),
            ("2019-12-16T23:48:18Z", TimestampFormat::DateTime),
            ("Mon, 16 Dec 2019 23:48:18 GMT", TimestampFormat::HttpDate),
            ("1576540098", TimestampFormat::EpochSeconds),
        ] {
            assert_eq!(DateTime::parse(text, format).unwrap(), want, "{text}");
        }
        assert!(DateTime::parse("yesterday", TimestampFormat::DateTime).is_err());
        assert!(DateTime::parse("", TimestampFormat::HttpDate).is_err());
    }

    #[test]
    fn json_is_epoch_seconds_and_base64() {
        let t = DateTime::from_secs(1_398_796_238);
        assert_eq!(serde_json::to_string(&t).unwrap(), "1398796238");
        let back: DateTime = serde_json::from_str("1398796238.5").unwrap();
        assert_eq!(back.subsec_nanos(), 500_000_000);
        assert!(serde_json::from_str::<DateTime>("\"x\"").is_err());
        let b = Blob::from("value");
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"dmFsdWU=\"");
        let back: Blob = serde_json::from_str("\"Zm9v\"").unwrap();
        assert_eq!(back.as_bytes(), b"foo");
        assert!(serde_json::from_str::<Blob>("\"%%%\"").is_err());
        assert_eq!(format!("{b:?}"), "Blob(5 bytes)");
    }

    #[test]
    fn system_time_round_trip() {
        for t in [
            DateTime::from_secs_and_nanos(5, 7),
            DateTime::from_secs_and_nanos(-5, 7),
        ] {
            assert_eq!(DateTime::from(t.to_system_time().unwrap()), t);
        }
        // Extremes a server could send never panic.
        for t in [
            DateTime::from_secs_and_nanos(i64::MAX, 999_999_999),
            DateTime::from_secs(i64::MIN),
            serde_json::from_str("1e300").unwrap(),
            serde_json::from_str("-1e300").unwrap(),
        ] {
            let _ = t.to_system_time();
            let _ = t.fmt(TimestampFormat::HttpDate);
            let _ = t.fmt(TimestampFormat::DateTime);
            let _ = t.as_secs_f64();
        }
    }
}
