//! `cargo xtask bench`: the figures behind Derek's speed and size targets, printed
//! for people to read. Nothing here fails on a slow machine.

use crate::setup::run as sh;
use crate::{build, e2e, root, serve, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

pub fn run() -> Result {
    println!("xtask: ── native benches (cargo bench)");
    sh("cargo", &["bench", "--package", "derek"])?;

    println!("xtask: ── sizes of what a visitor downloads");
    let dist = build::dist()?;
    for file in ["pkg/derek_bg.wasm", "pkg/derek.js", "derek-element.js"] {
        let (raw, gzipped) = sizes(&dist.join(file))?;
        println!("size: {file:<20} {raw:>9} B raw  {gzipped:>8} B gzipped");
    }
    let reports: u64 = std::fs::read_dir(root().join("data/reports"))
        .map_err(|e| format!("cannot list data/reports: {e}"))?
        .filter_map(|entry| entry.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| e.metadata().ok().map(|m| m.len()))
        .sum();
    println!("size: of which bundled report text {reports} B raw");

    println!("xtask: ── in-browser timings (headless Chromium)");
    let base = serve::spawn(vec![
        ("/test/".to_string(), root().join("tests/pages")),
        ("/".to_string(), dist),
    ])?;
    let timings = e2e::measure_page(&format!("{base}/test/bench.html"), "window.derekBench")?;
    if let Some(map) = timings.as_object() {
        for (key, value) in map {
            println!("browser: {key:<24} {value}");
        }
    }
    Ok(())
}

fn sizes(file: &Path) -> Result<(usize, usize)> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&bytes)
        .and_then(|()| gz.finish())
        .map(|g| (bytes.len(), g.len()))
        .map_err(|e| format!("cannot gzip {}: {e}", file.display()))
}
