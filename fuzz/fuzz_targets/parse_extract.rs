//! Arbitrary bytes read as a report: parsing and extraction never panic, and
//! every fact's offsets frame its verbatim in its paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for fact in derek::extract::extract_text(&text, Some(2020)) {
        assert_eq!(text.get(fact.start..fact.end), Some(fact.verbatim.as_str()));
        assert_eq!(fact.year.is_none(), fact.year_source.is_none());
    }
    let doc = derek::document::parse(&text);
    for located in derek::extract::extract_document(&doc, Some(2020)) {
        let paragraph = doc.paragraph(&located.paragraph);
        let framed = paragraph.and_then(|p| p.text.get(located.fact.start..located.fact.end));
        assert_eq!(framed, Some(located.fact.verbatim.as_str()));
    }
});
