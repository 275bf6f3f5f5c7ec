//! How long reading the five bundled reports takes: `cargo bench --bench document`.
//!
//! No framework: the five reports are parsed 50 times over and the minimum and
//! median of one pass over all five are printed, in milliseconds and MB/s.

use std::time::{Duration, Instant};

const ITERATIONS: usize = 50;

fn main() {
    let reports = match derek::corpus::bundled() {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("bench document: {e}");
            std::process::exit(1);
        }
    };
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let mut paragraphs = 0;
    let mut times: Vec<Duration> = Vec::with_capacity(ITERATIONS);
    for _ in 0..ITERATIONS {
        let started = Instant::now();
        paragraphs = 0;
        for report in &reports {
            let doc = derek::document::parse(std::hint::black_box(report.text));
            paragraphs += std::hint::black_box(doc).paragraphs.len();
        }
        times.push(started.elapsed());
    }
    times.sort();
    let min = times.first().copied().unwrap_or_default();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let mb = bytes as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64().max(f64::MIN_POSITIVE);
    println!(
        "document::parse, all five reports ({:.2} MB, {paragraphs} paragraphs), {ITERATIONS} runs: \
         min {:.3} ms ({:.0} MB/s), median {:.3} ms ({:.0} MB/s)",
        mb,
        min.as_secs_f64() * 1e3,
        rate(min),
        median.as_secs_f64() * 1e3,
        rate(median),
    );
}
