//! Tallies of one conformance category and the one-line summary printed per run
//! (`rest-json input: N passed, M failed, K skipped`).

use std::fmt;

/// What happened to one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The case ran and every compared part matched.
    Passed,
    /// The case ran (or could not be run) and something differed; the text says what.
    Failed(String),
    /// The case is listed in [`crate::skips`] as inapplicable; the text is the listed reason.
    Skipped(String),
}

/// One case and its outcome.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// The case id (`RestJsonAllQueryStringTypes`, `get-vanilla`, an endpoint's documentation).
    pub id: String,
    pub outcome: Outcome,
}

/// All cases of one category.
#[derive(Debug, Clone)]
pub struct Category {
    /// `rest-json input`, `rest-json output`, `endpoints` or `sigv4`.
    pub name: &'static str,
    pub cases: Vec<CaseResult>,
}

impl Category {
    /// An empty category.
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            cases: Vec::new(),
        }
    }

    /// Records one case.
    pub fn push(&mut self, id: impl Into<String>, outcome: Outcome) {
        self.cases.push(CaseResult {
            id: id.into(),
            outcome,
        });
    }

    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.cases.iter().filter(|c| f(&c.outcome)).count()
    }

    /// Cases that passed.
    pub fn passed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Passed))
    }

    /// Cases that failed.
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed(_)))
    }

    /// Cases skipped as inapplicable.
    pub fn skipped(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Skipped(_)))
    }

    /// The failed cases with what differed.
    pub fn failures(&self) -> impl Iterator<Item = (&str, &str)> {
        self.cases.iter().filter_map(|c| match &c.outcome {
            Outcome::Failed(why) => Some((c.id.as_str(), why.as_str())),
            _ => None,
        })
    }
}

/// `name: N passed, M failed, K skipped`.
impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} passed, {} failed, {} skipped",
            self.name,
            self.passed(),
            self.failed(),
            self.skipped()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line() {
        let mut c = Category::new("sigv4");
        c.push("a", Outcome::Passed);
        c.push("b", Outcome::Failed("x".into()));
        c.push("c", Outcome::Skipped("y".into()));
        c.push("d", Outcome::Passed);
        assert_eq!(c.to_string(), "sigv4: 2 passed, 1 failed, 1 skipped");
        assert_eq!(c.failures().collect::<Vec<_>>(), [("b", "x")]);
    }
}
