//! Loopback tests of [`HyperClient`](super::HyperClient): a plain-HTTP exchange, a refused
//! connection and an `https` URL answered by a server that does not speak TLS.

use super::*;
use std::io::{Read, Write};
use std::net::TcpListener;

/// Serves one canned response on loopback and returns what the client sent.
fn serve_once(response: &'static [u8]) -> (String, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = vec![0u8; 8192];
        let mut seen = Vec::new();
        loop {
            let n = stream.read(&mut buf).unwrap();
            seen.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&seen);
            if let Some(end) = text.find("\r\n\r\n") {
                let len = text
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if seen.len() >= end + 4 + len {
                    break;
                }
            }
            if n == 0 {
                break;
            }
        }
        stream.write_all(response).unwrap();
        String::from_utf8_lossy(&seen).into_owned()
    });
    (format!("http://{addr}"), handle)
}

#[tokio::test]
async fn sends_and_reads_over_loopback() {
    let (base, server) =
        serve_once(b"HTTP/1.1 201 Created\r\nx-amzn-RequestId: r1\r\ncontent-length: 2\r\n\r\n{}");
    let request = http::Request::builder()
        .method("POST")
        .uri(format!("{base}/a%20b?x=1"))
        .header("content-type", "application/json")
        .header("host", "signed-host.example:1234")
        .body(Bytes::from_static(b"{\"k\":1}"))
        .unwrap();
    let response = HyperClient::new().call(request).await.unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["x-amzn-requestid"], "r1");
    assert_eq!(response.body().as_ref(), b"{}");
    let seen = server.join().unwrap();
    assert!(seen.starts_with("POST /a%20b?x=1 HTTP/1.1\r\n"), "{seen}");
    assert!(seen.ends_with("{\"k\":1}"), "{seen}");
    let hosts: Vec<_> = seen
        .lines()
        .filter(|l| l.to_ascii_lowercase().starts_with("host:"))
        .collect();
    assert_eq!(hosts.len(), 1, "{seen}");
    assert!(hosts[0].ends_with("signed-host.example:1234"), "{seen}");
}

#[tokio::test]
async fn connection_refused_is_an_io_error() {
    let addr = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let request = http::Request::builder()
        .uri(format!("http://{addr}/"))
        .body(Bytes::new())
        .unwrap();
    let err = HyperClient::builder()
        .connect_timeout(Duration::from_secs(2))
        .build()
        .call(request)
        .await
        .unwrap_err();
    assert!(err.is_io(), "{err:?}");
    assert!(err.is_retryable(), "{err:?}");
}

#[tokio::test]
async fn https_to_a_plain_tcp_server_is_a_connector_error() {
    let client = HyperClient::new();
    if client.tls_error.is_some() {
        return; // no root certificates on this machine: nothing would connect
    }
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    // Reads what arrives first (a TLS ClientHello) and answers in plain HTTP.
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = vec![0u8; 8192];
        let n = stream.read(&mut buf).unwrap();
        stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
            .unwrap();
        buf[..n].to_vec()
    });
    let request = http::Request::builder()
        .uri(format!("https://{addr}/"))
        .body(Bytes::new())
        .unwrap();
    let err = client.call(request).await.unwrap_err();
    assert!(!err.to_string().is_empty(), "{err:?}");
    let hello = server.join().unwrap();
    assert_eq!(hello.first(), Some(&0x16), "not a TLS handshake record");
}
