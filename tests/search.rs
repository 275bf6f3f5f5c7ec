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
