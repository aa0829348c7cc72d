//! A small recording HTTP/1.1 server on 127.0.0.1 for behaviour tests of the generated client,
//! and a minimal HTTP/1.1 transport for builds without the `default-https-client` feature.
//!
//! [`Server`] binds port 0, accepts connections on a thread (one thread per connection, at
//! most [`MAX_CONNECTIONS`]), keeps connections alive across requests, reads `Content-Length`
//! bodies, records every request exactly as it arrived ([`RecordedRequest`]: method, raw
//! target, headers in wire order, body bytes) and answers from a script of [`Response`]s,
//! `200` with `{}` once the script is empty. Dropping the server shuts every connection down
//! and joins its threads. Nothing here reaches beyond loopback.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// Most connections one server accepts over its life; later ones are closed at once.
pub const MAX_CONNECTIONS: usize = 64;
/// Largest request head (request line and headers) read, in bytes.
const MAX_HEAD: usize = 64 * 1024;
/// Largest request body read, in bytes.
const MAX_BODY: usize = 8 * 1024 * 1024;
/// An idle connection is closed after this long without a request.
const IDLE: Duration = Duration::from_secs(30);

/// One request as the server received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method, e.g. `POST`.
    pub method: String,
    /// The request target exactly as sent: raw path and query, still percent-encoded.
    pub target: String,
    /// The headers in wire order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The raw path (the target up to `?`).
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The raw query string (after `?`), empty when there is none.
    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    /// The first value of the header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of the header `name` (case-insensitive), in order.
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The header names, lower-cased, in wire order.
    pub fn header_names(&self) -> Vec<String> {
        self.headers
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect()
    }

    /// The body as text (lossy UTF-8).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One scripted answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// Headers to send (a `Content-Length` is added unless one is given).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with this status and body and no headers.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A JSON response (`Content-Type: application/json`).
    pub fn json(status: u16, body: &str) -> Self {
        Self::new(status, body).header("Content-Type", "application/json")
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

#[derive(Default)]
struct State {
    requests: Vec<RecordedRequest>,
    script: VecDeque<Response>,
    connections: usize,
}

struct Shared {
    state: Mutex<State>,
    stop: AtomicBool,
    streams: Mutex<Vec<TcpStream>>,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The recording server. See the module docs.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server with an empty script (every request gets `200 {}`).
    pub fn start() -> Self {
        Self::with_script(Vec::new())
    }

    /// Starts a server that answers with `script`, in order, then `200 {}`.
    pub fn with_script(script: impl IntoIterator<Item = Response>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                script: script.into_iter().collect(),
                ..State::default()
            }),
            stop: AtomicBool::new(false),
            streams: Mutex::new(Vec::new()),
            workers: Mutex::new(Vec::new()),
        });
        let acceptor = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || accept_loop(listener, shared))
        };
        Self {
            addr,
            shared,
            acceptor: Some(acceptor),
        }
    }

    /// `http://127.0.0.1:PORT`, for `Config::builder().endpoint_url(..)`.
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `127.0.0.1:PORT`, the `Host` a client sends.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Queues a response after those already scripted.
    pub fn push(&self, response: Response) {
        self.shared.lock().script.push_back(response);
    }

    /// The requests received so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// How many requests were received.
    pub fn request_count(&self) -> usize {
        self.shared.lock().requests.len()
    }

    /// How many connections were accepted.
    pub fn connection_count(&self) -> usize {
        self.shared.lock().connections
    }

    /// Forgets the recorded requests (the script is kept).
    pub fn clear(&self) {
        self.shared.lock().requests.clear();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the acceptor, which is blocked in accept().
        let _ = TcpStream::connect(self.addr);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        for stream in self
            .shared
            .streams
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            let _ = stream.shutdown(Shutdown::Both);
        }
        let workers: Vec<_> = self
            .shared
            .workers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
            .collect();
        for worker in workers {
            let _ = worker.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        {
            let mut state = shared.lock();
            if state.connections >= MAX_CONNECTIONS {
                let _ = stream.shutdown(Shutdown::Both);
                continue;
            }
            state.connections += 1;
        }
        let _ = stream.set_read_timeout(Some(IDLE));
        if let Ok(clone) = stream.try_clone() {
            shared
                .streams
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(clone);
        }
        let worker = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || serve_connection(stream, &shared))
        };
        shared
            .workers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(worker);
    }
}

/// Serves requests on one connection until the peer closes it, asks to close, sends
/// something unreadable, or the server stops; then shuts the socket down (the server keeps a
/// handle to every connection, so dropping this one would not close it).
fn serve_connection(stream: TcpStream, shared: &Shared) {
    let Ok(mut writer) = stream.try_clone() else {
        let _ = stream.shutdown(Shutdown::Both);
        return;
    };
    serve_requests(BufReader::new(stream), &mut writer, shared);
    let _ = writer.shutdown(Shutdown::Both);
}

fn serve_requests(mut reader: BufReader<TcpStream>, writer: &mut TcpStream, shared: &Shared) {
    while !shared.stop.load(Ordering::SeqCst) {
        let request = match read_request(&mut reader) {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(why) => {
                let _ = write_response(writer, &Response::new(400, why), true);
                return;
            }
        };
        let close = request
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let chunked = request.header("transfer-encoding").is_some();
        let response = {
            let mut state = shared.lock();
            state.requests.push(request);
            if chunked {
                Response::new(501, "the loopback server reads Content-Length bodies only")
            } else {
                state
                    .script
                    .pop_front()
                    .unwrap_or_else(|| Response::json(200, "{}"))
            }
        };
        if write_response(writer, &response, close || chunked).is_err() || close || chunked {
            return;
        }
    }
}

/// Reads one request; `Ok(None)` when the connection closed cleanly before one started.
fn read_request(reader: &mut impl BufRead) -> Result<Option<RecordedRequest>, String> {
    let mut head_len = 0;
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<usize, String> {
        line.clear();
        let n = reader
            .by_ref()
            .take((MAX_HEAD - head_len) as u64 + 1)
            .read_line(line)
            .map_err(|e| format!("read error: {e}"))?;
        head_len += n;
        if head_len > MAX_HEAD {
            return Err("request head too large".to_owned());
        }
        Ok(n)
    };
    // Tolerate empty lines between requests (RFC 9112 section 2.2).
    loop {
        if read_line(&mut line)? == 0 {
            return Ok(None);
        }
        if !line.trim_end_matches(['\r', '\n']).is_empty() {
            break;
        }
    }
    let request_line = line.trim_end_matches(['\r', '\n']).to_owned();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("malformed request line {request_line:?}"));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(format!("unsupported version {version:?}"));
    }
    let mut headers = Vec::new();
    loop {
        if read_line(&mut line)? == 0 {
            return Err("connection closed inside the request head".to_owned());
        }
        let text = line.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        let (name, value) = text
            .split_once(':')
            .ok_or_else(|| format!("malformed header line {text:?}"))?;
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let mut request = RecordedRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: Vec::new(),
    };
    if let Some(len) = request.header("content-length") {
        let len: usize = len
            .parse()
            .map_err(|_| format!("bad content-length {len:?}"))?;
        if len > MAX_BODY {
            return Err("request body too large".to_owned());
        }
        request.body = vec![0; len];
        reader
            .read_exact(&mut request.body)
            .map_err(|e| format!("short body: {e}"))?;
    }
    Ok(Some(request))
}

fn write_response(
    writer: &mut impl Write,
    response: &Response,
    close: bool,
) -> std::io::Result<()> {
    let reason = http::StatusCode::from_u16(response.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Status");
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", response.status);
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let has_length = response
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-length"));
    if !has_length {
        head.push_str(&format!("content-length: {}\r\n", response.body.len()));
    }
    if close {
        head.push_str("connection: close\r\n");
    }
    head.push_str("\r\n");
    writer.write_all(head.as_bytes())?;
    writer.write_all(&response.body)?;
    writer.flush()
}

/// A minimal HTTP/1.1 transport for the runtime's `FnHttpClient`, used when the
/// `default-https-client` feature is off: one connection per request, the request written
/// exactly as the runtime built it (request line from the URI's path and query, its headers
/// in order, its body), the response read up to its `Content-Length` (or to EOF without one). Plain `http://` only.
pub fn http_client() -> sdk_runtime::FnHttpClient {
    sdk_runtime::FnHttpClient::new(|request: sdk_runtime::HttpRequest| async move {
        send(request).await.map_err(sdk_runtime::ConnectorError::io)
    })
}

async fn send(request: sdk_runtime::HttpRequest) -> std::io::Result<sdk_runtime::HttpResponse> {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
    let invalid = |why: String| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
    let uri = request.uri();
    if uri.scheme_str() != Some("http") {
        return Err(invalid(format!("only http:// is supported, not {uri}")));
    }
    let authority = uri
        .authority()
        .ok_or_else(|| invalid(format!("no host in {uri}")))?
        .as_str()
        .to_owned();
    let target = uri
        .path_and_query()
        .map_or("/", |pq| pq.as_str())
        .to_owned();
    let mut head = format!("{} {target} HTTP/1.1\r\n", request.method());
    for (name, value) in request.headers() {
        let value = value
            .to_str()
            .map_err(|_| invalid(format!("header {name} is not visible ASCII")))?;
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = tokio::net::TcpStream::connect(&authority).await?;
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(request.body()).await?;
    stream.flush().await?;

    let mut reader = tokio::io::BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| invalid(format!("malformed status line {line:?}")))?;
    let mut builder = http::Response::builder().status(status);
    let mut length = None;
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            return Err(invalid("connection closed inside the response head".into()));
        }
        let text = line.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        let (name, value) = text
            .split_once(':')
            .ok_or_else(|| invalid(format!("malformed header line {text:?}")))?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse::<usize>()
                    .map_err(|_| invalid(format!("bad content-length {value:?}")))?,
            );
        }
        builder = builder.header(name, value);
    }
    let mut body = Vec::new();
    match length {
        Some(len) => {
            body.resize(len, 0);
            reader.read_exact(&mut body).await?;
        }
        None => {
            reader.read_to_end(&mut body).await?;
        }
    }
    builder
        .body(bytes::Bytes::from(body))
        .map_err(|e| invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_response(reader: &mut impl BufRead) -> (u16, Vec<u8>) {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let status = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut length = 0;
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            let text = line.trim_end();
            if text.is_empty() {
                break;
            }
            if let Some(v) = text.strip_prefix("content-length: ") {
                length = v.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        (status, body)
    }

    #[test]
    fn records_several_requests_on_one_connection_and_follows_the_script() {
        let server = Server::with_script([Response::json(503, "{\"a\":1}").header("x-b", "c")]);
        let mut stream = TcpStream::connect(server.addr).unwrap();
        stream
            .write_all(
                b"POST /p%20q?x=1&y=%2F HTTP/1.1\r\nHost: h\r\nX-Two: 1\r\nx-two: 2\r\n\
                  Content-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: h\r\n\r\n",
            )
            .unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        assert_eq!(read_response(&mut reader), (503, b"{\"a\":1}".to_vec()));
        assert_eq!(read_response(&mut reader), (200, b"{}".to_vec()));
        let requests = server.requests();
        assert_eq!(requests.len(), 2);
        let first = &requests[0];
        assert_eq!(first.method, "POST");
        assert_eq!((first.path(), first.query()), ("/p%20q", "x=1&y=%2F"));
        assert_eq!(first.header_all("x-two"), ["1", "2"]);
        assert_eq!(
            first.header_names(),
            ["host", "x-two", "x-two", "content-length"]
        );
        assert_eq!(first.body, b"hello");
        assert_eq!(
            (requests[1].method.as_str(), requests[1].query()),
            ("GET", "")
        );
        assert_eq!(server.connection_count(), 1);
    }

    #[test]
    fn dropping_the_server_closes_its_connections_and_port() {
        let server = Server::start();
        let addr = server.addr;
        let idle = TcpStream::connect(addr).unwrap();
        // Wait until the server has taken the connection, without timing anything.
        let mut probe = TcpStream::connect(addr).unwrap();
        // A safety net so a regression fails instead of hanging; nothing is timed.
        probe.set_read_timeout(Some(IDLE)).unwrap();
        idle.set_read_timeout(Some(IDLE)).unwrap();
        probe
            .write_all(b"GET / HTTP/1.1\r\nconnection: close\r\n\r\n")
            .unwrap();
        let mut text = String::new();
        probe.read_to_string(&mut text).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK"), "{text}");
        drop(server);
        let mut buf = [0u8; 1];
        assert_eq!((&idle).read(&mut buf).unwrap_or(0), 0, "closed");
        assert!(TcpStream::connect(addr).is_err(), "port released");
    }
}
