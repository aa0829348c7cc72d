//! `Config::load_from_env` hands aws-config this crate's transport: the container (ECS)
//! credentials provider fetches its credentials from a loopback server through `HyperClient`.
//! A file of its own because it sets process-wide environment variables.
#![cfg(all(feature = "aws-config", feature = "default-https-client"))]

use aws_credential_types::provider::ProvideCredentials;
use std::io::{Read, Write};
use std::net::TcpListener;

#[tokio::test]
async fn container_credentials_arrive_through_our_transport() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = vec![0u8; 4096];
        let n = stream.read(&mut request).unwrap();
        let body = r#"{"AccessKeyId":"AKIDECS","SecretAccessKey":"SECRET","Token":"TOKEN","Expiration":"2099-01-01T00:00:00Z"}"#;
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).unwrap();
        String::from_utf8_lossy(&request[..n]).into_owned()
    });

    let missing = std::env::temp_dir().join("sdk-runtime-no-such-aws-file");
    for name in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    ] {
        std::env::remove_var(name);
    }
    std::env::set_var("AWS_CONFIG_FILE", &missing);
    std::env::set_var("AWS_SHARED_CREDENTIALS_FILE", &missing);
    std::env::set_var("AWS_REGION", "us-east-1");
    std::env::set_var(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        format!("http://{addr}/creds"),
    );

    let config = sdk_runtime::Config::load_from_env().await;
    let provider = config.credentials_provider().expect("a credentials chain");
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "AKIDECS");
    assert_eq!(credentials.session_token(), Some("TOKEN"));
    let request = server.join().unwrap();
    assert!(request.starts_with("GET /creds HTTP/1.1\r\n"), "{request}");
}
