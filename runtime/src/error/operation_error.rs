//! `impl_operation_error!`: the trait impls every generated per-operation error enum shares
//! (`code`/`message`, `Display`, `std::error::Error`, `ProvideErrorMetadata`), written once
//! here instead of expanded into each operation's generated file.

/// Implements the shared behaviour of a generated operation error enum whose variants each
/// hold one modelled exception (which implements `Display`, `Error` and
/// `ProvideErrorMetadata`) plus `Unhandled(UnhandledError)`.
///
/// ```text
/// sdk_runtime::impl_operation_error!(GetUserError { ResourceNotFoundException, ValidationException });
/// ```
#[macro_export]
macro_rules! impl_operation_error {
    ($error:ident { $($variant:ident),* $(,)? }) => {
        impl $error {
            /// The error code, as sent by the service.
            pub fn code(&self) -> ::std::option::Option<&str> {
                $crate::error::ProvideErrorMetadata::code(self)
            }

            /// The error message, as sent by the service.
            pub fn message(&self) -> ::std::option::Option<&str> {
                $crate::error::ProvideErrorMetadata::message(self)
            }
        }

        impl ::std::fmt::Display for $error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $( $error::$variant(e) => ::std::fmt::Display::fmt(e, f), )*
                    $error::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
                }
            }
        }

        impl ::std::error::Error for $error {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    $( $error::$variant(e) => ::std::option::Option::Some(e), )*
                    $error::Unhandled(e) => ::std::option::Option::Some(e),
                }
            }
        }

        impl $crate::error::ProvideErrorMetadata for $error {
            fn meta(&self) -> &$crate::error::ErrorMetadata {
                match self {
                    $( $error::$variant(e) => $crate::error::ProvideErrorMetadata::meta(e), )*
                    $error::Unhandled(e) => e.meta(),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::error::{ErrorMetadata, ProvideErrorMetadata, UnhandledError};

    #[derive(Debug)]
    struct Boom(ErrorMetadata);

    impl std::fmt::Display for Boom {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("Boom: it broke")
        }
    }

    impl std::error::Error for Boom {}

    impl ProvideErrorMetadata for Boom {
        fn meta(&self) -> &ErrorMetadata {
            &self.0
        }
    }

    #[derive(Debug)]
    enum OpError {
        Boom(Boom),
        Unhandled(UnhandledError),
    }

    impl_operation_error!(OpError { Boom });

    #[test]
    fn delegates_to_the_variant() {
        let meta = ErrorMetadata::builder()
            .code("Boom")
            .message("it broke")
            .build();
        let e = OpError::Boom(Boom(meta.clone()));
        assert_eq!(e.code(), Some("Boom"));
        assert_eq!(e.message(), Some("it broke"));
        assert_eq!(e.to_string(), "Boom: it broke");
        assert!(std::error::Error::source(&e).is_some());
        let u = OpError::Unhandled(UnhandledError::new(
            ErrorMetadata::builder().code("Other").build(),
        ));
        assert_eq!(u.code(), Some("Other"));
        assert_eq!(u.meta().code(), Some("Other"));
    }
}
