//! Generated structures' JSON form without `serde_derive`: the [`json_struct!`](crate::json_struct)
//! macro and the object reader it uses.
//!
//! A generated structure implements [`JsonFields`]: one `match` from wire name to member,
//! each arm reading its value with `MapAccess::next_value`. Its `Deserialize` impl calls
//! [`deserialize_fields`], which owns the one object-walking loop. Compared with derived code
//! there is no field-identifier enum, no sequence form and no per-member presence tracking,
//! so each structure costs one small function per deserializer type; unknown members are
//! skipped, a repeated member keeps its last value, and absent members stay `None`.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A structure whose members are read one object key at a time.
pub trait JsonFields: Default {
    /// The structure's name, for "expected ..." messages.
    const NAME: &'static str;

    /// Reads the value of `key` from `map` into the matching member, or skips it when no
    /// member has that wire name.
    fn read_field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// Reads a [`JsonFields`] structure from an object.
pub fn deserialize_fields<'de, T: JsonFields, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(FieldsVisitor(PhantomData))
}

/// Skips the value of a key no member is named after.
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// Implements `Serialize`, `Deserialize` and [`JsonFields`] for a generated structure from a
/// table of its body members: `field: "wireName" => Codec`, where `Codec` names a marker type
/// of [`json_codec`](crate::wire::json_codec) and further `| "alias"` names are also read.
/// Every listed field is an `Option`; fields not listed (non-body members) are neither
/// written nor read. Writing emits set members only, in table order.
#[macro_export]
macro_rules! json_struct {
    ($name:ident { $($field:ident: $wire:literal $(| $alias:literal)* => $codec:ident),* $(,)? }) => {
        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use $crate::serde::ser::SerializeStruct as _;
                let len = 0 $(+ usize::from(self.$field.is_some()))*;
                #[allow(unused_mut)]
                let mut out = serializer.serialize_struct(stringify!($name), len)?;
                $(if let Some(v) = &self.$field {
                    <$crate::wire::json_codec::$codec as $crate::wire::json_codec::Codec<_>>::write(
                        &mut out, $wire, v,
                    )?;
                })*
                out.end()
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::wire::json_struct::deserialize_fields(deserializer)
            }
        }

        impl $crate::wire::json_struct::JsonFields for $name {
            const NAME: &'static str = stringify!($name);
            #[allow(unreachable_code)]
            fn read_field<'de, A: $crate::serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> ::core::result::Result<(), A::Error> {
                match key {
                    $($wire $(| $alias)* => {
                        self.$field = <$crate::wire::json_codec::$codec as
                            $crate::wire::json_codec::Codec<_>>::read(map)?;
                    })*
                    _ => return $crate::wire::json_struct::skip_value(map),
                }
                Ok(())
            }
        }
    };
}

struct FieldsVisitor<T>(PhantomData<T>);

impl<'de, T: JsonFields> Visitor<'de> for FieldsVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            out.read_field(key.as_str(), &mut map)?;
        }
        Ok(out)
    }
}

/// An object key, borrowed from the input when it has no escapes.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    #[derive(Default, Debug, PartialEq)]
    struct Point {
        x: Option<i32>,
        label: Option<String>,
    }

    crate::json_struct!(Point {
        x: "x" => Plain,
        label: "label" | "Label" => Plain,
    });

    #[derive(Default, Debug, PartialEq)]
    struct Empty {}

    crate::json_struct!(Empty {});

    #[test]
    fn reads_known_members_and_skips_others() {
        let p: Point =
            serde_json::from_str(r#"{"skip":{"a":[1,2,{"b":null}]},"x":3,"label":"hi"}"#).unwrap();
        assert_eq!(
            p,
            Point {
                x: Some(3),
                label: Some("hi".into())
            }
        );
    }

    #[test]
    fn escaped_keys_nulls_and_repeats() {
        let p: Point = serde_json::from_str(r#"{"\u0078":1,"label":null,"x":2}"#).unwrap();
        assert_eq!(
            p,
            Point {
                x: Some(2),
                label: None
            }
        );
        assert_eq!(
            serde_json::from_str::<Point>("{}").unwrap(),
            Point::default()
        );
        let p: Point = serde_json::from_str(r#"{"Label":"alias"}"#).unwrap();
        assert_eq!(p.label.as_deref(), Some("alias"));
    }

    #[test]
    fn writes_set_members_only() {
        let p = Point {
            x: None,
            label: Some("a".into()),
        };
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"label":"a"}"#);
        assert_eq!(serde_json::to_string(&Point::default()).unwrap(), "{}");
        assert_eq!(serde_json::to_string(&Empty {}).unwrap(), "{}");
        let e: Empty = serde_json::from_str(r#"{"x":[1]}"#).unwrap();
        assert_eq!(e, Empty {});
    }

    #[test]
    fn wrong_shapes_are_errors_naming_the_structure() {
        let err = serde_json::from_str::<Point>("[1]")
            .unwrap_err()
            .to_string();
        assert!(err.contains("a Point object"), "{err}");
        let err = serde_json::from_str::<Point>(r#"{"x":"no"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("invalid type"), "{err}");
    }
}
