//! Bench: all five bundled reports read as documents and their facts extracted,
//! natively. Prints min and median over 100 passes (target: < 10 ms).
//! Run with `cargo bench --bench extract`.

mod harness;

fn main() {
    let reports = harness::reports();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let (timing, facts) = harness::time(100, || {
        reports
            .iter()
            .map(|r| {
                let doc = derek::document::parse(r.text);
                derek::extract::extract_document(&doc, Some(r.meta.reference_year)).len()
            })
            .sum::<usize>()
    });
    let (min, median) = timing.ms();
    println!(
        "extract: {} reports, {} KB, {facts} facts: min {min:.2} ms, median {median:.2} ms (parse + extract)",
        reports.len(),
        bytes / 1000
    );
}
