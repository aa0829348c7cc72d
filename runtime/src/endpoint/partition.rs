//! botocore's `partitions.json` and the `aws.partition` lookup: an exact region match, then
//! the first partition whose `regionRegex` matches, then the `aws` partition.

use super::value::Value;
use super::EndpointError;
use serde_json::Value as Json;
use std::collections::BTreeMap;

#[derive(Debug)]
struct Partition {
    id: String,
    outputs: BTreeMap<String, Value>,
    region_regex: Option<regex_lite::Regex>,
    regions: BTreeMap<String, BTreeMap<String, Value>>,
}

/// The parsed partitions document.
#[derive(Debug)]
pub(crate) struct Partitions {
    partitions: Vec<Partition>,
}

fn err(message: impl Into<String>) -> EndpointError {
    EndpointError::new(format!("invalid partitions document: {}", message.into()))
}

fn record(json: &Json) -> BTreeMap<String, Value> {
    match Value::from_json(json) {
        Some(Value::Object(map)) => map,
        _ => BTreeMap::new(),
    }
}

impl Partitions {
    pub(crate) fn parse(text: &str) -> Result<Self, EndpointError> {
        let json: Json = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
        let list = json
            .get("partitions")
            .and_then(Json::as_array)
            .ok_or_else(|| err("no `partitions` array"))?;
        let partitions = list
            .iter()
            .map(|p| {
                let id = p
                    .get("id")
                    .and_then(Json::as_str)
                    .ok_or_else(|| err("a partition has no `id`"))?
                    .to_owned();
                let mut outputs = p.get("outputs").map(record).unwrap_or_default();
                outputs
                    .entry("name".to_owned())
                    .or_insert_with(|| Value::String(id.clone()));
                let region_regex = match p.get("regionRegex").and_then(Json::as_str) {
                    None => None,
                    Some(pattern) => Some(regex_lite::Regex::new(pattern).map_err(|e| {
                        err(format!("partition `{id}` has an invalid regionRegex: {e}"))
                    })?),
                };
                let regions = p
                    .get("regions")
                    .and_then(Json::as_object)
                    .map(|regions| {
                        regions
                            .iter()
                            .map(|(name, overrides)| (name.clone(), record(overrides)))
                            .collect()
                    })
                    .unwrap_or_default();
                Ok(Partition {
                    id,
                    outputs,
                    region_regex,
                    regions,
                })
            })
            .collect::<Result<Vec<_>, EndpointError>>()?;
        if partitions.is_empty() {
            return Err(err("the `partitions` array is empty"));
        }
        Ok(Self { partitions })
    }

    /// The partition record for `region` (its `outputs` with `name`), with the region's own
    /// overrides applied. `None` only when no `aws` partition exists to fall back on.
    pub(crate) fn resolve(&self, region: &str) -> Option<Value> {
        if let Some((partition, overrides)) = self
            .partitions
            .iter()
            .find_map(|p| p.regions.get(region).map(|o| (p, o)))
        {
            let mut outputs = partition.outputs.clone();
            for (key, value) in overrides {
                if outputs.contains_key(key) {
                    outputs.insert(key.clone(), value.clone());
                }
            }
            return Some(Value::Object(outputs));
        }
        self.partitions
            .iter()
            .find(|p| p.region_regex.as_ref().is_some_and(|r| r.is_match(region)))
            .or_else(|| self.partitions.iter().find(|p| p.id == "aws"))
            .map(|p| Value::Object(p.outputs.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partitions() -> Partitions {
        Partitions::parse(include_str!("../../../model/partitions.json")).unwrap()
    }

    fn field(value: &Value, key: &str) -> Value {
        match value {
            Value::Object(map) => map[key].clone(),
            other => panic!("not a record: {other:?}"),
        }
    }

    #[test]
    fn exact_regex_and_fallback() {
        let p = partitions();
        let name = |region: &str| field(&p.resolve(region).unwrap(), "name");
        assert_eq!(name("us-east-1"), Value::from("aws"));
        assert_eq!(name("cn-north-1"), Value::from("aws-cn"));
        assert_eq!(name("us-gov-west-1"), Value::from("aws-us-gov"));
        assert_eq!(name("us-isob-east-1"), Value::from("aws-iso-b"));
        // Not listed, matched by regex.
        assert_eq!(name("us-west-9"), Value::from("aws"));
        assert_eq!(name("cn-south-7"), Value::from("aws-cn"));
        assert_eq!(name("us-gov-north-9"), Value::from("aws-us-gov"));
        // Matches nothing: the aws partition.
        assert_eq!(name("mars-central-1"), Value::from("aws"));
        assert_eq!(name(""), Value::from("aws"));
        let cn = p.resolve("cn-north-1").unwrap();
        assert_eq!(field(&cn, "dnsSuffix"), Value::from("amazonaws.com.cn"));
        assert_eq!(field(&cn, "supportsFIPS"), Value::Bool(true));
    }

    #[test]
    fn region_overrides_apply() {
        let p = Partitions::parse(
            r#"{"partitions": [{"id": "aws", "outputs": {"dnsSuffix": "a", "supportsFIPS": true},
                "regionRegex": "^x$", "regions": {"r1": {"description": "d", "supportsFIPS": false}}}]}"#,
        )
        .unwrap();
        let r1 = p.resolve("r1").unwrap();
        assert_eq!(field(&r1, "supportsFIPS"), Value::Bool(false));
        assert_eq!(field(&r1, "name"), Value::from("aws"));
        assert!(matches!(&r1, Value::Object(m) if !m.contains_key("description")));
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in [
            "",
            "{}",
            r#"{"partitions": []}"#,
            r#"{"partitions": [{"outputs": {}}]}"#,
            r#"{"partitions": [{"id": "aws", "regionRegex": "("}]}"#,
        ] {
            assert!(Partitions::parse(bad).is_err(), "{bad}");
        }
        let no_aws = Partitions::parse(r#"{"partitions": [{"id": "other"}]}"#).unwrap();
        assert_eq!(no_aws.resolve("nowhere"), None);
    }
}
