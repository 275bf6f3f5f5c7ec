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
    // A page's first chart: one series from the paragraphs that can hold it.
    report(
        "glance: protection_orders_issued alone",
        harness::time(20, || {
            derek::startup::Startup::bundled().map(|mut s| s.glance("protection_orders_issued"))
        })
        .0,
    );
    let ids: Vec<String> = catalogue.series.iter().map(|d| d.id.clone()).collect();
    let each: Vec<f64> = ids
        .iter()
        .map(|id| {
            harness::time(5, || {
                derek::startup::Startup::bundled().map(|mut s| s.glance(id))
            })
            .0
            .ms()
            .1
        })
        .collect();
    let mut sorted = each.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "startup: glance, each of the {} series: median {:.2} ms, slowest {:.2} ms",
        sorted.len(),
        sorted.get(sorted.len() / 2).copied().unwrap_or(0.0),
        sorted.last().copied().unwrap_or(0.0),
    );
    report(
        "fold every paragraph (what a glance filters)",
        harness::time(20, || fold_all(&corpus)).0,
    );
    report(
        "build the search index",
        harness::time(20, || SearchIndex::new(&documents)).0,
    );
    Ok(())
}
/// Folded bytes of every paragraph: what a glance reads to pick its paragraphs.
fn fold_all(corpus: &Corpus) -> usize {
    corpus
        .documents
        .iter()
        .flat_map(|d| &d.paragraphs)
        .map(|p| derek::series::catalogue::fold(&p.text).len())
        .sum()
}
