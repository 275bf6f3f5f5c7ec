//! Every fact of the five bundled reports, pinned: the extractor's output for them
//! must not change unless a change means it to. Speed work (see `cargo bench
//! --bench extract`) relies on this: a faster tokenizer or stage that alters a
//! single fact fails here, with the first differing line.
//!
//! After a deliberate change to the rules: `UPDATE_SNAPSHOTS=1 cargo test --test
//! extract_snapshot`, then review the diff of `tests/snapshots/facts-*.jsonl`
//! (and check the scores of `tests/fact_fixtures.rs`).

use std::path::Path;

#[test]
fn the_facts_of_every_bundled_report_are_unchanged() {
    let reports = derek::corpus::bundled().expect("the bundled reports load");
    let mut differences = Vec::new();
    for report in &reports {
        let doc = derek::document::parse(report.text);
        let dating =
            derek::extract::Dating::of_report(report.meta.reference_year, &report.meta.period);
        let facts = derek::extract::extract_document_dated(&doc, &dating);
        let lines: String = facts
            .iter()
            .map(|f| serde_json::to_string(f).expect("a fact serialises") + "\n")
            .collect();
        // "000_1e0e7617287b5cc9.txt" → "facts-000.jsonl".
        let number = report
            .meta
            .file
            .split('_')
            .next()
            .unwrap_or(&report.meta.file);
        let name = format!("facts-{number}.jsonl");
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(&name);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &lines).expect("the snapshot is written");
            continue;
        }
        let pinned = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)",
                path.display()
            )
        });
        if pinned != lines {
            let (n, (was, now)) = pinned
                .lines()
                .chain(std::iter::repeat(""))
                .zip(lines.lines().chain(std::iter::repeat("")))
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((0, ("", "")));
            differences.push(format!(
                "{name}, line {}:\n  pinned: {was}\n  now:    {now}",
                n + 1
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "extraction changed (if wanted: UPDATE_SNAPSHOTS=1 cargo test --test \
         extract_snapshot, and review the diff):\n{}",
        differences.join("\n")
    );
}
