//! The functions of the rules language: `isSet`, `not`, `booleanEquals`, `stringEquals`,
//! `getAttr`, `substring`, `uriEncode`, `parseURL`, `isValidHostLabel`, `split`, `coalesce`,
//! `ite`, `aws.partition`, `aws.parseArn` and `aws.isVirtualHostableS3Bucket`.

use super::partition::Partitions;
use super::url;
use super::value::Value;
use super::EndpointError;
use std::collections::BTreeMap;

/// Calls function `name` with evaluated arguments (`None` = unset). Functions other than
/// `isSet`, `coalesce` and `ite` yield unset when a required argument is unset.
pub(crate) fn call(
    name: &str,
    args: Vec<Option<Value>>,
    partitions: &Partitions,
) -> Result<Option<Value>, EndpointError> {
    let argc = args.len();
    let arity = |n: usize| {
        if argc == n {
            Ok(())
        } else {
            Err(EndpointError::new(format!(
                "function `{name}` takes {n} arguments, got {argc}"
            )))
        }
    };
    match name {
        "isSet" => {
            arity(1)?;
            return Ok(Some(Value::Bool(args[0].is_some())));
        }
        "coalesce" => return Ok(args.into_iter().flatten().next()),
        "ite" => {
            arity(3)?;
            let mut args = args.into_iter();
            let cond = args.next().flatten();
            let (then, otherwise) = (args.next().flatten(), args.next().flatten());
            return Ok(match cond {
                Some(Value::Bool(true)) => then,
                _ => otherwise,
            });
        }
        _ => {}
    }
    if args.iter().any(Option::is_none) {
        return Ok(None);
    }
    let args: Vec<Value> = args.into_iter().flatten().collect();
    let string = |i: usize| -> Result<&str, EndpointError> {
        args[i]
            .as_str()
            .ok_or_else(|| type_error(name, i, "string", &args[i]))
    };
    let boolean = |i: usize| -> Result<bool, EndpointError> {
        args[i]
            .as_bool()
            .ok_or_else(|| type_error(name, i, "boolean", &args[i]))
    };
    let int = |i: usize| -> Result<i64, EndpointError> {
        args[i]
            .as_int()
            .ok_or_else(|| type_error(name, i, "integer", &args[i]))
    };
    Ok(match name {
        "not" => {
            arity(1)?;
            Some(Value::Bool(!boolean(0)?))
        }
        "booleanEquals" => {
            arity(2)?;
            Some(Value::Bool(boolean(0)? == boolean(1)?))
        }
        "stringEquals" => {
            arity(2)?;
            Some(Value::Bool(string(0)? == string(1)?))
        }
        "getAttr" => {
            arity(2)?;
            get_attr(&args[0], string(1)?)?
        }
        "substring" => {
            arity(4)?;
            substring(string(0)?, int(1)?, int(2)?, boolean(3)?).map(Value::from)
        }
        "uriEncode" => {
            arity(1)?;
            Some(Value::String(crate::wire::percent_encode(string(0)?)))
        }
        "parseURL" => {
            arity(1)?;
            url::parse_url(string(0)?)
        }
        "isValidHostLabel" => {
            arity(2)?;
            Some(Value::Bool(url::is_valid_host_label(
                string(0)?,
                boolean(1)?,
            )))
        }
        "aws.isVirtualHostableS3Bucket" => {
            arity(2)?;
            Some(Value::Bool(url::is_virtual_hostable_s3_bucket(
                string(0)?,
                boolean(1)?,
            )))
        }
        "split" => {
            arity(3)?;
            split(string(0)?, string(1)?, int(2)?)
        }
        "aws.partition" => {
            arity(1)?;
            partitions.resolve(string(0)?)
        }
        "aws.parseArn" => {
            arity(1)?;
            parse_arn(string(0)?)
        }
        other => {
            return Err(EndpointError::new(format!(
                "unsupported function `{other}` in endpoint rules"
            )))
        }
    })
}

fn type_error(name: &str, index: usize, expected: &str, got: &Value) -> EndpointError {
    EndpointError::new(format!(
        "argument {} of `{name}` must be a {expected}, got a {}",
        index + 1,
        got.type_name()
    ))
}

/// `getAttr(value, "a.b[2]")`: record fields and array indexes; unset when missing.
pub(crate) fn get_attr(value: &Value, path: &str) -> Result<Option<Value>, EndpointError> {
    let mut current = value;
    for segment in path.split('.') {
        let (field, mut indexes) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if !field.is_empty() {
            match current {
                Value::Object(map) => match map.get(field) {
                    Some(next) => current = next,
                    None => return Ok(None),
                },
                _ => return Ok(None),
            }
        }
        while !indexes.is_empty() {
            let close = indexes
                .find(']')
                .filter(|_| indexes.starts_with('['))
                .ok_or_else(|| EndpointError::new(format!("invalid getAttr path `{path}`")))?;
            let index: usize = indexes[1..close]
                .parse()
                .map_err(|_| EndpointError::new(format!("invalid getAttr path `{path}`")))?;
            indexes = &indexes[close + 1..];
            match current {
                Value::Array(items) => match items.get(index) {
                    Some(next) => current = next,
                    None => return Ok(None),
                },
                _ => return Ok(None),
            }
        }
    }
    Ok(Some(current.clone()))
}

/// `substring(input, start, stop, reverse)`: ASCII only; unset when out of range.
fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<String> {
    if !input.is_ascii() {
        return None;
    }
    let len = i64::try_from(input.len()).ok()?;
    if start < 0 || start >= stop || stop > len {
        return None;
    }
    let (from, to) = if reverse {
        (len - stop, len - start)
    } else {
        (start, stop)
    };
    input
        .get(usize::try_from(from).ok()?..usize::try_from(to).ok()?)
        .map(str::to_owned)
}

/// `split(value, delimiter, limit)`: limit 0 means no limit.
fn split(value: &str, delimiter: &str, limit: i64) -> Option<Value> {
    if delimiter.is_empty() || limit < 0 {
        return None;
    }
    let parts: Vec<Value> = if limit == 0 {
        value.split(delimiter).map(Value::from).collect()
    } else {
        value
            .splitn(usize::try_from(limit).ok()?, delimiter)
            .map(Value::from)
            .collect()
    };
    Some(Value::Array(parts))
}

/// `aws.parseArn`: `arn:partition:service:region:account:resource`.
fn parse_arn(arn: &str) -> Option<Value> {
    let mut parts = arn.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let partition = parts.next()?;
    let service = parts.next()?;
    let region = parts.next()?;
    let account = parts.next()?;
    let resource = parts.next()?;
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let resource_id = resource
        .split([':', '/'])
        .map(Value::from)
        .collect::<Vec<_>>();
    let mut record = BTreeMap::new();
    record.insert("partition".to_owned(), Value::from(partition));
    record.insert("service".to_owned(), Value::from(service));
    record.insert("region".to_owned(), Value::from(region));
    record.insert("accountId".to_owned(), Value::from(account));
    record.insert("resourceId".to_owned(), Value::Array(resource_id));
    Some(Value::Object(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partitions() -> Partitions {
        Partitions::parse(include_str!("../../../model/partitions.json")).unwrap()
    }

    fn call1(name: &str, args: Vec<Option<Value>>) -> Option<Value> {
        call(name, args, &partitions()).unwrap()
    }

    fn s(v: &str) -> Option<Value> {
        Some(Value::from(v))
    }

    fn b(v: bool) -> Option<Value> {
        Some(Value::Bool(v))
    }

    fn i(v: i64) -> Option<Value> {
        Some(Value::Int(v))
    }

    #[test]
    fn core_functions() {
        assert_eq!(call1("isSet", vec![None]), b(false));
        assert_eq!(call1("isSet", vec![s("x")]), b(true));
        assert_eq!(call1("not", vec![b(true)]), b(false));
        assert_eq!(call1("booleanEquals", vec![b(true), b(true)]), b(true));
        assert_eq!(call1("booleanEquals", vec![None, b(true)]), None);
        assert_eq!(call1("stringEquals", vec![s("a"), s("b")]), b(false));
        assert_eq!(call1("coalesce", vec![None, s("b"), s("c")]), s("b"));
        assert_eq!(call1("ite", vec![b(false), s("a"), s("b")]), s("b"));
        assert_eq!(call1("uriEncode", vec![s("a b/c")]), s("a%20b%2Fc"));
        assert!(call("booleanEquals", vec![s("x"), b(true)], &partitions()).is_err());
        assert!(call("nope", vec![], &partitions()).is_err());
        assert!(call("not", vec![b(true), b(true)], &partitions()).is_err());
    }

    #[test]
    fn substrings() {
        assert_eq!(
            call1("substring", vec![s("abcdef"), i(0), i(3), b(false)]),
            s("abc")
        );
        assert_eq!(
            call1("substring", vec![s("abcdef"), i(0), i(3), b(true)]),
            s("def")
        );
        assert_eq!(
            call1("substring", vec![s("abc"), i(0), i(4), b(false)]),
            None
        );
        assert_eq!(
            call1("substring", vec![s("abc"), i(2), i(2), b(false)]),
            None
        );
        assert_eq!(
            call1("substring", vec![s("ab☃"), i(0), i(1), b(false)]),
            None
        );
        assert_eq!(
            call1("substring", vec![s("abc"), i(-1), i(1), b(false)]),
            None
        );
    }

    #[test]
    fn get_attr_paths() {
        let arn = call1(
            "aws.parseArn",
            vec![s("arn:aws:s3:us-east-1:123:bucket/key:v")],
        )
        .unwrap();
        assert_eq!(get_attr(&arn, "service").unwrap(), s("s3"));
        assert_eq!(get_attr(&arn, "resourceId[1]").unwrap(), s("key"));
        assert_eq!(get_attr(&arn, "resourceId[2]").unwrap(), s("v"));
        assert_eq!(get_attr(&arn, "resourceId[9]").unwrap(), None);
        assert_eq!(get_attr(&arn, "missing").unwrap(), None);
        assert!(get_attr(&arn, "resourceId[x]").is_err());
        assert!(get_attr(&arn, "resourceId[1").is_err());
        let partition = call1("aws.partition", vec![s("eu-west-1")]).unwrap();
        assert_eq!(
            get_attr(&partition, "dnsSuffix").unwrap(),
            s("amazonaws.com")
        );
        assert_eq!(get_attr(&partition, "supportsFIPS").unwrap(), b(true));
    }

    #[test]
    fn arns_and_split() {
        assert_eq!(call1("aws.parseArn", vec![s("arn:aws:s3")]), None);
        assert_eq!(call1("aws.parseArn", vec![s("nope:aws:s3:r:a:res")]), None);
        assert_eq!(call1("aws.parseArn", vec![s("arn::s3:r:a:res")]), None);
        assert_eq!(call1("aws.parseArn", vec![s("arn:aws:s3:r:a:")]), None);
        assert_eq!(
            call1("split", vec![s("a--b--c"), s("--"), i(0)]),
            Some(Value::Array(vec!["a".into(), "b".into(), "c".into()]))
        );
        assert_eq!(
            call1("split", vec![s("a--b--c"), s("--"), i(2)]),
            Some(Value::Array(vec!["a".into(), "b--c".into()]))
        );
        assert_eq!(call1("split", vec![s("a"), s(""), i(0)]), None);
    }

    #[test]
    fn host_checks() {
        assert_eq!(
            call1("isValidHostLabel", vec![s("us-east-1"), b(false)]),
            b(true)
        );
        assert_eq!(
            call1("aws.isVirtualHostableS3Bucket", vec![s("Bad"), b(false)]),
            b(false)
        );
        assert!(call1("parseURL", vec![s("https://x.com/p")]).is_some());
        assert_eq!(call1("parseURL", vec![s("x.com")]), None);
    }
}
