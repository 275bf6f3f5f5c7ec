//! Builds the wasm into `pkg/` and assembles `dist/`.

use crate::setup::{self, run};
use crate::{root, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Builds the wasm (`wasm` profile) and runs wasm-bindgen into `pkg/`.
/// Installs the wasm target and wasm-bindgen-cli first when they are missing.
///
/// The shipped wasm has no name section (function names: 285 KB raw, 69 KB
/// gzipped that no visitor needs). `DEREK_WASM_NAMES=1` keeps it, for profiling
/// with function names in the browser's or node's profiler.
pub fn wasm() -> Result<PathBuf> {
    // The catalogues are baked into the wasm at build time; a rule they break
    // (an unknown theme, a duplicate id…) stops the build here with the same
    // message the crate would give at start-up.
    derek::corpus::bundled().map_err(|e| e.to_string())?;
    derek::series::catalogue::Catalogue::bundled().map_err(|e| e.to_string())?;
    setup::wasm_target()?;
    setup::wasm_bindgen_cli()?;
    run(
        "cargo",
        &[
            "build",
            "--package",
            "derek",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
        ],
    )?;
    let built = root().join("target/wasm32-unknown-unknown/wasm/derek.wasm");
    let pkg = root().join("pkg");
    let bound = pkg.join("derek_bg.wasm");
    let names = std::env::var_os("DEREK_WASM_NAMES").is_some_and(|v| v == "1");
    let mode = pkg.join(".names");
    // Skip wasm-bindgen when its output is newer than the module and was made in
    // the same mode: a warm serve is instant.
    if modified(&bound).is_none() || modified(&bound) < modified(&built) || mode.exists() != names {
        let built_str = built.to_string_lossy().into_owned();
        let pkg_str = pkg.to_string_lossy().into_owned();
        let mut args = vec!["--target", "web", "--no-typescript"];
        if !names {
            args.push("--remove-name-section");
        }
        args.extend(["--out-dir", &pkg_str, &built_str]);
        run("wasm-bindgen", &args)?;
        let marked = if names {
            fs::write(&mode, "wasm-bindgen kept the name section\n")
        } else {
            fs::remove_file(&mode).or_else(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Ok(()),
                _ => Err(e),
            })
        };
        marked.map_err(|e| format!("cannot mark {}: {e}", mode.display()))?;
    }
    Ok(pkg)
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Where a script of `www/` takes the string tables: `const TABLES = /*i18n*/ {};`,
/// or only the named `[page]` keys: `/*i18n: failed blocked*/ {}`.
const STRINGS_MARKER: &str = "/*i18n";

/// A file of `www/` as served: a script with the marker gets the `[page]` and
/// `[format]` strings of every `data/i18n/*.toml` table in its place, so that the
/// page reads the very tables the Rust core compiles in.
pub fn localise(path: &Path, bytes: Vec<u8>) -> Vec<u8> {
    if path.extension().is_none_or(|e| e != "js") {
        return bytes;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return e.into_bytes(),
    };
    let marker = text.find(STRINGS_MARKER).and_then(|at| {
        let end = at + text[at..].find("*/ {}")?;
        Some((
            at,
            end + "*/ {}".len(),
            &text[at + STRINGS_MARKER.len()..end],
        ))
    });
    let Some((at, end, keys)) = marker else {
        return text.into_bytes();
    };
    let keys: Vec<&str> = keys.trim_start_matches(':').split_whitespace().collect();
    let tables = derek::i18n::page_tables_json((!keys.is_empty()).then_some(keys.as_slice()));
    format!("{}{tables}{}", &text[..at], &text[end..]).into_bytes()
}

/// Writes `dist/`: `www/` (its scripts given their strings, see [`localise`]), with
/// the wasm-bindgen output under `dist/pkg/` and pdf.js under `dist/vendor/pdfjs/`.
pub fn dist() -> Result<PathBuf> {
    let pkg = wasm()?;
    let dist = root().join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    copy_dir(&root().join("www"), &dist)?;
    copy_dir(&pkg, &dist.join("pkg"))?;
    crate::vendor::copy_pdfjs(&dist.join("vendor/pdfjs"))?;
    Ok(dist)
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    let fail =
        |e: std::io::Error| format!("cannot copy {} to {}: {e}", from.display(), to.display());
    fs::create_dir_all(to).map_err(fail)?;
    for entry in fs::read_dir(from).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        let path = entry.path();
        let name = entry.file_name();
        // wasm-bindgen writes a .gitignore into pkg/, the build its mode mark: a
        // website has no use for them.
        if name == ".gitignore" || name == ".names" {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(&name))?;
        } else {
            let bytes = fs::read(&path).map_err(fail)?;
            fs::write(to.join(&name), localise(&path, bytes)).map_err(fail)?;
        }
    }
    Ok(())
}
