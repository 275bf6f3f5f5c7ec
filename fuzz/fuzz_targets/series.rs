//! The catalogue's series built over fuzzed documents: a report whose text is
//! the input, beside a bundled one. Never panics; every point comes from a fact;
//! no fact a series selects stands in a paragraph a glance would not read.
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
    // A glance reads only the paragraphs `could_select` admits: every fact a
    // definition selects must stand in one of them, whatever the text.
    for fact in &corpus.facts {
        let Some(paragraph) = corpus
            .documents
            .get(fact.report_index)
            .and_then(|d| d.paragraph(&fact.paragraph))
        else {
            continue;
        };
        let folded = derek::series::catalogue::fold(&paragraph.text);
        for def in catalogue.series.iter().filter(|d| d.selects(fact)) {
            assert!(
                def.could_select(&fact.report, &fact.paragraph, &folded),
                "{} selects a fact of a paragraph it would not read: {:?}",
                def.id,
                paragraph.text
            );
        }
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
