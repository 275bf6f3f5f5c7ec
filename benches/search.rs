//! How long searching the five bundled reports takes: `cargo bench --bench search`.
//!
//! No framework: the index is built 20 times over the parsed reports (parsing not
//! counted), then each query is run 200 times; the minimum and median are printed,
//! with the number of paragraphs each query finds.

mod harness;

use derek::document::Document;
use derek::search::SearchIndex;
use std::hint::black_box;

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
    let reports = harness::reports();
    let documents: Vec<Document> = reports
        .iter()
        .map(|r| derek::document::parse(r.text))
        .collect();
    let refs: Vec<&Document> = documents.iter().collect();

    let (timing, index) = harness::time(BUILDS, || SearchIndex::new(black_box(&refs)));
    let (min, median) = timing.ms();
    println!(
        "SearchIndex::new, five reports ({} paragraphs, {} words, {} forms), {BUILDS} runs: \
         min {:.2} ms, median {:.2} ms",
        index.paragraph_count(),
        index.word_count(),
        index.form_count(),
        min,
        median,
    );

    let long = "la violence ".repeat(850);
    let long_label = format!("\"la violence \" × 850 ({} chars)", long.len());
    let mut queries: Vec<(&str, &str)> = QUERIES.iter().map(|q| (*q, *q)).collect();
    queries.push((long_label.as_str(), long.as_str()));
    for (label, query) in queries {
        let (timing, results) = harness::time(RUNS, || index.search(black_box(query), 20));
        let (total, (min, median)) = (results.total, timing.us());
        println!(
            "search {label:<32} {total:>5} paragraphs, {RUNS} runs: min {min:>7.1} µs, median {median:>7.1} µs",
        );
    }

    // A quoted phrase of n words over a paragraph of 2n: the phrase matcher is
    // linear, so doubling n should about double the time (a matcher that slides
    // the phrase over every position would quadruple it).
    for words in [5_000, 10_000, 20_000] {
        let text = format!("1.\t{}\n", "la violence ".repeat(words));
        let document = derek::document::parse_as(&text, derek::document::Layout::LinePerParagraph);
        let index = SearchIndex::new(&[&document]);
        let phrase = format!("\"{}\"", "la violence ".repeat(words / 2));
        let (timing, results) = harness::time(5, || index.search(black_box(&phrase), 20));
        let (min, median) = timing.ms();
        println!(
            "search a {}-word phrase in a {}-word paragraph ({} found), 5 runs: min {min:.2} ms, median {median:.2} ms",
            words,
            2 * words,
            results.total,
        );
    }
}
