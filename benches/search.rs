//! How long searching the five bundled reports takes: `cargo bench --bench search`.
//!
//! No framework: the index is built 20 times over the parsed reports (parsing not
//! counted), then each query is run 200 times; the minimum and median are printed,
//! with the number of paragraphs each query finds.

use derek::document::Document;
use derek::search::SearchIndex;
use std::hint::black_box;
use std::time::{Duration, Instant};

const BUILDS: usize = 20;
const RUNS: usize = 200;

/// Queries as a user types them: a word, a prefix, several words, phrases, a word
/// found nowhere, a very long query.
const QUERIES: &[&str] = &[
    "violence",
    "viol",
    "v",
    "securite",
    "femmes enfants",
    "\"ordonnances de protection\"",
    "\"droits de l’homme\"",
    "de",
    "xqzvbwk",
];

fn main() {
    let reports = match derek::corpus::bundled() {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("bench search: {e}");
            std::process::exit(1);
        }
    };
    let documents: Vec<Document> = reports
        .iter()
        .map(|r| derek::document::parse(r.text))
        .collect();
    let refs: Vec<&Document> = documents.iter().collect();

    let mut index = SearchIndex::new(&refs);
    let mut times = Vec::with_capacity(BUILDS);
    for _ in 0..BUILDS {
        let started = Instant::now();
        index = SearchIndex::new(black_box(&refs));
        times.push(started.elapsed());
    }
    let (min, median) = min_median(&mut times);
    println!(
        "SearchIndex::new, five reports ({} paragraphs, {} words, {} forms), {BUILDS} runs: \
         min {:.2} ms, median {:.2} ms",
        index.paragraph_count(),
        index.word_count(),
        index.form_count(),
        ms(min),
        ms(median),
    );

    let long = "la violence ".repeat(850);
    let long_label = format!("\"la violence \" × 850 ({} chars)", long.len());
    let mut queries: Vec<(&str, &str)> = QUERIES.iter().map(|q| (*q, *q)).collect();
    queries.push((long_label.as_str(), long.as_str()));
    for (label, query) in queries {
        let mut total = 0;
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let started = Instant::now();
            let results = index.search(black_box(query), 20);
            times.push(started.elapsed());
            total = black_box(results).total;
        }
        let (min, median) = min_median(&mut times);
        println!(
            "search {label:<32} {total:>5} paragraphs, {RUNS} runs: min {:>7.1} µs, median {:>7.1} µs",
            us(min),
            us(median),
        );
    }
}

fn min_median(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let min = times.first().copied().unwrap_or_default();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    (min, median)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
