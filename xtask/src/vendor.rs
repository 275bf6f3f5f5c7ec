//! Third-party browser code Derek ships: pdf.js (`pdfjs-dist`), which reads the
//! text of a PDF a reader adds. Fetched once from npm at a pinned version with
//! `npm pack` (no `node_modules`, no install scripts), unpacked under
//! `target/vendor/`, and copied into `dist/vendor/pdfjs/`. The page loads it
//! only when a PDF is dropped.

use crate::{root, setup::run, Result};
use std::fs;
use std::path::PathBuf;

/// The pinned pdf.js release.
pub const PDFJS_VERSION: &str = "5.7.284";

/// The files the page needs, from the package's `build/` folder, and its licence.
pub const PDFJS_FILES: [&str; 3] = ["build/pdf.min.mjs", "build/pdf.worker.min.mjs", "LICENSE"];

/// The unpacked package: `target/vendor/pdfjs-dist-<version>/`, fetched when
/// missing (quick when present).
pub fn pdfjs() -> Result<PathBuf> {
    let vendor = root().join("target/vendor");
    let dir = vendor.join(format!("pdfjs-dist-{PDFJS_VERSION}"));
    if PDFJS_FILES.iter().all(|f| dir.join(f).is_file()) {
        return Ok(dir);
    }
    fs::create_dir_all(&vendor).map_err(|e| format!("cannot create {}: {e}", vendor.display()))?;
    let vendor_str = vendor.to_string_lossy().into_owned();
    let spec = format!("pdfjs-dist@{PDFJS_VERSION}");
    run(
        "npm",
        &["pack", &spec, "--silent", "--pack-destination", &vendor_str],
    )
    .map_err(|e| {
        format!("{e}: pdf.js comes from npm; is `npm` installed and the registry reachable?")
    })?;
    let tarball = vendor.join(format!("pdfjs-dist-{PDFJS_VERSION}.tgz"));
    let unpacked = vendor.join("package");
    let _ = fs::remove_dir_all(&unpacked);
    let tarball_str = tarball.to_string_lossy().into_owned();
    run("tar", &["xzf", &tarball_str, "-C", &vendor_str])?;
    let _ = fs::remove_dir_all(&dir);
    fs::rename(&unpacked, &dir).map_err(|e| {
        format!(
            "cannot move {} to {}: {e}",
            unpacked.display(),
            dir.display()
        )
    })?;
    let _ = fs::remove_file(&tarball);
    match PDFJS_FILES.iter().find(|f| !dir.join(f).is_file()) {
        Some(missing) => Err(format!("pdfjs-dist {PDFJS_VERSION} has no {missing}")),
        None => Ok(dir),
    }
}

/// Copies pdf.js into `<to>/` (flat: `pdf.min.mjs`, `pdf.worker.min.mjs`, `LICENSE`).
pub fn copy_pdfjs(to: &std::path::Path) -> Result {
    let from = pdfjs()?;
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for file in PDFJS_FILES {
        let source = from.join(file);
        let name = source.file_name().ok_or("a pdf.js file has no name")?;
        fs::copy(&source, to.join(name))
            .map_err(|e| format!("cannot copy {}: {e}", source.display()))?;
    }
    Ok(())
}
