//! The crate's entry points: `Client` (constructors and `send_input`), the `config` and
//! `error` modules (re-exports of the runtime), the `operation` module index with the sealed
//! `SendInput` trait, and the service metadata with its endpoint rules.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::op_names;
use crate::error::CodegenError;
use crate::ir::Service;
use crate::GenerateOptions;

/// `src/client.rs`.
pub fn client_rs(svc: &Service) -> TokenStream {
    let title = &svc.meta.service_id;
    let doc = super::docs::doc_attrs(
        &format!(
            "Client for {title}. Cheap to clone (the state is shared behind an `Arc`), `Send + Sync`,\n\
             and reuses connections across calls. One method per operation returns a fluent builder."
        ),
        "",
    );
    quote! {
        //! The service client.

        use std::sync::Arc;

        #doc
        #[derive(Clone, Debug)]
        pub struct Client {
            pub(crate) handle: Arc<sdk_runtime::ClientHandle>,
        }

        impl Client {
            /// Creates a client from an explicit [`Config`](crate::Config).
            pub fn from_conf(config: crate::Config) -> Self {
                Client { handle: Arc::new(sdk_runtime::ClientHandle::new(config, &crate::config::SERVICE)) }
            }

            /// Creates a client from shared AWS configuration (`aws_types::SdkConfig`), as loaded
            /// by `aws_config::load_defaults` (features `aws-config` or `aws-types`).
            #[cfg(feature = "aws-types")]
            pub fn new(sdk_config: &sdk_runtime::aws_types::SdkConfig) -> Self {
                Self::from_conf(crate::Config::from_sdk_config(sdk_config))
            }

            /// Creates a client from the environment: the standard AWS region and credential
            /// chain (environment, profiles, SSO, container and instance metadata).
            #[cfg(feature = "aws-config")]
            pub async fn from_env() -> Self {
                Self::from_conf(crate::Config::load_from_env().await)
            }

            /// Creates a client from the environment: region from `AWS_REGION` and credentials
            /// from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (the
            /// `aws-config` feature is off, so no other source is consulted).
            #[cfg(not(feature = "aws-config"))]
            pub async fn from_env() -> Self {
                Self::from_conf(crate::Config::from_env())
            }

            /// The configuration this client uses.
            pub fn config(&self) -> &crate::Config {
                self.handle.config()
            }

            /// Sends a request built as a struct (any operation's input type from `types`, made
            /// with its builder), for callers that prefer building the input themselves.
            /// Required members are checked before anything is sent.
            pub async fn send_input<I: crate::operation::SendInput>(
                &self,
                input: I,
            ) -> Result<I::Output, crate::error::Error<I::Error>> {
                input.send_with(&self.handle).await
            }
        }
    }
}

/// `src/config.rs`.
pub fn config_rs(svc: &Service, opts: &GenerateOptions) -> TokenStream {
    let service_id = &svc.meta.service_id;
    let signing_name = &svc.meta.signing_name;
    let api_version = &svc.meta.api_version;
    let sdk_name = &opts.crate_name;
    let rules = svc.endpoint_rule_set.clone().unwrap_or_default();
    let partitions = svc.partitions.clone().unwrap_or_default();
    quote! {
        //! Client configuration: region, credentials, endpoint, retries, timeouts and the HTTP
        //! client. The types live in the runtime crate and are re-exported here.

        pub use sdk_runtime::config::{Config, ConfigBuilder, RetryConfig, TimeoutConfig};
        pub use sdk_runtime::http_client::HttpClient;

        /// What the runtime needs to know about this service: names, signing, endpoint rules.
        pub(crate) static SERVICE: sdk_runtime::ServiceMeta = sdk_runtime::ServiceMeta {
            service_id: #service_id,
            signing_name: #signing_name,
            api_version: #api_version,
            sdk_name: #sdk_name,
            sdk_version: env!("CARGO_PKG_VERSION"),
            endpoint_rule_set: #rules,
            partitions: #partitions,
        };
    }
}

/// `src/error.rs`.
pub fn error_rs() -> TokenStream {
    quote! {
        //! Errors: every operation returns `Result<Output, Error<OperationError>>`. [`Error`]
        //! separates service errors (with the operation's typed error inside) from construction,
        //! timeout, transport and response-parse failures.

        pub use sdk_runtime::error::{
            ConstructionError, ConstructionErrorKind, Error, ErrorMetadata, PaginationError,
            ProvideErrorMetadata, ResponseParseError, ServiceError, TimeoutError, TimeoutKind,
            TransportError, UnhandledError,
        };
    }
}

/// `src/operation/mod.rs`.
pub fn operation_mod(svc: &Service) -> Result<TokenStream, CodegenError> {
    let mut mods = Vec::new();
    for op in &svc.operations {
        let n = op_names(svc, op)?;
        let m = n.module;
        let doc = format!(" The `{}` operation.", op.name);
        mods.push(quote! {
            #[doc = #doc]
            pub mod #m;
        });
    }
    Ok(quote! {
        //! One module per operation: its fluent builder and error type.

        #(#mods)*

        /// Inputs that [`Client::send_input`](crate::Client::send_input) accepts: every
        /// operation's request structure. Sealed; implemented by the generated code only.
        pub trait SendInput: sealed::Sealed + Send + 'static {
            /// The operation's output.
            type Output;
            /// The operation's error type.
            type Error;
            /// Sends `self` through `handle`.
            #[doc(hidden)]
            fn send_with(
                self,
                handle: &sdk_runtime::ClientHandle,
            ) -> impl std::future::Future<Output = Result<Self::Output, crate::error::Error<Self::Error>>> + Send;
        }

        pub(crate) mod sealed {
            pub trait Sealed {}
        }
    })
}
