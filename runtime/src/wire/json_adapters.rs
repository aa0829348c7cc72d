//! Body members whose JSON form is not their Rust type's default, for the serde impls of
//! generated structures: floats (`NaN`, `Infinity`, `-Infinity` travel as strings),
//! timestamps with a `timestampFormat` other than epoch seconds, and dense lists and maps (a
//! `null` item or value is dropped). The value conversions here serve the codecs of
//! [`json_codec`](super::json_codec), generated union (de)serializers and string enums.

use crate::primitives::{DateTime, TimestampFormat};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// A float as JSON: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
pub trait WireFloat: Copy {
    /// As `f64`.
    fn to_f64(self) -> f64;
    /// From `f64` (narrowing for `f32`).
    fn from_f64(v: f64) -> Self;
    /// The shortest decimal text that reads back as this value in its own width (`1.1` for
    /// an `f32` 1.1, not `1.100000023841858`).
    fn shortest_text(self) -> String;
}

impl WireFloat for f64 {
    fn to_f64(self) -> f64 {
        self
    }
    fn from_f64(v: f64) -> Self {
        v
    }
    fn shortest_text(self) -> String {
        self.to_string()
    }
}

impl WireFloat for f32 {
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    fn shortest_text(self) -> String {
        self.to_string()
    }
}

/// The JSON value of a float.
pub fn float_to_value<F: WireFloat>(v: F) -> serde_json::Value {
    let f = v.to_f64();
    if f.is_nan() {
        "NaN".into()
    } else if f == f64::INFINITY {
        "Infinity".into()
    } else if f == f64::NEG_INFINITY {
        "-Infinity".into()
    } else {
        // Through the shortest text, so an `f32` 1.1 is the JSON number 1.1.
        serde_json::from_str(&v.shortest_text()).unwrap_or(serde_json::Value::Null)
    }
}

/// A float from its JSON value.
pub fn float_from_value<F: WireFloat>(v: &serde_json::Value) -> Result<F, String> {
    match v {
        serde_json::Value::Number(n) => n
            .as_f64()
            .map(F::from_f64)
            .ok_or_else(|| format!("{n} is not a float")),
        serde_json::Value::String(s) => match s.as_str() {
            "NaN" => Ok(F::from_f64(f64::NAN)),
            "Infinity" => Ok(F::from_f64(f64::INFINITY)),
            "-Infinity" => Ok(F::from_f64(f64::NEG_INFINITY)),
            other => Err(format!("`{other}` is not a float")),
        },
        other => Err(format!("{other} is not a float")),
    }
}

/// The JSON value of a timestamp in `format` (epoch seconds are a number).
pub fn timestamp_to_value(v: &DateTime, format: TimestampFormat) -> serde_json::Value {
    match format {
        TimestampFormat::EpochSeconds => serde_json::to_value(v).unwrap_or_default(),
        other => v.fmt(other).into(),
    }
}

/// A timestamp from its JSON value in `format`; epoch seconds may also arrive as text.
pub fn timestamp_from_value(
    v: &serde_json::Value,
    format: TimestampFormat,
) -> Result<DateTime, String> {
    match (v, format) {
        (serde_json::Value::Number(n), _) => n
            .as_f64()
            .map(DateTime::from_secs_f64)
            .ok_or_else(|| format!("{n} is not a timestamp")),
        (serde_json::Value::String(s), f) => DateTime::parse(s, f).map_err(|e| e.to_string()),
        (other, _) => Err(format!("{other} is not a timestamp")),
    }
}

/// Deserializes a string enum without allocating for known values: the text is matched
/// borrowed, and only an unknown value is copied into the enum's `Unknown` variant.
pub fn string_enum<'de, E, D>(deserializer: D) -> Result<E, D::Error>
where
    E: for<'a> From<&'a str> + From<String>,
    D: Deserializer<'de>,
{
    struct Visit<E>(std::marker::PhantomData<E>);
    impl<'de, E: for<'a> From<&'a str> + From<String>> serde::de::Visitor<'de> for Visit<E> {
        type Value = E;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<X: serde::de::Error>(self, v: &str) -> Result<E, X> {
            Ok(E::from(v))
        }
        fn visit_string<X: serde::de::Error>(self, v: String) -> Result<E, X> {
            Ok(E::from(v))
        }
    }
    deserializer.deserialize_str(Visit(std::marker::PhantomData))
}

/// A list whose `null` items are dropped while reading: one pass, straight into the vector
/// (no intermediate `Vec<Option<T>>`).
pub(crate) struct DenseVec<T>(pub(crate) Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for DenseVec<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = DenseVec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element::<Option<T>>()? {
                    out.extend(item);
                }
                Ok(DenseVec(out))
            }
        }
        deserializer.deserialize_seq(Visit(std::marker::PhantomData))
    }
}

/// A map whose `null` values are dropped while reading, as the protocol asks of clients.
pub(crate) struct DenseMap<K, V>(pub(crate) BTreeMap<K, V>);

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for DenseMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<K, V> {
            type Value = DenseMap<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<K, Option<V>>()? {
                    if let Some(v) = v {
                        out.insert(k, v);
                    }
                }
                Ok(DenseMap(out))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads and writes its members the way generated structures do.
    #[derive(Default, Debug, PartialEq)]
    struct S {
        f: Option<f64>,
        g: Option<f32>,
        l: Option<Vec<f64>>,
        d: Option<DateTime>,
        h: Option<DateTime>,
        m: Option<BTreeMap<String, Vec<String>>>,
        v: Option<Vec<String>>,
    }

    crate::json_struct!(S {
        f: "f" => Float,
        g: "g" => Float,
        l: "l" => FloatList,
        d: "d" => DateTimeText,
        h: "h" => HttpDateText,
        m: "m" => DenseMap,
        v: "v" => DenseList,
    });

    #[derive(Debug, PartialEq)]
    enum Color {
        Red,
        Unknown(String),
    }

    impl From<&str> for Color {
        fn from(v: &str) -> Self {
            if v == "RED" {
                Color::Red
            } else {
                Color::Unknown(v.to_owned())
            }
        }
    }

    impl From<String> for Color {
        fn from(v: String) -> Self {
            Color::from(v.as_str())
        }
    }

    #[test]
    fn string_enums_read_known_and_unknown_values() {
        let mut de = serde_json::Deserializer::from_str(r#""RED""#);
        assert_eq!(string_enum::<Color, _>(&mut de).unwrap(), Color::Red);
        let mut de = serde_json::Deserializer::from_str(r#""PINK\u0021""#);
        assert_eq!(
            string_enum::<Color, _>(&mut de).unwrap(),
            Color::Unknown("PINK!".into())
        );
        let mut de = serde_json::Deserializer::from_str("3");
        assert!(string_enum::<Color, _>(&mut de).is_err());
    }

    #[test]
    fn floats_keep_special_values_as_strings() {
        let s = S {
            f: Some(f64::NAN),
            g: Some(1.1),
            l: Some(vec![f64::INFINITY, 2.5]),
            ..S::default()
        };
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"f": "NaN", "g": 1.1, "l": ["Infinity", 2.5]})
        );
        let back: S =
            serde_json::from_value(serde_json::json!({"f": "-Infinity", "g": 5.5, "l": [1, null]}))
                .unwrap();
        assert_eq!(back.f, Some(f64::NEG_INFINITY));
        assert_eq!(back.g, Some(5.5));
        assert_eq!(back.l, Some(vec![1.0]));
        assert!(serde_json::from_value::<S>(serde_json::json!({"f": "nope"})).is_err());
        let none: S = serde_json::from_value(serde_json::json!({"f": null})).unwrap();
        assert_eq!(none.f, None);
    }

    #[test]
    fn timestamps_with_formats() {
        let t = DateTime::from_secs(1_398_796_238);
        let s = S {
            d: Some(t),
            h: Some(t),
            ..S::default()
        };
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"d": "2014-04-29T18:30:38Z", "h": "Tue, 29 Apr 2014 18:30:38 GMT"})
        );
        let back: S = serde_json::from_value(json).unwrap();
        assert_eq!(back.d, Some(t));
        assert_eq!(back.h, Some(t));
    }

    #[test]
    fn dense_collections_drop_nulls() {
        let s: S = serde_json::from_value(
            serde_json::json!({"m": {"x": [], "y": ["a"], "z": null}, "v": ["a", null, "b"]}),
        )
        .unwrap();
        assert_eq!(s.m.unwrap().len(), 2);
        assert_eq!(s.v.unwrap(), ["a", "b"]);
    }
}
