//! A document's facts are its paragraphs' facts, each paragraph read alone: no
//! rule reads across a paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = derek::document::parse(&text);
    let joined: Vec<_> = derek::extract::extract_document(&doc, Some(2020))
        .into_iter()
        .map(|f| f.fact)
        .collect();
    let alone: Vec<_> = doc
        .paragraphs
        .iter()
        .flat_map(|p| derek::extract::extract_text(&p.text, Some(2020)))
        .collect();
    assert_eq!(joined, alone);
});
