//! Search: an index built from the first half of the input, a query from the
//! second half. Never panics; hits name paragraphs that exist.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, query) = data.split_at(data.len() / 2);
    let text = String::from_utf8_lossy(text);
    let query = String::from_utf8_lossy(query);
    let doc = derek::document::parse(&text);
    let index = derek::search::SearchIndex::new(&[&doc]);
    let results = index.search(&query, 20);
    assert!(results.hits.len() <= 20);
    assert!(results.hits.len() <= results.total);
    for hit in &results.hits {
        assert!(hit.paragraph < doc.paragraphs.len());
    }
});
