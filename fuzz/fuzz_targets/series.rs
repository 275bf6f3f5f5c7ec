//! The catalogue's series built over fuzzed documents: a report whose text is
//! the input, beside a bundled one. Never panics; every point comes from a fact.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn catalogue() -> Option<&'static derek::series::catalogue::Catalogue> {
    static CATALOGUE: OnceLock<Option<derek::series::catalogue::Catalogue>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| derek::series::catalogue::Catalogue::bundled().ok())
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let (Some(catalogue), Ok(mut reports)) = (catalogue(), derek::corpus::bundled()) else {
        return;
    };
    // The shortest bundled report beside the fuzzed one: quick to read again.
    reports.sort_by_key(|r| r.text.len());
    reports.truncate(1);
    let Some(first) = reports.first().cloned() else {
        return;
    };
    // The corpus reads the report's catalogue entry and the parsed document,
    // not the report's text: the fuzzed text is parsed here.
    let text = String::from_utf8_lossy(data);
    reports.push(derek::corpus::BundledReport {
        meta: first.meta.clone(),
        text: "",
    });
    let documents = vec![
        derek::document::parse(first.text),
        derek::document::parse(&text),
    ];
    let corpus = derek::series::sourced::Corpus::from_documents(reports, documents);
    for fact in &corpus.facts {
        let (start, end) = fact.sentence_span;
        assert_eq!(
            fact.sentence.get(start..end),
            Some(fact.fact.verbatim.as_str())
        );
    }
    for series in catalogue.build(&corpus) {
        for point in &series.points {
            assert!(corpus
                .facts
                .iter()
                .any(|f| f.fact.verbatim == point.verbatim && f.fact.value == point.value));
        }
    }
});
