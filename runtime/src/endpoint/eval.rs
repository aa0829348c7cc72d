//! Evaluates a parsed rule set: conditions in order with `assign` bindings scoped to their
//! rule, the first matching rule wins, a matching tree rule is terminal.

use super::ast::{Condition, Expr, Rule, RuleKind};
use super::functions;
use super::partition::Partitions;
use super::template::{Part, Template};
use super::value::Value;
use super::{Endpoint, EndpointError};
use std::collections::BTreeMap;

/// Evaluation state: the partitions and the names in scope (parameters, then assignments).
pub(crate) struct Evaluator<'a> {
    partitions: &'a Partitions,
    scope: Vec<(String, Value)>,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(partitions: &'a Partitions, params: Vec<(String, Value)>) -> Self {
        Self {
            partitions,
            scope: params,
        }
    }

    /// Runs the rules: an endpoint, or the error of a matching error rule, or an error when
    /// nothing matched.
    pub(crate) fn run(mut self, rules: &[Rule]) -> Result<Endpoint, EndpointError> {
        match self.rules(rules)? {
            Some(endpoint) => Ok(endpoint),
            None => Err(EndpointError::new(
                "no endpoint rule matched the configuration",
            )),
        }
    }

    fn lookup(&self, name: &str) -> Option<&Value> {
        self.scope
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    fn rules(&mut self, rules: &[Rule]) -> Result<Option<Endpoint>, EndpointError> {
        for rule in rules {
            let mark = self.scope.len();
            let outcome = if self.conditions_hold(&rule.conditions)? {
                match &rule.kind {
                    RuleKind::Endpoint {
                        url,
                        headers,
                        properties,
                    } => Some(self.endpoint(url, headers, properties)),
                    RuleKind::Error(message) => {
                        let message = self.eval_string(message, "error message")?;
                        Some(Err(EndpointError::new(message)))
                    }
                    RuleKind::Tree(children) => Some(match self.rules(children)? {
                        Some(endpoint) => Ok(endpoint),
                        None => Err(EndpointError::new(
                            "no endpoint rule matched the configuration (tree rule exhausted)",
                        )),
                    }),
                }
            } else {
                None
            };
            self.scope.truncate(mark);
            if let Some(outcome) = outcome {
                return outcome.map(Some);
            }
        }
        Ok(None)
    }

    fn conditions_hold(&mut self, conditions: &[Condition]) -> Result<bool, EndpointError> {
        for condition in conditions {
            let value = self.eval(&condition.expr)?;
            match value {
                None | Some(Value::Bool(false)) => return Ok(false),
                Some(value) => {
                    if let Some(name) = &condition.assign {
                        self.scope.push((name.clone(), value));
                    }
                }
            }
        }
        Ok(true)
    }

    fn endpoint(
        &self,
        url: &Expr,
        headers: &[(String, Vec<Expr>)],
        properties: &[(String, Expr)],
    ) -> Result<Endpoint, EndpointError> {
        let url = self.eval_string(url, "endpoint url")?;
        let headers = headers
            .iter()
            .map(|(name, values)| {
                let values = values
                    .iter()
                    .map(|v| self.eval_string(v, "endpoint header"))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((name.clone(), values))
            })
            .collect::<Result<Vec<_>, EndpointError>>()?;
        let properties = properties
            .iter()
            .filter_map(|(name, expr)| match self.eval(expr) {
                Ok(Some(v)) => Some(Ok((name.clone(), v))),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<BTreeMap<_, _>, _>>()?;
        Ok(Endpoint::new(url, headers, properties))
    }

    fn eval_string(&self, expr: &Expr, what: &str) -> Result<String, EndpointError> {
        match self.eval(expr)? {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(EndpointError::new(format!(
                "{what} must be a string, got a {}",
                other.type_name()
            ))),
            None => Err(EndpointError::new(format!("{what} is unset"))),
        }
    }

    fn eval(&self, expr: &Expr) -> Result<Option<Value>, EndpointError> {
        Ok(match expr {
            Expr::Template(t) => Some(Value::String(self.template(t)?)),
            Expr::Bool(b) => Some(Value::Bool(*b)),
            Expr::Int(i) => Some(Value::Int(*i)),
            Expr::Array(items) => Some(Value::Array(
                items
                    .iter()
                    .filter_map(|e| self.eval(e).transpose())
                    .collect::<Result<_, _>>()?,
            )),
            Expr::Object(fields) => Some(Value::Object(
                fields
                    .iter()
                    .filter_map(|(k, e)| {
                        self.eval(e).transpose().map(|v| v.map(|v| (k.clone(), v)))
                    })
                    .collect::<Result<_, _>>()?,
            )),
            Expr::Ref(name) => self.lookup(name).cloned(),
            Expr::Call { name, args } => {
                let args = args
                    .iter()
                    .map(|a| self.eval(a))
                    .collect::<Result<Vec<_>, _>>()?;
                functions::call(name, args, self.partitions)?
            }
        })
    }

    fn template(&self, template: &Template) -> Result<String, EndpointError> {
        let mut out = String::new();
        for part in &template.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Ref { name, path } => {
                    let value = self.lookup(name).ok_or_else(|| {
                        EndpointError::new(format!("template refers to unset value `{name}`"))
                    })?;
                    let value = match path {
                        None => Some(value.clone()),
                        Some(path) => functions::get_attr(value, path)?,
                    };
                    match value {
                        Some(Value::String(s)) => out.push_str(&s),
                        Some(Value::Bool(b)) => out.push_str(if b { "true" } else { "false" }),
                        Some(Value::Int(i)) => out.push_str(&i.to_string()),
                        _ => {
                            return Err(EndpointError::new(format!(
                                "template value `{name}` is unset or not a string"
                            )))
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}
