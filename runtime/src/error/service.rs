//! [`ServiceError`]: the service answered with an error; holds the parsed error and the raw
//! response (whose headers and body are not printed by `Debug`).

use crate::HttpResponse;
use std::fmt;

/// An error response from the service: the parsed error `E` plus the raw response.
pub struct ServiceError<E> {
    err: E,
    // Boxed so `Result<_, Error<E>>` stays small.
    raw: Box<HttpResponse>,
}

impl<E> ServiceError<E> {
    /// Pairs a parsed error with the response it came from.
    pub fn new(err: E, raw: HttpResponse) -> Self {
        Self {
            err,
            raw: Box::new(raw),
        }
    }

    /// Pairs a parsed error with a copy of the response it came from (for parsers that only
    /// borrow the response; `http::Response` is not `Clone`).
    pub fn from_response(err: E, raw: &HttpResponse) -> Self {
        Self::new(err, crate::wire::clone_response(raw))
    }

    /// The parsed error.
    pub fn err(&self) -> &E {
        &self.err
    }

    /// Unwraps the parsed error.
    pub fn into_err(self) -> E {
        self.err
    }

    /// The raw HTTP response.
    pub fn raw(&self) -> &HttpResponse {
        &self.raw
    }

    /// Splits into the parsed error and the raw response.
    pub fn into_parts(self) -> (E, HttpResponse) {
        (self.err, *self.raw)
    }

    /// Converts the parsed error, keeping the raw response.
    pub fn map<F>(self, f: impl FnOnce(E) -> F) -> ServiceError<F> {
        ServiceError {
            err: f(self.err),
            raw: self.raw,
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for ServiceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceError")
            .field("err", &self.err)
            .field("status", &self.raw.status().as_u16())
            .field("body_len", &self.raw.body().len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[test]
    fn debug_hides_body_and_headers() {
        let raw = http::Response::builder()
            .status(400)
            .header("x-secret", "s3cr3t")
            .body(Bytes::from_static(b"{\"password\":\"hunter2\"}"))
            .unwrap();
        let err = ServiceError::from_response("Oops", &raw);
        assert_eq!(err.raw().headers()["x-secret"], "s3cr3t");
        let shown = format!("{err:?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("s3cr3t"),
            "{shown}"
        );
        assert!(shown.contains("400"));
        assert_eq!(*err.err(), "Oops");
        assert_eq!(err.raw().status(), 400);
        let mapped = err.map(str::len);
        assert_eq!(mapped.into_parts().0, 4);
    }
}
