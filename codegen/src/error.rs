//! The generator's error type. Every failure names the file, shape or construct involved so a
//! maintainer can act on it; the generator never panics on model input.

use std::fmt;
use std::path::PathBuf;

/// Why generation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodegenError {
    /// A model file could not be read.
    Io { path: PathBuf, message: String },
    /// A model file is not valid JSON of the expected shape.
    Parse { path: PathBuf, message: String },
    /// The model uses something the generator does not handle (yet).
    Unsupported { shape: String, construct: String },
    /// The model is inconsistent (for example a reference to a shape that does not exist).
    Invalid { shape: String, message: String },
    /// Generated tokens did not parse as Rust (a generator bug).
    Format { path: PathBuf, message: String },
}

impl CodegenError {
    pub(crate) fn unsupported(shape: &str, construct: impl Into<String>) -> Self {
        CodegenError::Unsupported {
            shape: shape.to_string(),
            construct: construct.into(),
        }
    }

    pub(crate) fn invalid(shape: &str, message: impl Into<String>) -> Self {
        CodegenError::Invalid {
            shape: shape.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Io { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            CodegenError::Parse { path, message } => {
                write!(f, "cannot parse {}: {message}", path.display())
            }
            CodegenError::Unsupported { shape, construct } => write!(
                f,
                "shape `{shape}` uses {construct}, which the generator does not support yet"
            ),
            CodegenError::Invalid { shape, message } => {
                write!(f, "invalid model at `{shape}`: {message}")
            }
            CodegenError::Format { path, message } => write!(
                f,
                "generated code for {} is not valid Rust (generator bug): {message}",
                path.display()
            ),
        }
    }
}

impl std::error::Error for CodegenError {}
