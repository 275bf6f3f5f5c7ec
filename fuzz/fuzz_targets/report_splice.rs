//! A bundled report with the fuzz bytes spliced in at a place the first bytes
//! choose: parsing and extraction of a realistic text with a hostile piece. The
//! report is cut to a few pages around that place (whole lines), so that each
//! run is quick and the fuzzer tries many pieces.
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
    let whole = report.text;
    let mut at = (usize::from(a) << 8 | usize::from(b)) * whole.len() / 65536;
    while !whole.is_char_boundary(at) {
        at -= 1;
    }
    // A window of whole lines around the place: about 8 KB.
    let mut low = at.saturating_sub(4000);
    while !whole.is_char_boundary(low) {
        low -= 1;
    }
    let from = whole[..low].rfind('\n').map_or(0, |i| i + 1);
    let to = whole[at..]
        .char_indices()
        .skip(4000)
        .find(|(_, c)| *c == '\n')
        .map_or(whole.len(), |(i, _)| at + i + 1);
    let text = &whole[from..to];
    let at = at - from;
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
