//! Search over the five bundled reports: stems, accents, phrases and prefixes find
//! the paragraphs a reader would expect, and every highlight lands on a word.

use derek::corpus::{bundled, BundledReport};
use derek::document::{parse, Document, Paragraph};
use derek::search::{Hit, SearchIndex};
use std::collections::BTreeSet;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

struct Corpus {
    reports: Vec<BundledReport>,
    documents: Vec<Document>,
    index: SearchIndex,
}

fn corpus() -> Result<Corpus> {
    let reports = bundled()?;
    let documents: Vec<Document> = reports.iter().map(|r| parse(r.text)).collect();
    let refs: Vec<&Document> = documents.iter().collect();
    let index = SearchIndex::new(&refs);
    Ok(Corpus {
        reports,
        documents,
        index,
    })
}

impl Corpus {
    fn paragraph(&self, hit: &Hit) -> Result<&Paragraph> {
        Ok(self
            .documents
            .get(hit.document)
            .and_then(|d| d.paragraphs.get(hit.paragraph))
            .ok_or("a hit points to a paragraph")?)
    }

    fn symbol(&self, hit: &Hit) -> Result<&str> {
        Ok(&self
            .reports
            .get(hit.document)
            .ok_or("a hit points to a report")?
            .meta
            .symbol)
    }

    fn hits(&self, query: &str) -> Vec<Hit> {
        self.index.search(query, usize::MAX).hits
    }

    /// The highlighted words of a hit, as printed.
    fn highlights(&self, hit: &Hit) -> Result<Vec<&str>> {
        let text = &self.paragraph(hit)?.text;
        hit.spans
            .iter()
            .map(|&(s, e)| {
                text.get(s..e)
                    .ok_or_else(|| "span off char boundaries".into())
            })
            .collect()
    }
}

#[test]
fn every_paragraph_is_indexed() -> Result {
    let c = corpus()?;
    let paragraphs: usize = c.documents.iter().map(|d| d.paragraphs.len()).sum();
    assert_eq!(c.index.paragraph_count(), paragraphs);
    assert!(c.index.word_count() > 50_000, "{}", c.index.word_count());
    Ok(())
}

#[test]
fn violence_finds_domestic_and_family_violence_in_at_least_three_reports() -> Result {
    let c = corpus()?;
    let hits = c.hits("violence");
    let mut reports = BTreeSet::new();
    let mut plural = false;
    for hit in &hits {
        let text = c.paragraph(hit)?.text.to_lowercase();
        if text.contains("violence domestique") || text.contains("violences familiales") {
            reports.insert(c.symbol(hit)?);
        }
        plural |= c.highlights(hit)?.iter().any(|w| w.ends_with("violences"));
    }
    assert!(reports.len() >= 3, "{reports:?}");
    assert!(plural, "the plural is found by the singular");
    // The prefix form of the query finds at least as much.
    assert!(c.index.total("viol") >= hits.len());
    Ok(())
}

#[test]
fn quoted_protection_orders_find_the_cat_figure() -> Result {
    let c = corpus()?;
    let hits = c.hits("\"ordonnances de protection\"");
    assert!(!hits.is_empty());
    let mut cat = None;
    for hit in &hits {
        for h in c.highlights(hit)? {
            // The phrase's words in a row, each in any form of its stem.
            let h = h.to_lowercase();
            assert!(
                h.starts_with("ordonnance") && h.contains(" de protection"),
                "{h}"
            );
        }
        let paragraph = c.paragraph(hit)?;
        if c.symbol(hit)? == "CAT/C/KAZ/3"
            && paragraph
                .text
                .contains("plus de 44 000 ordonnances de protection")
        {
            cat = Some(hit);
        }
    }
    let cat = cat.ok_or("the CAT paragraph with 44 000 protection orders")?;
    // It states the phrase twice (2012 and 2011): it ranks first.
    assert_eq!(hits.first(), Some(cat));
    assert_eq!(cat.spans.len(), 2);
    Ok(())
}

#[test]
fn accents_and_case_do_not_matter() -> Result {
    let c = corpus()?;
    let plain = c.hits("securite");
    assert!(plain.len() > 5, "{}", plain.len());
    assert_eq!(plain, c.hits("sécurité"));
    assert_eq!(plain, c.hits("SÉCURITÉ"));
    assert_eq!(c.hits("etat"), c.hits("État"));
    assert_eq!(c.hits("oeuvre"), c.hits("œuvre"));
    assert!(!c.hits("oeuvre").is_empty());
    Ok(())
}

#[test]
fn plurals_and_singulars_find_each_other() -> Result {
    let c = corpus()?;
    for (singular, plural) in [
        ("femme ", "femmes "),
        ("enfant ", "enfants "),
        ("protection ", "protections "),
    ] {
        let a: BTreeSet<(usize, usize)> = c
            .hits(singular)
            .iter()
            .map(|h| (h.document, h.paragraph))
            .collect();
        let b: BTreeSet<(usize, usize)> = c
            .hits(plural)
            .iter()
            .map(|h| (h.document, h.paragraph))
            .collect();
        assert!(!a.is_empty());
        assert_eq!(a, b, "{singular} / {plural}");
    }
    Ok(())
}

#[test]
fn a_nonsense_word_finds_nothing() -> Result {
    let c = corpus()?;
    assert_eq!(c.index.total("xqzvbwk"), 0);
    assert_eq!(c.index.total("violence xqzvbwk"), 0);
    assert_eq!(c.index.total("  ?! "), 0);
    Ok(())
}

#[test]
fn every_highlight_is_a_matched_word_of_its_paragraph() -> Result {
    let c = corpus()?;
    for query in [
        "violence",
        "viol",
        "femmes enfants",
        "\"droits de l’homme\"",
        "2012",
        "l'État",
        "de",
    ] {
        let results = c.index.search(query, usize::MAX);
        assert_eq!(results.total, results.hits.len());
        for hit in &results.hits {
            let text = &c.paragraph(hit)?.text;
            assert!(!hit.spans.is_empty(), "{query}");
            for &(s, e) in &hit.spans {
                let word = text.get(s..e).ok_or("span on char boundaries")?;
                let starts = text.get(..s).and_then(|t| t.chars().next_back());
                let ends = text.get(e..).and_then(|t| t.chars().next());
                assert!(
                    starts.is_none_or(|ch| !ch.is_alphanumeric()),
                    "{query}: {word}"
                );
                assert!(
                    ends.is_none_or(|ch| !ch.is_alphanumeric()),
                    "{query}: {word}"
                );
            }
        }
    }
    Ok(())
}

/// The figures a hit's paragraph states, as printed: what the reader came for.
fn first_hit_text(corpus: &Corpus, query: &str) -> Result<String> {
    let hits = corpus.hits(query);
    let first = hits
        .first()
        .ok_or_else(|| format!("{query:?} finds nothing"))?;
    Ok(corpus.paragraph(first)?.text.clone())
}

#[test]
fn protection_orders_rank_the_paragraph_that_counts_them_first() -> Result {
    let corpus = corpus()?;
    for query in ["ordonnance de protection", "ordonnances de protection"] {
        let text = first_hit_text(&corpus, query)?;
        assert!(
            text.contains("44 000 ordonnances de protection"),
            "{query:?} ranks first: {text}"
        );
        // Stop words neither match nor highlight.
        for hit in corpus.hits(query).iter().take(20) {
            for word in corpus.highlights(hit)? {
                let folded = word.to_lowercase();
                assert!(
                    !["de", "des", "dès", "du", "la"].contains(&folded.as_str()),
                    "{query:?} highlights {word:?}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn words_close_together_rank_before_the_same_words_scattered() -> Result {
    let corpus = corpus()?;
    let hits = corpus.hits("ordonnance protection");
    let close = |hit: &Hit| -> Result<bool> {
        let text = corpus.paragraph(hit)?.text.to_lowercase();
        Ok(text.contains("ordonnance de protection") || text.contains("ordonnances de protection"))
    };
    let first_scattered = hits
        .iter()
        .map(close)
        .collect::<Result<Vec<bool>>>()?
        .iter()
        .position(|c| !c)
        .unwrap_or(hits.len());
    for hit in hits.iter().skip(first_scattered) {
        assert!(!close(hit)?, "a close match ranks after a scattered one");
    }
    assert!(first_scattered > 0, "some paragraphs say it together");
    Ok(())
}

#[test]
fn a_number_finds_its_value_whatever_its_spacing() -> Result {
    let corpus = corpus()?;
    let spellings = ["64 000", "64000", "64\u{a0}000", "64\u{202f}000"];
    let first = corpus.hits(spellings[0]);
    assert!(!first.is_empty(), "64 000 is stated somewhere");
    for query in spellings {
        let hits = corpus.hits(query);
        assert_eq!(hits, first, "{query:?} finds what 64 000 finds");
        for hit in &hits {
            let marked = corpus.highlights(hit)?;
            assert!(
                marked
                    .iter()
                    .all(|m| m.chars().filter(char::is_ascii_digit).collect::<String>() == "64000"),
                "{query:?} marks {marked:?}"
            );
        }
    }
    // "000" is the value 0, no longer the end of "2 000".
    for hit in corpus.hits("000") {
        for word in corpus.highlights(&hit)? {
            assert!(word.chars().all(|c| c == '0'), "000 marks {word:?}");
        }
    }
    // A decimal comma.
    let decimal = corpus.hits("20,3");
    assert!(!decimal.is_empty());
    for hit in &decimal {
        assert!(corpus.paragraph(hit)?.text.contains("20,3"));
    }
    Ok(())
}

#[test]
fn every_result_is_reachable_a_page_at_a_time() -> Result {
    let corpus = corpus()?;
    let all = corpus.index.search("torture", usize::MAX);
    assert!(all.total > 50, "torture is everywhere in CAT/C/KAZ/3");
    assert_eq!(all.hits.len(), all.total);
    let mut paged = Vec::new();
    let mut offset = 0;
    while offset < all.total {
        let page = corpus.index.search_page("torture", offset, 50);
        assert_eq!(page.total, all.total);
        offset += page.hits.len();
        paged.extend(page.hits);
    }
    assert_eq!(paged, all.hits);
    Ok(())
}

#[test]
fn a_long_phrase_is_found_in_time_linear_in_its_length() -> Result {
    // A quoted phrase of 20 000 words over a paragraph of 40 000: the matcher walks
    // each once (a quadratic one would compare 800 million word pairs).
    let text = format!("1.\t{}\n", "la violence ".repeat(20_000));
    let document = derek::document::parse_as(&text, derek::document::Layout::LinePerParagraph);
    let index = SearchIndex::new(&[&document]);
    let phrase = format!("\"{}\"", "la violence ".repeat(10_000));
    let results = index.search(&phrase, 10);
    assert_eq!(results.total, 1);
    let hit = results.hits.first().ok_or("the phrase is found")?;
    assert_eq!(hit.spans.len(), 1, "overlapping matches are one highlight");
    Ok(())
}
