//! Installs what the build and the tests need, when it is missing: fast when present.

use crate::{root, Result};
use std::path::Path;
use std::process::Command;

/// Runs a command from the workspace root, failing with the command line if it fails.
pub fn run(program: &str, args: &[&str]) -> Result {
    run_with_env(program, args, &[])
}

/// Like [`run`], with extra environment variables.
pub fn run_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result {
    let line = format!("{program} {}", args.join(" "));
    println!("xtask: $ {line}");
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `rustup target add wasm32-unknown-unknown`, when the target is missing.
pub fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

/// The version of the `wasm-bindgen` crate that `Cargo.lock` pins.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock ({e}): run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package: is it a dependency of derek?".into())
}

/// `wasm-bindgen-cli` at exactly the crate's version: the CLI refuses any other.
pub fn wasm_bindgen_cli() -> Result {
    let wanted = locked_wasm_bindgen_version()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str())
        && runner.split_whitespace().nth(1) == Some(wanted.as_str())
    {
        return Ok(());
    }
    // Not --locked: the CLI's lock file wants crates the registry mirror here lacks.
    run(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ],
    )
}

const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's `chromium` and `chromium-driver`, for the browser tests.
pub fn chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let root_user = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if !root_user {
        return Err(
            "Chromium and ChromeDriver are missing and installing them needs root. Run:\n  \
             sudo apt-get update && sudo apt-get install -y chromium chromium-driver\n\
             then `cargo xtask test` again."
                .into(),
        );
    }
    run("apt-get", &["update", "-qq"])?;
    run_with_env(
        "apt-get",
        &["install", "-y", "-qq", "chromium", "chromium-driver"],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )
}
