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

    // DEREK_BENCH_DIST measures another build of dist/ (an older commit's, say)
    // with the same pages, server and browser.
    let dist = match std::env::var_os("DEREK_BENCH_DIST") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => build::dist()?,
    };
    let vendor = compare_libraries()?;
    let points = root().join("target/bench-compare/points");
    write_points(&points)?;
    // DEREK_BENCH_BEFORE adds another build of dist/ (an older commit's) to the
    // alternation, served under /before/: before and after in the same run.
    let before = std::env::var_os("DEREK_BENCH_BEFORE").map(std::path::PathBuf::from);
    let mut mounts = vec![
        ("/test/".to_string(), root().join("tests/pages")),
        ("/vendor/".to_string(), vendor.clone()),
        ("/compare/".to_string(), points),
        ("/".to_string(), dist.clone()),
    ];
    if let Some(dir) = &before {
        mounts.insert(0, ("/before/".to_string(), dir.clone()));
    }
    let base = serve::spawn(mounts)?;

    println!("xtask: ── Derek's start-up stages in the browser (tests/pages/bench.html)");
    let timings = e2e::measure_page(&format!("{base}/test/bench.html"), "window.derekBench")?;
    if let Some(map) = timings.as_object() {
        for (key, value) in map {
            println!("browser: {key:<24} {value}");
        }
    }

    // Each load in a fresh Chromium profile (nothing cached, nothing compiled),
    // the pages taking turns so that the machine's load falls on each alike.
    let mut pages = vec![
        ("derek", format!("{base}/index.html")),
        ("chartjs", format!("{base}/test/chartjs.html")),
        ("uplot", format!("{base}/test/uplot.html")),
    ];
    if before.is_some() {
        pages.push(("before", format!("{base}/before/index.html")));
    }
    let mut sizes_of: Vec<(&str, u64, u64)> = Vec::new();
    let rounds = rounds();
    for throttle in [1.0, 4.0] {
        println!(
            "xtask: ── first chart, cold, {rounds} loads each, alternated{}",
            if throttle > 1.0 {
                ", CPU throttled 4x"
            } else {
                ""
            }
        );
        let mut loads: Vec<Vec<e2e::ColdLoad>> = pages.iter().map(|_| Vec::new()).collect();
        for _ in 0..rounds {
            for ((_, url), runs) in pages.iter().zip(&mut loads) {
                runs.push(cold_load(url, throttle)?);
            }
        }
        let tag = if throttle > 1.0 { "x4" } else { "x1" };
        for ((name, _), runs) in pages.iter().zip(&loads) {
            let m = |f: fn(&e2e::ColdLoad) -> f64| median(runs.iter().map(f).collect());
            let longest = runs.iter().map(|r| r.longest_task_ms).fold(0.0, f64::max);
            let long_tasks: usize = runs.iter().map(|r| r.long_tasks).sum();
            println!(
                "first-chart {tag}: {name:<8} median {:>7.1} ms  (min {:>7.1}, max {:>7.1})  main thread {:>6.1} ms, script {:>6.1} ms  longest task {:>5.1} ms  ({long_tasks} over 50 ms in {rounds} loads)",
                m(|r| r.first_chart_ms),
                runs.iter().map(|r| r.first_chart_ms).fold(f64::INFINITY, f64::min),
                runs.iter().map(|r| r.first_chart_ms).fold(0.0, f64::max),
                m(|r| r.main_thread_ms),
                m(|r| r.script_ms),
                longest,
            );
        }
        // Derek's own start-up on the main thread: its steps' total and longest.
        let steps = &loads[0];
        println!(
            "first-chart {tag}: derek start-up steps (median of {rounds} loads): {:.0} steps, {:.1} ms on the main thread in all, longest step {:.1} ms",
            median(steps.iter().map(|r| r.steps.len() as f64).collect()),
            median(steps.iter().map(|r| r.steps.iter().sum()).collect()),
            median(steps.iter().map(|r| r.steps.iter().copied().fold(0.0, f64::max)).collect()),
        );
        // The measure: Derek's main-thread work from instantiation to the
        // first chart (start-up steps, the glance among them, the explorer's
        // first layout, the drawing), and its longest piece.
        let spent = |r: &e2e::ColdLoad, name: &str| -> f64 {
            r.before_mark
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, d)| d)
                .sum()
        };
        println!(
            "first-chart {tag}: derek main thread from instantiation to first chart (median of {rounds} loads): {:.1} ms (steps {:.1} in {:.0}, shell {:.1}, drawing {:.1}), longest piece {:.1} ms",
            median(steps.iter().map(|r| r.before_mark.iter().map(|(_, d)| d).sum()).collect()),
            median(steps.iter().map(|r| spent(r, "derek-step")).collect()),
            median(steps.iter().map(|r| r.before_mark.iter().filter(|(n, _)| n == "derek-step").count() as f64).collect()),
            median(steps.iter().map(|r| spent(r, "derek-shell")).collect()),
            median(steps.iter().map(|r| spent(r, "derek-draw")).collect()),
            median(steps.iter().map(|r| r.before_mark.iter().map(|(_, d)| *d).fold(0.0, f64::max)).collect()),
        );
        // Where Derek's time went: the median time of each mark since navigation
        // (the older dist/'s too, when there is one).
        for (name, runs) in pages.iter().map(|(name, _)| *name).zip(&loads) {
            if name == "derek" || name == "before" {
                println!(
                    "first-chart {tag}: {name} marks (median ms) {}",
                    timeline(runs)
                );
            }
        }
        let derek = median(loads[0].iter().map(|r| r.first_chart_ms).collect());
        let chartjs = median(loads[1].iter().map(|r| r.first_chart_ms).collect());
        println!(
            "first-chart {tag}: ratio derek / chartjs = {:.2} (at most 1.00 is the goal)",
            derek / chartjs
        );
        if let Some(runs) = loads.get(3) {
            let before = median(runs.iter().map(|r| r.first_chart_ms).collect());
            println!(
                "first-chart {tag}: ratio before / chartjs = {:.2}, derek / before = {:.2}",
                before / chartjs,
                derek / before
            );
        }
        if sizes_of.is_empty() {
            for ((name, _), runs) in pages.iter().zip(&loads) {
                let Some(first) = runs.first() else { continue };
                let served = match (*name, &before) {
                    ("before", Some(dir)) => dir,
                    _ => &dist,
                };
                let (raw, gz) = downloaded(&first.resources, served, &vendor, name)?;
                sizes_of.push((name, raw, gz));
            }
        }
    }

    println!("xtask: ── what a visitor downloads (every file the page fetched, gzipped -9)");
    for (name, raw, gz) in &sizes_of {
        println!("download: {name:<8} {raw:>9} B raw {gz:>8} B gzipped");
    }
    let reports: u64 = std::fs::read_dir(root().join("data/reports"))
        .map_err(|e| format!("cannot list data/reports: {e}"))?
        .filter_map(|entry| entry.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| e.metadata().ok().map(|m| m.len()))
        .sum();
    println!("download: of which Derek's bundled report text {reports} B raw");
    Ok(())
}

/// The median time of each User Timing mark over `runs`, in order: "name ms → …".
fn timeline(runs: &[e2e::ColdLoad]) -> String {
    let mut names: Vec<&str> = runs
        .iter()
        .flat_map(|r| r.marks.iter().map(|(n, _)| n.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut at: Vec<(f64, &str)> = names
        .into_iter()
        .map(|name| {
            let times = runs
                .iter()
                .filter_map(|r| r.marks.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
                .collect();
            (median(times), name)
        })
        .collect();
    at.sort_by(|a, b| a.0.total_cmp(&b.0));
    let line: Vec<String> = at
        .iter()
        .map(|(t, name)| format!("{name} {t:.0}"))
        .collect();
    line.join(" → ")
}

/// One cold load of `url`, tried again (twice at most) when headless Chromium's
/// renderer stops answering WebDriver: that happens now and then on this busy
/// machine, to any page (an older dist/ too), and would end the whole run. Each
/// retry is printed, so that a page that hangs every time still shows.
fn cold_load(url: &str, throttle: f64) -> Result<e2e::ColdLoad> {
    let mut tries = 1;
    loop {
        match e2e::measure_cold(url, "derek-first-chart", throttle) {
            Ok(load) => return Ok(load),
            Err(e) if tries < 3 => {
                println!("xtask: load {tries} of {url} failed, loading it again: {e}");
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Cold loads of each page per throttling rate (`DEREK_BENCH_ROUNDS` overrides).
fn rounds() -> usize {
    std::env::var("DEREK_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(7)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Sums and prints the sizes of the files a page fetched (`resources`, paths as
/// served), found in `dist/` or the vendored libraries.
fn downloaded(resources: &[String], dist: &Path, vendor: &Path, page: &str) -> Result<(u64, u64)> {
    let (mut raw, mut gz) = (0, 0);
    let mut paths: Vec<&String> = resources.iter().collect();
    paths.sort();
    paths.dedup();
    for path in paths {
        let file = match path.strip_prefix("/vendor/") {
            Some(rest) => vendor.join(rest),
            None => match path
                .strip_prefix("/test/")
                .or(path.strip_prefix("/compare/"))
            {
                Some(_) => continue, // the measuring page itself, not the library
                None => dist.join(path.trim_start_matches("/before/").trim_start_matches('/')),
            },
        };
        let (r, g) = sizes(&file)?;
        println!("size: {page:<8} {path:<28} {r:>9} B raw {g:>8} B gzipped");
        raw += r as u64;
        gz += g as u64;
    }
    Ok((raw, gz))
}

/// The points of the series Derek's page opens on (the first series with points
/// of the first theme), as the comparison pages read them.
fn write_points(dir: &Path) -> Result {
    let corpus =
        derek::series::sourced::Corpus::read(derek::corpus::bundled().map_err(|e| e.to_string())?);
    let catalogue = derek::series::catalogue::Catalogue::bundled().map_err(|e| e.to_string())?;
    let series = catalogue.build(&corpus);
    let first = catalogue
        .themes
        .iter()
        .find_map(|t| {
            series
                .iter()
                .find(|s| s.theme == t.id && !s.points.is_empty())
        })
        .ok_or("no series has points")?;
    let labels: Vec<String> = first
        .points
        .iter()
        .map(|p| match &p.key {
            derek::series::Key::Year { year } => year.to_string(),
            derek::series::Key::Category { category } => category.clone(),
        })
        .collect();
    let values: Vec<f64> = first.points.iter().map(|p| p.value).collect();
    let json = serde_json::json!({ "title": derek::i18n::Lang::En.text().series_title(&first.id), "labels": labels, "values": values });
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let file = dir.join("points.json");
    std::fs::write(&file, json.to_string())
        .map_err(|e| format!("cannot write {}: {e}", file.display()))
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
