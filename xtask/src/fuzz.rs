//! `cargo xtask fuzz [--seconds N]`: every cargo-fuzz target of `fuzz/`, one at a
//! time, N seconds each (default 60). Installs what it needs when missing: the
//! nightly toolchain (minimal profile) and cargo-fuzz. Seeds each target's corpus
//! with chunks of the bundled reports the first time; `fuzz/french.dict` gives
//! libFuzzer French number, unit and qualifier words. Nightly serves this task
//! only: the crate is outside the workspace, and CI (stable) never builds it.

use crate::setup::run;
use crate::{root, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// The targets, in the order they run (see `fuzz/fuzz_targets/`).
const TARGETS: &[&str] = &[
    "parse_extract",
    "document_as_paragraphs",
    "search",
    "report_splice",
    "series",
];

/// Bytes per seed: a few paragraphs of a report.
const SEED_BYTES: usize = 1500;

pub fn run_all(seconds: u64) -> Result {
    nightly()?;
    cargo_fuzz()?;
    let mut summary = Vec::new();
    for target in TARGETS {
        seed(target)?;
        let runs = run_target(target, seconds)?;
        summary.push(format!(
            "{target}: {runs} executions in {seconds} s, no failure"
        ));
    }
    for line in summary {
        println!("fuzz: {line}");
    }
    Ok(())
}

fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `rustup toolchain install nightly --profile minimal`, when nightly is missing.
fn nightly() -> Result {
    if succeeds("cargo", &["+nightly", "--version"]) {
        return Ok(());
    }
    run(
        "rustup",
        &["toolchain", "install", "nightly", "--profile", "minimal"],
    )
}

/// `cargo install cargo-fuzz`, when it is missing.
fn cargo_fuzz() -> Result {
    if succeeds("cargo", &["+nightly", "fuzz", "--version"]) {
        return Ok(());
    }
    run("cargo", &["install", "cargo-fuzz"])
}

/// Writes chunks of the bundled reports (cut at line ends) into the target's
/// corpus folder, if it does not exist yet.
fn seed(target: &str) -> Result {
    let dir = root().join("fuzz").join("corpus").join(target);
    if dir.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let mut n = 0;
    for report in &reports {
        let mut chunk = String::new();
        for line in report.text.split_inclusive('\n') {
            chunk.push_str(line);
            if chunk.len() >= SEED_BYTES {
                let path = dir.join(format!("seed-{n:04}"));
                std::fs::write(&path, chunk.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                chunk.clear();
                n += 1;
            }
        }
    }
    println!("xtask: {n} seeds from the reports in {}", dir.display());
    Ok(())
}

/// Runs one target for `seconds`; returns libFuzzer's count of executions.
fn run_target(target: &str, seconds: u64) -> Result<u64> {
    let corpus = format!("fuzz/corpus/{target}");
    let time = format!("-max_total_time={seconds}");
    let args = [
        "+nightly",
        "fuzz",
        "run",
        target,
        &corpus,
        "--",
        &time,
        "-dict=fuzz/french.dict",
        "-max_len=4096",
        "-print_final_stats=1",
    ];
    let line = format!("cargo {}", args.join(" "));
    println!("xtask: $ {line}");
    let mut child = Command::new("cargo")
        .args(args)
        .current_dir(root())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    let mut runs = 0;
    if let Some(stderr) = child.stderr.take() {
        for l in BufReader::new(stderr)
            .lines()
            .map_while(std::result::Result::ok)
        {
            eprintln!("{l}");
            // libFuzzer's last words: "Done 123456 runs in 60 second(s)".
            if let Some(n) = l
                .strip_prefix("Done ")
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse().ok())
            {
                runs = n;
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{line}` did not finish: {e}"))?;
    if status.success() {
        Ok(runs)
    } else {
        Err(format!(
            "`{line}` failed ({status}): the crashing input is in fuzz/artifacts/{target}/; \
             replay it with `cargo +nightly fuzz run {target} fuzz/artifacts/{target}/<file>`"
        ))
    }
}
