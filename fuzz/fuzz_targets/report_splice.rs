//! A bundled report with the fuzz bytes spliced in at a place the first bytes
//! choose: parsing and extraction of a realistic text with a hostile piece.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(reports) = derek::corpus::bundled() else {
        return;
    };
    let Some((&[r, a, b], piece)) = data.split_first_chunk::<3>() else {
        return;
    };
    let Some(report) = reports.get(usize::from(r) % reports.len().max(1)) else {
        return;
    };
    let text = report.text;
    let mut at = (usize::from(a) << 8 | usize::from(b)) * text.len() / 65536;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let spliced = format!(
        "{}{}{}",
        &text[..at],
        String::from_utf8_lossy(piece),
        &text[at..]
    );
    let doc = derek::document::parse(&spliced);
    let facts = derek::extract::extract_document(&doc, Some(report.meta.reference_year));
    for located in &facts {
        let paragraph = doc.paragraph(&located.paragraph);
        assert!(
            paragraph.is_some_and(|p| p.text.get(located.fact.start..located.fact.end)
                == Some(located.fact.verbatim.as_str()))
        );
    }
});
