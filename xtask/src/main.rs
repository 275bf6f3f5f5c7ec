//! `cargo xtask <task>`: every developer task of Derek, with nothing to install by hand.
//!
//! - `serve [--port N]`: build the wasm and serve the widget on http://127.0.0.1:8080
//! - `dist`: write a self-contained `dist/` folder for any static web server
//! - `test`: every check, native and in headless Chromium, failing on the first failure
//! - `bench`: figures for speed and size (printed, never asserted)
//! - `fuzz [--seconds N]`: every fuzz target N seconds (nightly and cargo-fuzz installed if missing)

mod bench;
mod build;
mod e2e;
mod e2e_own;
mod fuzz;
mod serve;
mod setup;
mod test;
mod vendor;

use std::path::PathBuf;
use std::process::ExitCode;

/// What went wrong in a task, said so that a person knows what to do next.
type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  serve [--port N]   build everything and serve the widget (default port 8080)
  dist               write dist/: the page, the element, the wasm and its JS
  test               install what is missing, then run every test
  e2e                only the end-to-end tests of dist/ in headless Chromium
  e2e-own            only the end-to-end tests of Add a report
  bench-pdf          time and memory to read the five reports printed as one PDF
  bench [--browser]  print figures: native benches, wasm/JS sizes, in-browser timings
                     (--browser: sizes and browser timings only)
  fuzz [--seconds N] run every fuzz target of fuzz/ for N seconds each (default 60),
                     installing nightly and cargo-fuzz if missing";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => port_arg(&args[1..]).and_then(serve::run),
        Some("dist") => build::dist().map(|dir| println!("xtask: wrote {}", dir.display())),
        Some("test") => test::run(),
        Some("bench") => bench::run(args.get(1).is_some_and(|a| a == "--browser")),
        Some("fuzz") => seconds_arg(&args[1..]).and_then(fuzz::run_all),
        Some("e2e") => e2e::run()
            .and_then(|n| Ok(n + e2e_own::run()?))
            .map(|n| println!("e2e: {n} passed, 0 failed")),
        Some("bench-pdf") => e2e_own::bench_pdf(),
        Some("e2e-own") => e2e_own::run().map(|n| println!("e2e: {n} passed, 0 failed")),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn port_arg(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("--port takes a port number, not {port:?}")),
        _ => Err(USAGE.to_string()),
    }
}

fn seconds_arg(args: &[String]) -> Result<u64> {
    match args {
        [] => Ok(60),
        [flag, n] if flag == "--seconds" => n
            .parse()
            .map_err(|_| format!("--seconds takes a whole number of seconds, not {n:?}")),
        _ => Err(format!("fuzz takes [--seconds N]\n\n{USAGE}")),
    }
}

/// The workspace root: xtask lives in `<root>/xtask`.
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
