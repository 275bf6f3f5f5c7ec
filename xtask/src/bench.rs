//! `cargo xtask bench`: the figures behind Derek's speed and size targets, printed
//! for people to read. Nothing here fails on a slow machine.

use crate::setup::run as sh;
use crate::{build, e2e, root, serve, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

/// `quick` skips the native benches (their release build takes minutes).
pub fn run(quick: bool) -> Result {
    if !quick {
        println!("xtask: ── native benches (cargo bench)");
        sh("cargo", &["bench", "--package", "derek"])?;
    }

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
    let vendor = compare_libraries()?;
    let base = serve::spawn(vec![
        ("/test/".to_string(), root().join("tests/pages")),
        ("/vendor/".to_string(), vendor.clone()),
        ("/".to_string(), dist.clone()),
    ])?;
    let timings = e2e::measure_page(&format!("{base}/test/bench.html"), "window.derekBench")?;
    if let Some(map) = timings.as_object() {
        for (key, value) in map {
            println!("browser: {key:<24} {value}");
        }
    }

    // The same series with other libraries: the README's comparison table.
    println!("xtask: ── beside other chart libraries (same page size, same series)");
    let (wasm, wasm_gz) = sizes(&dist.join("pkg/derek_bg.wasm"))?;
    let (js, js_gz) = sizes(&dist.join("pkg/derek.js"))?;
    let (el, el_gz) = sizes(&dist.join("derek-element.js"))?;
    let derek_ms = timings["time_to_first_chart_ms"]
        .as_f64()
        .unwrap_or(f64::NAN);
    println!("compare: {:<10} {:>9} B raw {:>8} B gzipped  {:>7.1} ms to first chart (reads and extracts the 5 reports first)", "derek", wasm + js + el, wasm_gz + js_gz + el_gz, derek_ms);
    for (lib, file) in [
        ("chartjs", "chart.js/dist/chart.umd.min.js"),
        ("uplot", "uplot/dist/uPlot.iife.min.js"),
    ] {
        let (raw, gz) = sizes(&vendor.join(file))?;
        let result = e2e::measure_page(
            &format!("{base}/test/compare.html?lib={lib}"),
            "window.compareBench",
        )?;
        let ms = result["time_to_first_chart_ms"]
            .as_f64()
            .unwrap_or(f64::NAN);
        println!("compare: {lib:<10} {raw:>9} B raw {gz:>8} B gzipped  {ms:>7.1} ms to first chart (data given)");
    }
    Ok(())
}

/// Chart.js and uPlot from npm, in `target/bench-compare/node_modules`, for the
/// comparison only (never shipped). Installed once.
fn compare_libraries() -> Result<std::path::PathBuf> {
    let dir = root().join("target/bench-compare");
    let modules = dir.join("node_modules");
    if !modules.join("chart.js").exists() || !modules.join("uplot").exists() {
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let prefix = dir.to_string_lossy().into_owned();
        sh(
            "npm",
            &[
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                &prefix,
                "chart.js@4.6.1",
                "uplot@1.6.32",
            ],
        )?;
    }
    Ok(modules)
}

fn sizes(file: &Path) -> Result<(usize, usize)> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&bytes)
        .and_then(|()| gz.finish())
        .map(|g| (bytes.len(), g.len()))
        .map_err(|e| format!("cannot gzip {}: {e}", file.display()))
}
