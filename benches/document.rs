//! How long reading the five bundled reports takes: `cargo bench --bench document`.
//! Prints the fastest and the median of 50 passes over all five, in ms and MB/s.

mod harness;

fn main() {
    let reports = harness::reports();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let (timing, paragraphs) = harness::time(50, || {
        reports
            .iter()
            .map(|r| {
                derek::document::parse(std::hint::black_box(r.text))
                    .paragraphs
                    .len()
            })
            .sum::<usize>()
    });
    let mb = bytes as f64 / 1e6;
    let (min, median) = timing.ms();
    println!(
        "document::parse, all five reports ({mb:.2} MB, {paragraphs} paragraphs), 50 runs: \
         min {min:.3} ms ({:.0} MB/s), median {median:.3} ms ({:.0} MB/s)",
        mb / min * 1e3,
        mb / median * 1e3,
    );
}
