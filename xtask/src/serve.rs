//! A static file server for the widget, on loopback only.

use crate::{build, root, Result};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;
use tiny_http::{Header, Response, Server};

/// `cargo xtask serve`: builds the wasm, then serves `www/` with `pkg/` at `/pkg/`.
pub fn run(port: u16) -> Result {
    build::wasm()?;
    let pdfjs = crate::vendor::pdfjs()?;
    let server = listen(port)
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port} ({e}): try --port N"))?;
    println!("xtask: serving Derek on http://127.0.0.1:{port}/ (Ctrl-C stops)");
    let mounts = vec![
        ("/pkg/".to_string(), root().join("pkg")),
        ("/vendor/pdfjs/".to_string(), pdfjs.join("build")),
        ("/".to_string(), root().join("www")),
    ];
    handle(Arc::new(server), Arc::new(mounts));
    Ok(())
}

/// Serves folders at URL prefixes (longest first) on a free loopback port, in
/// background threads; returns the base URL.
pub fn spawn(mounts: Vec<(String, PathBuf)>) -> Result<String> {
    let server = listen(0).map_err(|e| format!("cannot listen: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or("the server has no IP address")?;
    let mounts = Arc::new(mounts);
    let server = Arc::new(server);
    thread::spawn(move || handle(server, mounts));
    Ok(format!("http://127.0.0.1:{port}"))
}

/// A server on loopback whose connections send small responses at once.
///
/// tiny_http writes a response's headers and its body as two TCP segments; with
/// Nagle's algorithm on, the body waits for the browser's delayed ACK of the
/// headers, 40 ms on Linux, on every reused connection: each of the element's
/// small modules took 30-50 ms to arrive, which `cargo xtask bench` counted
/// against Derek. Accepted sockets inherit TCP_NODELAY from the listener.
fn listen(port: u16) -> std::result::Result<Server, String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    socket2::SockRef::from(&listener)
        .set_tcp_nodelay(true)
        .map_err(|e| e.to_string())?;
    Server::from_listener(listener, None).map_err(|e| e.to_string())
}

/// Every request served, as `METHOD URL`: tests read it to show what a page asked.
static REQUESTS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// The requests served so far by every server of this process.
pub fn requests() -> Vec<String> {
    REQUESTS.lock().map(|log| log.clone()).unwrap_or_default()
}

fn handle(server: Arc<Server>, mounts: Arc<Vec<(String, PathBuf)>>) {
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let server = Arc::clone(&server);
            let mounts = Arc::clone(&mounts);
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    if let Ok(mut log) = REQUESTS.lock() {
                        log.push(format!("{} {}", request.method(), request.url()));
                    }
                    let response = respond(request.url(), &mounts);
                    // A client that went away is not the server's problem.
                    let _ = request.respond(response);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
}

fn respond(url: &str, mounts: &[(String, PathBuf)]) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let file = mounts.iter().find_map(|(prefix, dir)| {
        let rest = path.strip_prefix(prefix.as_str())?;
        let rest = if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest.to_string()
        };
        let relative = Path::new(&rest);
        // Only plain names: no "..", no absolute paths escaping the folder.
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let full = dir.join(relative);
        full.is_file().then_some(full)
    });
    let file = file.and_then(|f| fs::read(&f).ok().map(|bytes| (f, bytes)));
    match file.map(|(f, bytes)| {
        let bytes = build::localise(&f, bytes);
        (f, bytes)
    }) {
        Some((file, bytes)) => {
            let mut response = Response::from_data(bytes);
            if let Ok(header) = Header::from_bytes("Content-Type", content_type(&file)) {
                response.add_header(header);
            }
            if let Ok(header) = Header::from_bytes("Cache-Control", "no-cache") {
                response.add_header(header);
            }
            response
        }
        None => Response::from_string("not found").with_status_code(404),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}
