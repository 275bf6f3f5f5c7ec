//! Bench: all five bundled reports read as documents and their facts extracted,
//! natively. Prints min and median over ~30 iterations (target: < 10 ms).
//! Run with `cargo bench --bench extract`.

use std::time::Instant;

fn main() {
    let reports = match derek::corpus::bundled() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(1);
        }
    };
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let mut times = Vec::new();
    let mut facts = 0;
    for _ in 0..30 {
        let start = Instant::now();
        facts = 0;
        for r in &reports {
            let doc = derek::document::parse(r.text);
            facts += derek::extract::extract_document(&doc, Some(r.meta.reference_year)).len();
        }
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let min = times.first().copied().unwrap_or(0.0);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    println!(
        "extract: {} reports, {} KB, {facts} facts: min {min:.2} ms, median {median:.2} ms (parse + extract)",
        reports.len(),
        bytes / 1000
    );
}
