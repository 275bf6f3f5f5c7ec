//! What the widget does before its first chart, stage by stage, natively:
//! `cargo bench --bench startup`. Prints figures; asserts nothing.

mod harness;

use derek::search::SearchIndex;
use derek::series::catalogue::Catalogue;
use derek::series::sourced::Corpus;

fn report(name: &str, timing: harness::Timing) {
    let (min, median) = timing.ms();
    println!("startup: {name:<44} min {min:>7.2} ms  median {median:>7.2} ms");
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let reports = harness::reports();
    let catalogue = Catalogue::bundled()?;
    let corpus = Corpus::read(reports.clone());
    let documents: Vec<_> = corpus.documents.iter().collect();
    report(
        "read + extract the five reports (Corpus::read)",
        harness::time(20, || Corpus::read(reports.clone())).0,
    );
    report(
        "read series.toml (baked at build time)",
        harness::time(20, Catalogue::bundled).0,
    );
    report(
        "build every series",
        harness::time(20, || catalogue.build(&corpus)).0,
    );
    report(
        "build the search index",
        harness::time(20, || SearchIndex::new(&documents)).0,
    );
    Ok(())
}
