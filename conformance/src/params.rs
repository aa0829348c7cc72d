//! botocore's "params" form of values and the traits the generated conformance helpers
//! implement (`GenerateOptions::conformance_helpers` points here): [`Params`] converts between
//! a generated type and the JSON the vectors use (botocore member names, timestamps as epoch
//! seconds, blobs as text), [`ErrorParams`] describes a parsed service error, and [`sent`]
//! turns an operation's result into a comparable [`Sent`].

use std::collections::BTreeMap;

use sdk_runtime::{Blob, DateTime, ProvideErrorMetadata};
use serde_json::Value;

/// A value in botocore's params form.
pub trait Params: Sized {
    /// Reads the value from its params form.
    fn from_params(v: &Value) -> Result<Self, String>;
    /// Writes the value in params form.
    fn to_params(&self) -> Value;
}

/// A generated per-operation error enum.
pub trait ErrorParams {
    /// The model's shape name of a modelled error; `None` for an unhandled one.
    fn modelled_shape(&self) -> Option<&'static str>;
    /// The modelled error's members in params form (`{}` when unhandled).
    fn fields(&self) -> Value;
}

/// What an operation call produced, in comparable form.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    /// The parsed output in params form.
    Output(Value),
    /// A service error: the modelled shape it was parsed as, its code and members.
    ServiceError {
        modelled: Option<&'static str>,
        code: Option<String>,
        fields: Value,
    },
    /// Any other failure (construction, transport, response parsing), as text.
    Other(String),
}

/// A generated suite's dispatcher: `send_params(config, operation, params)`.
pub type SendFn =
    fn(sdk_runtime::Config, &str, &Value) -> sdk_runtime::BoxFuture<'static, Result<Sent, String>>;

/// Turns an operation's result into a [`Sent`].
pub fn sent<O, E>(result: Result<O, sdk_runtime::Error<E>>) -> Sent
where
    O: Params,
    E: ErrorParams + ProvideErrorMetadata,
{
    match result {
        Ok(out) => Sent::Output(out.to_params()),
        Err(sdk_runtime::Error::Service(e)) => Sent::ServiceError {
            modelled: e.err().modelled_shape(),
            code: e.err().code().map(str::to_owned),
            fields: e.err().fields(),
        },
        Err(other) => Sent::Other(other.to_string()),
    }
}

impl Params for () {
    fn from_params(_: &Value) -> Result<Self, String> {
        Ok(())
    }
    fn to_params(&self) -> Value {
        Value::Object(Default::default())
    }
}

impl Params for String {
    fn from_params(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("expected a string, got {v}"))
    }
    fn to_params(&self) -> Value {
        self.clone().into()
    }
}

impl Params for bool {
    fn from_params(v: &Value) -> Result<Self, String> {
        v.as_bool()
            .ok_or_else(|| format!("expected a boolean, got {v}"))
    }
    fn to_params(&self) -> Value {
        (*self).into()
    }
}

impl Params for i64 {
    fn from_params(v: &Value) -> Result<Self, String> {
        v.as_i64()
            .ok_or_else(|| format!("expected an integer, got {v}"))
    }
    fn to_params(&self) -> Value {
        (*self).into()
    }
}

impl Params for i32 {
    fn from_params(v: &Value) -> Result<Self, String> {
        i32::try_from(i64::from_params(v)?).map_err(|e| e.to_string())
    }
    fn to_params(&self) -> Value {
        (*self).into()
    }
}

fn float_from(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| format!("{n} is not a float")),
        Value::String(s) => match s.as_str() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            other => Err(format!("`{other}` is not a float")),
        },
        other => Err(format!("expected a float, got {other}")),
    }
}

fn float_to(f: f64, text: String) -> Value {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }
}

impl Params for f64 {
    fn from_params(v: &Value) -> Result<Self, String> {
        float_from(v)
    }
    fn to_params(&self) -> Value {
        float_to(*self, self.to_string())
    }
}

impl Params for f32 {
    fn from_params(v: &Value) -> Result<Self, String> {
        float_from(v).map(|f| f as f32)
    }
    fn to_params(&self) -> Value {
        float_to(f64::from(*self), self.to_string())
    }
}

impl Params for DateTime {
    fn from_params(v: &Value) -> Result<Self, String> {
        match v {
            Value::Number(n) => n
                .as_i64()
                .map(DateTime::from_secs)
                .or_else(|| n.as_f64().map(DateTime::from_secs_f64))
                .ok_or_else(|| format!("{n} is not a timestamp")),
            Value::String(s) => DateTime::parse(s, sdk_runtime::TimestampFormat::DateTime)
                .map_err(|e| e.to_string()),
            other => Err(format!("expected a timestamp, got {other}")),
        }
    }
    fn to_params(&self) -> Value {
        if self.subsec_nanos() == 0 {
            self.secs().into()
        } else {
            self.as_secs_f64().into()
        }
    }
}

impl Params for Blob {
    fn from_params(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(Blob::from)
            .ok_or_else(|| format!("expected blob text, got {v}"))
    }
    fn to_params(&self) -> Value {
        String::from_utf8_lossy(self.as_bytes()).into_owned().into()
    }
}

impl Params for Value {
    fn from_params(v: &Value) -> Result<Self, String> {
        Ok(v.clone())
    }
    fn to_params(&self) -> Value {
        self.clone()
    }
}

impl<T: Params> Params for Box<T> {
    fn from_params(v: &Value) -> Result<Self, String> {
        T::from_params(v).map(Box::new)
    }
    fn to_params(&self) -> Value {
        (**self).to_params()
    }
}

impl<T: Params> Params for Vec<T> {
    fn from_params(v: &Value) -> Result<Self, String> {
        v.as_array()
            .ok_or_else(|| format!("expected a list, got {v}"))?
            .iter()
            .map(T::from_params)
            .collect()
    }
    fn to_params(&self) -> Value {
        Value::Array(self.iter().map(Params::to_params).collect())
    }
}

impl<K: Params + Ord, V: Params> Params for BTreeMap<K, V> {
    fn from_params(v: &Value) -> Result<Self, String> {
        v.as_object()
            .ok_or_else(|| format!("expected a map, got {v}"))?
            .iter()
            .map(|(k, v)| {
                Ok((
                    K::from_params(&Value::String(k.clone()))?,
                    V::from_params(v)?,
                ))
            })
            .collect()
    }
    fn to_params(&self) -> Value {
        Value::Object(
            self.iter()
                .map(|(k, v)| {
                    let key = match k.to_params() {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    (key, v.to_params())
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_round_trip() {
        assert_eq!(
            f64::from_params(&json!("NaN")).unwrap().to_params(),
            json!("NaN")
        );
        assert_eq!(
            f32::from_params(&json!(1.1)).unwrap().to_params(),
            json!(1.1)
        );
        assert_eq!(
            DateTime::from_params(&json!(946845296.123))
                .unwrap()
                .to_params(),
            json!(946845296.123)
        );
        assert_eq!(
            DateTime::from_params(&json!(1)).unwrap().to_params(),
            json!(1)
        );
        assert_eq!(Blob::from_params(&json!("foo")).unwrap().as_bytes(), b"foo");
        assert!(i32::from_params(&json!(1i64 << 40)).is_err());
        let m: BTreeMap<String, Vec<i32>> = Params::from_params(&json!({"a": [1, 2]})).unwrap();
        assert_eq!(m.to_params(), json!({"a": [1, 2]}));
    }
}
