//! The parsed form of an `endpoint-rule-set-1.json` document: parameters, rules (endpoint,
//! error and tree rules), conditions and expressions.

use super::template::Template;
use super::value::Value;
use super::EndpointError;
use serde_json::{Map, Value as Json};

/// The declared type of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamType {
    String,
    Boolean,
    StringArray,
}

/// A declared parameter.
#[derive(Clone, Debug)]
pub(crate) struct Parameter {
    pub(crate) name: String,
    pub(crate) ty: ParamType,
    pub(crate) built_in: Option<String>,
    pub(crate) required: bool,
    pub(crate) default: Option<Value>,
}

/// An expression.
#[derive(Clone, Debug)]
pub(crate) enum Expr {
    /// A string literal (a template).
    Template(Template),
    /// A boolean literal.
    Bool(bool),
    /// An integer literal.
    Int(i64),
    /// An array literal.
    Array(Vec<Expr>),
    /// A record literal (e.g. endpoint properties).
    Object(Vec<(String, Expr)>),
    /// A reference to a parameter or an assigned name.
    Ref(String),
    /// A function call.
    Call { name: String, args: Vec<Expr> },
}

/// One condition: a function call, optionally assigning its result.
#[derive(Clone, Debug)]
pub(crate) struct Condition {
    pub(crate) expr: Expr,
    pub(crate) assign: Option<String>,
}

/// What a rule produces when its conditions hold.
#[derive(Clone, Debug)]
pub(crate) enum RuleKind {
    Endpoint {
        url: Expr,
        headers: Vec<(String, Vec<Expr>)>,
        properties: Vec<(String, Expr)>,
    },
    Error(Expr),
    Tree(Vec<Rule>),
}

/// A rule.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub(crate) conditions: Vec<Condition>,
    pub(crate) kind: RuleKind,
}

/// A whole rule set.
#[derive(Clone, Debug)]
pub(crate) struct RuleSetAst {
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) rules: Vec<Rule>,
}

fn err(message: impl Into<String>) -> EndpointError {
    EndpointError::new(format!("invalid endpoint rule set: {}", message.into()))
}

fn object<'a>(json: &'a Json, what: &str) -> Result<&'a Map<String, Json>, EndpointError> {
    json.as_object()
        .ok_or_else(|| err(format!("{what} must be an object")))
}

fn array<'a>(json: Option<&'a Json>, what: &str) -> Result<&'a [Json], EndpointError> {
    match json {
        None => Ok(&[]),
        Some(Json::Array(items)) => Ok(items),
        Some(_) => Err(err(format!("{what} must be an array"))),
    }
}

impl RuleSetAst {
    pub(crate) fn parse(text: &str) -> Result<Self, EndpointError> {
        let json: Json = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
        let root = object(&json, "the document")?;
        let parameters = match root.get("parameters") {
            None => Vec::new(),
            Some(params) => object(params, "parameters")?
                .iter()
                .map(|(name, p)| parse_parameter(name, p))
                .collect::<Result<_, _>>()?,
        };
        let rules = parse_rules(root.get("rules"))?;
        Ok(Self { parameters, rules })
    }
}

fn parse_parameter(name: &str, json: &Json) -> Result<Parameter, EndpointError> {
    let p = object(json, "a parameter")?;
    let ty = match p.get("type").and_then(Json::as_str) {
        Some(t) if t.eq_ignore_ascii_case("string") => ParamType::String,
        Some(t) if t.eq_ignore_ascii_case("boolean") => ParamType::Boolean,
        Some(t) if t.eq_ignore_ascii_case("stringArray") => ParamType::StringArray,
        other => {
            return Err(err(format!(
                "parameter `{name}` has unsupported type {other:?}"
            )))
        }
    };
    let default = p.get("default").and_then(Value::from_json);
    Ok(Parameter {
        name: name.to_owned(),
        ty,
        built_in: p.get("builtIn").and_then(Json::as_str).map(str::to_owned),
        required: p.get("required").and_then(Json::as_bool).unwrap_or(false),
        default,
    })
}

fn parse_rules(json: Option<&Json>) -> Result<Vec<Rule>, EndpointError> {
    array(json, "rules")?.iter().map(parse_rule).collect()
}

fn parse_rule(json: &Json) -> Result<Rule, EndpointError> {
    let r = object(json, "a rule")?;
    let conditions = array(r.get("conditions"), "conditions")?
        .iter()
        .map(parse_condition)
        .collect::<Result<_, _>>()?;
    let kind = match r.get("type").and_then(Json::as_str) {
        Some("endpoint") => {
            let e = object(
                r.get("endpoint")
                    .ok_or_else(|| err("an endpoint rule has no `endpoint`"))?,
                "endpoint",
            )?;
            let url = parse_expr(
                e.get("url")
                    .ok_or_else(|| err("an endpoint has no `url`"))?,
            )?;
            let headers = match e.get("headers") {
                None => Vec::new(),
                Some(h) => object(h, "endpoint headers")?
                    .iter()
                    .map(|(name, values)| {
                        let values = array(Some(values), "header values")?
                            .iter()
                            .map(parse_expr)
                            .collect::<Result<_, _>>()?;
                        Ok((name.clone(), values))
                    })
                    .collect::<Result<_, EndpointError>>()?,
            };
            let properties = match e.get("properties") {
                None => Vec::new(),
                Some(p) => object(p, "endpoint properties")?
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), parse_expr(v)?)))
                    .collect::<Result<_, EndpointError>>()?,
            };
            RuleKind::Endpoint {
                url,
                headers,
                properties,
            }
        }
        Some("error") => RuleKind::Error(parse_expr(
            r.get("error")
                .ok_or_else(|| err("an error rule has no `error`"))?,
        )?),
        Some("tree") => RuleKind::Tree(parse_rules(r.get("rules"))?),
        other => return Err(err(format!("unknown rule type {other:?}"))),
    };
    Ok(Rule { conditions, kind })
}

fn parse_condition(json: &Json) -> Result<Condition, EndpointError> {
    let c = object(json, "a condition")?;
    if !c.contains_key("fn") {
        return Err(err("a condition must be a function call"));
    }
    Ok(Condition {
        expr: parse_expr(json)?,
        assign: c.get("assign").and_then(Json::as_str).map(str::to_owned),
    })
}

fn parse_expr(json: &Json) -> Result<Expr, EndpointError> {
    Ok(match json {
        Json::String(s) => Expr::Template(Template::parse(s)?),
        Json::Bool(b) => Expr::Bool(*b),
        Json::Number(n) => Expr::Int(
            n.as_i64()
                .ok_or_else(|| err(format!("unsupported number {n}")))?,
        ),
        Json::Array(items) => Expr::Array(items.iter().map(parse_expr).collect::<Result<_, _>>()?),
        Json::Null => return Err(err("null is not an expression")),
        Json::Object(map) => {
            if let Some(name) = map.get("ref") {
                let name = name.as_str().ok_or_else(|| err("`ref` must be a string"))?;
                Expr::Ref(name.to_owned())
            } else if let Some(name) = map.get("fn") {
                let name = name.as_str().ok_or_else(|| err("`fn` must be a string"))?;
                let args = array(map.get("argv"), "argv")?
                    .iter()
                    .map(parse_expr)
                    .collect::<Result<_, _>>()?;
                Expr::Call {
                    name: name.to_owned(),
                    args,
                }
            } else {
                Expr::Object(
                    map.iter()
                        .map(|(k, v)| Ok((k.clone(), parse_expr(v)?)))
                        .collect::<Result<_, EndpointError>>()?,
                )
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_finspace_rule_set() {
        let ast = RuleSetAst::parse(include_str!(
            "../../../model/finspace-data/2020-07-13/endpoint-rule-set-1.json"
        ))
        .unwrap();
        let mut names: Vec<_> = ast.parameters.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Endpoint", "Region", "UseDualStack", "UseFIPS"]);
        let fips = ast.parameters.iter().find(|p| p.name == "UseFIPS").unwrap();
        assert_eq!(fips.built_in.as_deref(), Some("AWS::UseFIPS"));
        assert!(fips.required);
        assert_eq!(fips.default, Some(Value::Bool(false)));
        assert_eq!(ast.rules.len(), 3);
        assert!(matches!(ast.rules[2].kind, RuleKind::Error(_)));
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in [
            "",
            "[]",
            r#"{"rules": {}}"#,
            r#"{"rules": [{"type": "weird", "conditions": []}]}"#,
            r#"{"rules": [{"type": "error", "conditions": [{"ref": "x"}], "error": "e"}]}"#,
            r#"{"rules": [{"type": "endpoint", "conditions": []}]}"#,
            r#"{"parameters": {"A": {"type": "float"}}, "rules": []}"#,
            r#"{"rules": [{"type": "error", "conditions": [], "error": "{unclosed"}]}"#,
        ] {
            assert!(RuleSetAst::parse(bad).is_err(), "{bad}");
        }
    }
}
