//! Unit tests of the whole pipeline on literal French sentences.

use super::*;

fn facts(text: &str) -> Vec<Fact> {
    extract_text(text, Some(2019))
}

fn one(text: &str) -> Option<Fact> {
    let f = facts(text);
    if f.len() == 1 {
        f.into_iter().next()
    } else {
        None
    }
}

#[test]
fn placeholder_runs() {
    assert!(one("Environ 70 000 ordonnances de protection ont été délivrées.").is_some());
}
