//! What the widget does before its first chart, stage by stage, natively:
//! `cargo bench --bench startup`. Prints figures; asserts nothing.

use derek::search::SearchIndex;
use derek::series::catalogue::Catalogue;
use derek::series::sourced::Corpus;
use std::time::Instant;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[0], ms[runs / 2])
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let reports = derek::corpus::bundled()?;
    let catalogue = Catalogue::bundled()?;
    let corpus = Corpus::read(reports.clone());
    let report = |name: &str, (min, median): (f64, f64)| {
        println!("startup: {name:<44} min {min:>7.2} ms  median {median:>7.2} ms");
    };
    report(
        "read + extract the five reports (Corpus::read)",
        time(20, || Corpus::read(reports.clone())),
    );
    report("parse series.toml", time(20, Catalogue::bundled));
    report("build the 40 series", time(20, || catalogue.build(&corpus)));
    let documents: Vec<_> = corpus.documents.iter().collect();
    report(
        "build the search index",
        time(20, || SearchIndex::new(&documents)),
    );
    Ok(())
}
