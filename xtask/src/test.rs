//! `cargo xtask test`: installs what is missing, then runs every check in order,
//! stopping at the first failure.

use crate::setup::{self, run as sh, run_with_env, CHROMEDRIVER};
use crate::{e2e, Result};
use std::time::Instant;

pub fn run() -> Result {
    let started = Instant::now();
    let mut passed = 0;
    let mut step = |name: &str, action: &dyn Fn() -> Result| -> Result {
        let start = Instant::now();
        println!("xtask: ── {name}");
        action().map_err(|e| format!("{name}: {e}"))?;
        println!(
            "xtask: ── {name}: ok in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        passed += 1;
        Ok(())
    };

    step("install what is missing", &|| {
        setup::wasm_target()?;
        setup::wasm_bindgen_cli()?;
        setup::chromium()
    })?;
    step("cargo fmt --check", &|| {
        sh("cargo", &["fmt", "--all", "--", "--check"])
    })?;
    step("clippy (native)", &|| {
        sh(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )
    })?;
    step("clippy (wasm32)", &|| {
        sh(
            "cargo",
            &[
                "clippy",
                "--package",
                "derek",
                "--lib",
                "--test",
                "web",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
        )
    })?;
    step("native tests", &|| sh("cargo", &["test", "--workspace"]))?;
    step(
        "browser tests (wasm-bindgen-test in headless Chromium)",
        &|| {
            run_with_env(
                "cargo",
                &[
                    "test",
                    "--package",
                    "derek",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "web",
                ],
                &[
                    ("CHROMEDRIVER", CHROMEDRIVER),
                    // Each test's time limit (wasm-bindgen's default is 20 s): an
                    // unoptimised wasm on 2 shared cores, in CI, can need more for
                    // one test that reads the five reports. A value in the
                    // environment wins.
                    ("WASM_BINDGEN_TEST_TIMEOUT", &browser_test_timeout()),
                ],
            )
        },
    )?;
    step(
        "end-to-end (dist/ in headless Chromium through WebDriver)",
        &|| e2e::run().map(|n| println!("e2e: {n} passed, 0 failed")),
    )?;
    step(
        "end-to-end: a reader adds a report (text, PDF, .docx), keeps it, removes it",
        &|| crate::e2e_own::run().map(|n| println!("e2e: {n} passed, 0 failed")),
    )?;

    println!(
        "xtask: all checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!("xtask: {passed} passed, 0 failed");
    Ok(())
}

/// Seconds a wasm-bindgen browser test may take: `WASM_BINDGEN_TEST_TIMEOUT`
/// when set, else 300.
fn browser_test_timeout() -> String {
    std::env::var("WASM_BINDGEN_TEST_TIMEOUT")
        .ok()
        .filter(|v| v.parse::<u64>().is_ok())
        .unwrap_or_else(|| "300".to_string())
}
