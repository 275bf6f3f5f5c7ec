//! A paragraph is read alone: `extract_document` gives the same facts as
//! `extract_text` on each paragraph's text, so no year, list, qualifier, subject
//! or number-word run crosses a paragraph. The five shapes that once leaked are
//! pinned, and a property test checks the invariant on arbitrary documents.

use derek::document::parse;
use derek::extract::{extract_document, extract_text, Fact, Qualifier};
use proptest::prelude::*;

/// The facts of a document, and those of its paragraphs read one by one.
fn both_ways(text: &str) -> (Vec<Fact>, Vec<Fact>) {
    let doc = parse(text);
    let joined = extract_document(&doc, Some(2020))
        .into_iter()
        .map(|f| f.fact)
        .collect();
    let alone = doc
        .paragraphs
        .iter()
        .flat_map(|p| extract_text(&p.text, Some(2020)))
        .collect();
    (joined, alone)
}

fn values(facts: &[Fact]) -> Vec<f64> {
    facts.iter().map(|f| f.value).collect()
}

#[test]
fn a_number_word_run_stops_at_the_paragraph() {
    let (joined, alone) = both_ways("1. Il y a mille\n2. Une dizaine de cas.\n");
    assert_eq!(joined, alone);
    assert_eq!(values(&joined), [1000.0, 10.0]);
    // In a plain text, a blank line ends a paragraph.
    let facts = extract_text("Il y a mille\n\nune dizaine de cas.", None);
    assert_eq!(values(&facts), [1000.0, 10.0]);
    let facts = extract_text("Il y a mille\r\n \r\nune dizaine de cas.", None);
    assert_eq!(values(&facts), [1000.0, 10.0]);
    // A single line break does not.
    let facts = extract_text("Il y a mille\nune dizaine de cas.", None);
    assert_eq!(facts.len(), 1, "{facts:?}");
}

#[test]
fn a_subject_is_never_taken_from_the_next_paragraph() {
    let (joined, alone) = both_ways("1. Il y a 12\n2. Maisons neuves.\n");
    assert_eq!(joined, alone);
    let twelve = joined.iter().find(|f| f.value == 12.0);
    assert!(
        twelve.is_some_and(|f| !f.subject.contains("aison")),
        "{joined:?}"
    );
}

#[test]
fn a_keyword_at_a_paragraph_end_does_not_make_the_next_number_an_identifier() {
    for (text, value) in [
        ("1. Selon l'article\n2. 134 cas ont été vus.\n", 134.0),
        ("1. Selon les États Parties.\n2. 4 cas ont été vus.\n", 4.0),
    ] {
        let (joined, alone) = both_ways(text);
        assert_eq!(joined, alone, "{text:?}");
        assert!(values(&joined).contains(&value), "{text:?}: {joined:?}");
    }
}

#[test]
fn a_change_does_not_pass_to_the_next_paragraph() {
    let (joined, alone) =
        both_ways("1. Le nombre a diminué de 13 000.\n2. Ils sont partis, dont 76 femmes.\n");
    assert_eq!(joined, alone);
    let seventy_six = joined.iter().find(|f| f.value == 76.0);
    assert!(
        seventy_six.is_some_and(|f| f.qualifier != Qualifier::Change),
        "{joined:?}"
    );
}

#[test]
fn an_article_is_not_a_count_because_of_the_paragraph_before() {
    let (joined, alone) =
        both_ways("1. En 2012, 283 dollars.\n2. À ce jour, une coopération a été établie.\n");
    assert_eq!(joined, alone);
    assert!(!values(&joined).contains(&1.0), "{joined:?}");
}

/// Words that the rules react to: numbers in digits and words, qualifiers,
/// identifier keywords, years, list and sentence punctuation.
const WORDS: &[&str] = &[
    "Il",
    "y",
    "a",
    "mille",
    "une",
    "un",
    "dizaine",
    "deux",
    "cent",
    "vingt",
    "de",
    "cas",
    "Selon",
    "l'article",
    "les",
    "États",
    "Parties",
    "no",
    "loi",
    "134",
    "12",
    "4",
    "13",
    "000",
    "2012",
    "2018",
    "en",
    "En",
    "dont",
    "plus",
    "moins",
    "environ",
    "a",
    "diminué",
    "hausse",
    "%",
    "respectivement",
    "(",
    ")",
    ",",
    ".",
    ";",
    "et",
    "à",
    "entre",
    "dollars",
    "tenge",
    "Maisons",
    "neuves",
    "femmes",
    "ont",
    "été",
    "vus",
    "«",
    "»",
    "millions",
    "jusqu’à",
];

/// A document: numbered paragraphs, or paragraphs between blank lines.
fn document() -> impl Strategy<Value = String> {
    let paragraph = proptest::collection::vec(prop::sample::select(WORDS), 1..14);
    (proptest::collection::vec(paragraph, 1..6), any::<bool>()).prop_map(
        |(paragraphs, numbered)| {
            let mut text = String::new();
            for (n, words) in paragraphs.iter().enumerate() {
                if numbered {
                    text.push_str(&format!("{}. ", n + 1));
                }
                text.push_str(&words.join(" "));
                text.push_str(if numbered { "\n" } else { "\n\n" });
            }
            text
        },
    )
}

/// The facts of `a` and of `b` read alone, `b`'s offsets moved by `shift`.
fn apart(a: &str, b: &str, shift: usize) -> Vec<Fact> {
    let mut facts = extract_text(a, Some(2020));
    facts.extend(extract_text(b, Some(2020)).into_iter().map(|mut f| {
        f.start += shift;
        f.end += shift;
        f
    }));
    facts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Any two texts joined by a paragraph separator read as each alone.
    #[test]
    fn a_paragraph_separator_isolates_any_two_texts(
        a in "[^\u{2029}]{0,80}",
        b in "[^\u{2029}]{0,80}",
        words in proptest::collection::vec(prop::sample::select(WORDS), 0..12),
        more in proptest::collection::vec(prop::sample::select(WORDS), 0..12),
    ) {
        for (a, b) in [(a.clone(), b.clone()), (words.join(" "), more.join(" "))] {
            let joined = format!("{a}\u{2029}{b}");
            let shift = a.len() + '\u{2029}'.len_utf8();
            prop_assert_eq!(extract_text(&joined, Some(2020)), apart(&a, &b, shift));
        }
    }

    #[test]
    fn a_document_reads_as_its_paragraphs_read_alone(text in document()) {
        let (joined, alone) = both_ways(&text);
        prop_assert_eq!(joined, alone, "{:?}", text);
    }
}
