//! [`Value`]: the values endpoint rules compute with (strings, booleans, integers, arrays and
//! records), and their conversion from JSON.

use std::collections::BTreeMap;
use std::fmt;

/// A value in the endpoint rules language. An unset value is `None` around a `Value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// An array.
    Array(Vec<Value>),
    /// A record, e.g. a partition or a parsed URL.
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The string inside, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean inside, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer inside, if this is an integer.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Self::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Converts JSON; `null` and non-integer numbers have no rules value.
    pub fn from_json(json: &serde_json::Value) -> Option<Self> {
        Some(match json {
            serde_json::Value::Null => return None,
            serde_json::Value::Bool(b) => Self::Bool(*b),
            serde_json::Value::Number(n) => Self::Int(n.as_i64()?),
            serde_json::Value::String(s) => Self::String(s.clone()),
            serde_json::Value::Array(items) => {
                Self::Array(items.iter().filter_map(Self::from_json).collect())
            }
            serde_json::Value::Object(map) => Self::Object(
                map.iter()
                    .filter_map(|(k, v)| Some((k.clone(), Self::from_json(v)?)))
                    .collect(),
            ),
        })
    }

    /// Converts to JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::String(s) => serde_json::Value::String(s.clone()),
            Self::Bool(b) => serde_json::Value::Bool(*b),
            Self::Int(i) => serde_json::Value::from(*i),
            Self::Array(items) => items.iter().map(Self::to_json).collect(),
            Self::Object(map) => serde_json::Value::Object(
                map.iter().map(|(k, v)| (k.clone(), v.to_json())).collect(),
            ),
        }
    }

    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Self::String(_) => "string",
            Self::Bool(_) => "boolean",
            Self::Int(_) => "integer",
            Self::Array(_) => "array",
            Self::Object(_) => "record",
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::String(s) => f.write_str(s),
            other => write!(f, "{}", other.to_json()),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Self::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Self::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Self::Int(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip() {
        let json = serde_json::json!({"a": [1, true, "x"], "b": {"c": "d"}});
        let value = Value::from_json(&json).unwrap();
        assert_eq!(value.to_json(), json);
        assert_eq!(Value::from_json(&serde_json::Value::Null), None);
        assert_eq!(Value::from_json(&serde_json::json!(1.5)), None);
        assert_eq!(Value::from("x").to_string(), "x");
        assert_eq!(Value::from(true).to_string(), "true");
        assert_eq!(Value::from(3i64).as_int(), Some(3));
        assert_eq!(Value::from(false).as_bool(), Some(false));
        assert_eq!(Value::from(false).type_name(), "boolean");
    }
}
