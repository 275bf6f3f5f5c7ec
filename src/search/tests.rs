use super::*;
use crate::document::{parse_as, Layout};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Documents whose numbered paragraphs are `reports[d][p]`, checked to read back as
/// given.
fn documents(reports: &[&[&str]]) -> Result<Vec<Document>> {
    let mut documents = Vec::new();
    for paragraphs in reports {
        let text: String = paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}.\t{p}\n", i + 1))
            .collect();
        let document = parse_as(&text, Layout::LinePerParagraph);
        let read: Vec<&str> = document
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        if read != *paragraphs {
            return Err(format!("fixture read back as {read:?}").into());
        }
        documents.push(document);
    }
    Ok(documents)
}

fn index(documents: &[Document]) -> SearchIndex {
    let refs: Vec<&Document> = documents.iter().collect();
    SearchIndex::new(&refs)
}

/// (document, paragraph) of every hit, best first.
fn found(index: &SearchIndex, query: &str) -> Vec<(usize, usize)> {
    index
        .search(query, usize::MAX)
        .hits
        .iter()
        .map(|h| (h.document, h.paragraph))
        .collect()
}

/// The highlighted text of every hit, best first.
fn highlighted(
    documents: &[Document],
    index: &SearchIndex,
    query: &str,
) -> Result<Vec<Vec<String>>> {
    let mut all = Vec::new();
    for hit in index.search(query, usize::MAX).hits {
        let text = &documents
            .get(hit.document)
            .and_then(|d| d.paragraphs.get(hit.paragraph))
            .ok_or("hit points to a paragraph")?
            .text;
        let mut parts = Vec::new();
        for &(s, e) in &hit.spans {
            parts.push(text.get(s..e).ok_or("span on char boundaries")?.to_string());
        }
        all.push(parts);
    }
    Ok(all)
}

const SAMPLE: &[&[&str]] = &[
    &[
        "La sécurité de l’État est assurée.",
        "Les violences familiales ont diminué ; la violence domestique aussi.",
        "La mise en œuvre du plan a commencé en 2012.",
    ],
    &[
        "Les femmes et les enfants victimes de violence.",
        "Plus de 44 000 ordonnances de protection ont été prises.",
        "Une femme sur trois. ETAT DES LIEUX.",
        "Le viol est un crime.",
    ],
];

#[test]
fn accents_case_and_ligatures_do_not_matter() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    assert_eq!(found(&index, "securite"), vec![(0, 0)]);
    assert_eq!(found(&index, "securite"), found(&index, "SÉCURITÉ"));
    assert_eq!(found(&index, "ETAT "), vec![(0, 0), (1, 2)]);
    assert_eq!(found(&index, "état "), found(&index, "Etat "));
    assert_eq!(found(&index, "oeuvre"), vec![(0, 2)]);
    assert_eq!(found(&index, "œuvre"), vec![(0, 2)]);
    // Both apostrophes.
    assert_eq!(found(&index, "l'État"), vec![(0, 0)]);
    assert_eq!(found(&index, "l’etat"), vec![(0, 0)]);
    Ok(())
}

#[test]
fn words_match_words_of_the_same_stem() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    assert_eq!(found(&index, "violence "), vec![(0, 1), (1, 0)]);
    assert_eq!(found(&index, "violences "), vec![(0, 1), (1, 0)]);
    assert_eq!(found(&index, "femme "), vec![(1, 2), (1, 0)]);
    assert_eq!(found(&index, "enfant "), vec![(1, 0)]);
    assert_eq!(found(&index, "protections "), vec![(1, 1)]);
    Ok(())
}

#[test]
fn the_last_word_matches_as_a_prefix_from_three_characters() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    // "viol" finds "violences … violence" (two matches) as high as "viol" itself
    // (one exact match, which counts double), then one "violence".
    assert_eq!(found(&index, "viol"), vec![(0, 1), (1, 3), (1, 0)]);
    assert_eq!(
        found(&index, "viol "),
        vec![(1, 3)],
        "a finished word is no prefix"
    );
    assert_eq!(found(&index, "ordo"), vec![(1, 1)]);
    assert!(
        found(&index, "vi").is_empty(),
        "two characters are no prefix"
    );
    // Only the last word is a prefix.
    assert!(found(&index, "ordo protection").is_empty());
    assert_eq!(found(&index, "protection ordo"), vec![(1, 1)]);
    Ok(())
}

#[test]
fn all_words_must_match() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    assert_eq!(found(&index, "femmes violence"), vec![(1, 0)]);
    assert_eq!(found(&index, "violence familiales"), vec![(0, 1)]);
    assert!(found(&index, "violence ordonnances").is_empty());
    assert!(found(&index, "violence xyzzy").is_empty());
    Ok(())
}

#[test]
fn quotes_match_a_phrase() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    assert_eq!(found(&index, "\"ordonnances de protection\""), vec![(1, 1)]);
    assert_eq!(found(&index, "« violence domestique »"), vec![(0, 1)]);
    // The words are there, but not in a row.
    assert!(found(&index, "\"familiales violence\"").is_empty());
    assert!(found(&index, "\"violence aussi\"").is_empty());
    // Stems match in a phrase too.
    assert_eq!(found(&index, "\"violence familiale\""), vec![(0, 1)]);
    assert!(found(&index, "\"protection de ordonnances\"").is_empty());
    // While the quote is open, the last word is a prefix.
    assert_eq!(found(&index, "\"violence dom"), vec![(0, 1)]);
    assert_eq!(
        highlighted(&docs, &index, "\"ordonnances de protection\"")?,
        vec![vec!["ordonnances de protection".to_string()]]
    );
    Ok(())
}

#[test]
fn more_and_exact_matches_rank_first_and_ties_keep_document_order() -> Result {
    let docs = documents(&[
        &[
            "La violence.",
            "Les violences et la violence.",
            "Les violences.",
        ],
        &["La violence.", "Violence, violence, violence."],
    ])?;
    let index = index(&docs);
    assert_eq!(
        found(&index, "violence "),
        // 3 exact; 1 exact + 1 stemmed; then 1 exact in document order; 1 stemmed.
        vec![(1, 1), (0, 1), (0, 0), (1, 0), (0, 2)]
    );
    let results = index.search("violence ", usize::MAX);
    let scores: Vec<f32> = results.hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w.first() >= w.get(1)));
    assert_eq!(scores.get(2), scores.get(3), "equal matches, equal scores");
    // Typed in the plural: "violences et la violence" (2 + 1) ties with the three
    // singulars (3 × 1) and comes first in document order; then "violences" (2).
    assert_eq!(
        found(&index, "violences "),
        vec![(0, 1), (1, 1), (0, 2), (0, 0), (1, 0)]
    );
    Ok(())
}

#[test]
fn the_limit_cuts_the_hits_not_the_total() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    let results = index.search("de", 1);
    assert_eq!(results.total, 4);
    assert_eq!(results.hits.len(), 1);
    assert_eq!(index.total("de"), 4);
    assert!(index.search("de", 0).hits.is_empty());
    Ok(())
}

#[test]
fn spans_cover_the_matched_words_on_char_boundaries() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    assert_eq!(
        highlighted(&docs, &index, "VIOLENCE ")?,
        vec![
            vec!["violences".to_string(), "violence".to_string()],
            vec!["violence".to_string()]
        ]
    );
    assert_eq!(
        highlighted(&docs, &index, "securite etat")?,
        vec![vec!["sécurité".to_string(), "État".to_string()]]
    );
    assert_eq!(
        highlighted(&docs, &index, "oeuv")?,
        vec![vec!["œuvre".to_string()]]
    );
    // A word joined by an apostrophe is one phrase: one span, apostrophe included.
    assert_eq!(
        highlighted(&docs, &index, "l'etat")?,
        vec![vec!["l’État".to_string()]]
    );
    Ok(())
}

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    for query in ["de la", "violence violences", "l état", "e", "\"la\" la"] {
        for hit in index.search(query, usize::MAX).hits {
            let text = &docs
                .get(hit.document)
                .and_then(|d| d.paragraphs.get(hit.paragraph))
                .ok_or("hit points to a paragraph")?
                .text;
            assert!(!hit.spans.is_empty());
            for pair in hit.spans.windows(2) {
                if let [a, b] = pair {
                    assert!(a.1 < b.0, "{query}: {:?}", hit.spans);
                }
            }
            for &(s, e) in &hit.spans {
                assert!(s < e && text.is_char_boundary(s) && text.is_char_boundary(e));
            }
        }
    }
    Ok(())
}

#[test]
fn a_query_without_words_finds_nothing() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    for query in ["", "   ", "\t\n", "?!…", "’ - «»", "\"\"", "\"", "xyzzy"] {
        let results = index.search(query, 10);
        assert_eq!(results.total, 0, "{query:?}");
        assert!(results.hits.is_empty());
    }
    Ok(())
}

#[test]
fn any_query_is_answered_without_panicking() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    let long_word = "é".repeat(10_000);
    let many_words = "la violence ".repeat(1_000);
    let mixed: String = (0..10_000u32)
        .filter_map(|i| char::from_u32(i.wrapping_mul(7919) % 0x11_0000))
        .collect();
    for query in [
        long_word.as_str(),
        many_words.as_str(),
        mixed.as_str(),
        "\u{301}\u{301}\u{301}",
        "\"\"\"\"\"",
        "ﬁ",
        "🎉 violence",
        "\u{0}",
    ] {
        let results = index.search(query, 10);
        assert!(results.hits.len() <= results.total);
    }
    // "la" is a stop word: the paragraphs with "violence" match, with "la" or not.
    assert_eq!(index.total(&many_words), 2);
    Ok(())
}

#[test]
fn an_empty_corpus_has_no_hits() {
    let index = SearchIndex::new(&[]);
    assert_eq!(index.paragraph_count(), 0);
    assert_eq!(index.search("violence", 10), SearchResults::default());
}

#[test]
fn hits_serialise_for_the_browser() -> Result {
    let docs = documents(SAMPLE)?;
    let index = index(&docs);
    let json = serde_json::to_string(&index.search("oeuvre", 5))?;
    assert_eq!(
        json,
        r#"{"total":1,"hits":[{"document":0,"paragraph":2,"score":4.158883,"spans":[[11,17]]}]}"#
    );
    Ok(())
}
