//! How each body member of a generated structure is written and read, as named by
//! [`json_struct!`](crate::json_struct): [`Plain`] uses the member type's own serde form, the
//! others the JSON forms built from `json_adapters` (special floats as strings, text
//! timestamps, dense lists and maps). Each is a marker type implementing [`Codec`] for the
//! member types it suits, so a wrong pairing is a compile error in the generated crate, not a
//! wire bug.

use super::json_adapters as adapters;
use crate::primitives::{DateTime, TimestampFormat};
use serde::de::{DeserializeOwned, Error as _, MapAccess};
use serde::ser::SerializeStruct;
use serde::Serialize;
use std::collections::BTreeMap;

/// Writes and reads one member of type `T` (stored as `Option<T>`).
pub trait Codec<T> {
    /// Reads the member's value (`null` is `None`).
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<T>, A::Error>;
    /// Writes a set member under `key`.
    fn write<S: SerializeStruct>(out: &mut S, key: &'static str, v: &T) -> Result<(), S::Error>;
}

/// The member type's own serde form.
pub struct Plain;
/// `f32`/`f64`: `NaN`, `Infinity` and `-Infinity` travel as strings.
pub struct Float;
/// Lists of floats, with special values as strings; `null` items are dropped.
pub struct FloatList;
/// Timestamps with `timestampFormat: iso8601`.
pub struct DateTimeText;
/// Timestamps with `timestampFormat: rfc822`.
pub struct HttpDateText;
/// Lists whose `null` items are dropped when reading.
pub struct DenseList;
/// Maps whose `null` values are dropped when reading.
pub struct DenseMap;

impl<T: Serialize + DeserializeOwned> Codec<T> for Plain {
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<T>, A::Error> {
        map.next_value()
    }
    fn write<S: SerializeStruct>(out: &mut S, key: &'static str, v: &T) -> Result<(), S::Error> {
        out.serialize_field(key, v)
    }
}

/// Reads a member through its JSON value (`null` is `None`) and `convert`.
fn read_value<'de, A: MapAccess<'de>, T>(
    map: &mut A,
    convert: impl FnOnce(&serde_json::Value) -> Result<T, String>,
) -> Result<Option<T>, A::Error> {
    match map.next_value::<Option<serde_json::Value>>()? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => convert(&v).map(Some).map_err(A::Error::custom),
    }
}

impl<F: adapters::WireFloat> Codec<F> for Float {
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<F>, A::Error> {
        read_value(map, adapters::float_from_value)
    }
    fn write<S: SerializeStruct>(out: &mut S, key: &'static str, v: &F) -> Result<(), S::Error> {
        out.serialize_field(key, &adapters::float_to_value(*v))
    }
}

impl<F: adapters::WireFloat> Codec<Vec<F>> for FloatList {
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Vec<F>>, A::Error> {
        read_value(map, |v| match v {
            serde_json::Value::Array(items) => items
                .iter()
                .filter(|v| !v.is_null())
                .map(adapters::float_from_value)
                .collect(),
            other => Err(format!("{other} is not a list")),
        })
    }
    fn write<S: SerializeStruct>(
        out: &mut S,
        key: &'static str,
        v: &Vec<F>,
    ) -> Result<(), S::Error> {
        let values: Vec<_> = v.iter().map(|f| adapters::float_to_value(*f)).collect();
        out.serialize_field(key, &values)
    }
}

/// `Codec<DateTime>` for a text timestamp codec: read and written in `$format`.
macro_rules! text_timestamp_codec {
    ($codec:ident, $format:expr) => {
        impl Codec<DateTime> for $codec {
            fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<DateTime>, A::Error> {
                read_value(map, |v| adapters::timestamp_from_value(v, $format))
            }
            fn write<S: SerializeStruct>(
                out: &mut S,
                key: &'static str,
                v: &DateTime,
            ) -> Result<(), S::Error> {
                out.serialize_field(key, &adapters::timestamp_to_value(v, $format))
            }
        }
    };
}

text_timestamp_codec!(DateTimeText, TimestampFormat::DateTime);
text_timestamp_codec!(HttpDateText, TimestampFormat::HttpDate);

impl<T: Serialize + DeserializeOwned> Codec<Vec<T>> for DenseList {
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Vec<T>>, A::Error> {
        Ok(map
            .next_value::<Option<adapters::DenseVec<T>>>()?
            .map(|v| v.0))
    }
    fn write<S: SerializeStruct>(
        out: &mut S,
        key: &'static str,
        v: &Vec<T>,
    ) -> Result<(), S::Error> {
        out.serialize_field(key, v)
    }
}

impl<K, V> Codec<BTreeMap<K, V>> for DenseMap
where
    K: Serialize + DeserializeOwned + Ord,
    V: Serialize + DeserializeOwned,
{
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<BTreeMap<K, V>>, A::Error> {
        Ok(map
            .next_value::<Option<adapters::DenseMap<K, V>>>()?
            .map(|m| m.0))
    }
    fn write<S: SerializeStruct>(
        out: &mut S,
        key: &'static str,
        v: &BTreeMap<K, V>,
    ) -> Result<(), S::Error> {
        out.serialize_field(key, v)
    }
}
