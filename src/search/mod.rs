//! Search across the reports: the paragraphs whose words match what the user typed,
//! ranked, with the byte ranges of the matched words for highlighting.
//!
//! This module owns word matching: how text is cut into words, folded (case,
//! accents, `œ`/`æ` ligatures; apostrophes `’` and `'` alike separate words), and
//! stemmed (Snowball French), how a query is read (words that must all match, the
//! last one also as a prefix while it is being typed, phrases in double quotes), and
//! how hits are ranked. [`SearchIndex::new`] does the work once per corpus, so that
//! each keystroke's query only looks words up and scans the candidate paragraphs.
//!
//! Invariant: pure — text in, hits out; no DOM, no I/O, no knowledge of any
//! particular report. [`SearchIndex::search`] accepts any `&str` and never panics;
//! every span it returns lies on char boundaries of the paragraph's
//! [`text`](crate::document::Paragraph::text) and covers whole words.
//!
//! Submodules: `fold` (words, folding, stemming), `query` (reading the query).

mod fold;
mod query;

use crate::document::Document;
use fold::French;
use serde::Serialize;
use std::collections::BTreeMap;

/// One paragraph that matches: where it is and what in it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index of the document in the slice the index was built from.
    pub document: usize,
    /// Index of the paragraph in that document's
    /// [`paragraphs`](crate::document::Document::paragraphs).
    pub paragraph: usize,
    /// How well it matches; higher first. Only comparable within one query.
    pub score: f32,
    /// Byte ranges in the paragraph's text to highlight, ascending, disjoint, each on
    /// char boundaries and covering whole words (a phrase is one range).
    pub spans: Vec<(usize, usize)>,
}

/// The answer to a query: how many paragraphs match, and the best of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SearchResults {
    /// How many paragraphs match in all (`hits` holds at most the limit).
    pub total: usize,
    /// The best matches, best first; ties in document order.
    pub hits: Vec<Hit>,
}

/// A word of a paragraph: its byte range in the text and its folded form.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: u32,
    end: u32,
    /// Index in [`SearchIndex::forms`].
    form: u32,
}

/// A folded form found in the corpus.
#[derive(Debug, Clone)]
struct Form {
    text: Box<str>,
    /// Index in [`SearchIndex::stems`].
    stem: u32,
    /// The paragraphs (global indices) it occurs in, ascending, each once.
    paragraphs: Vec<u32>,
}

/// The words of a set of documents, ready to be searched. Holds no text: hits point
/// back into the documents it was built from, which the caller keeps.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// For each paragraph, in document order: (document, paragraph) indices.
    places: Vec<(usize, usize)>,
    /// For each paragraph, its words in order.
    words: Vec<Vec<Word>>,
    /// Every folded form, sorted by text (so that a prefix is a range).
    forms: Vec<Form>,
    /// Every stem with the forms that have it, sorted by stem.
    stems: Vec<(Box<str>, Vec<u32>)>,
}

/// A query word resolved against the index: the forms it matches.
#[derive(Debug)]
struct Term {
    /// The forms that match, sorted.
    forms: Vec<u32>,
    /// The form that is the word itself, folded but not stemmed.
    exact: Option<u32>,
}

impl Term {
    fn matches(&self, form: u32) -> bool {
        self.forms.binary_search(&form).is_ok()
    }
}

/// Paragraph sets, one bit per paragraph.
type Bits = Vec<u64>;

impl SearchIndex {
    /// Indexes the paragraphs of `documents`. Hits name a document by its index in
    /// this slice.
    pub fn new(documents: &[&Document]) -> SearchIndex {
        let french = French::new();
        // Forms get provisional ids in order of appearance, then are sorted.
        let mut provisional: BTreeMap<String, u32> = BTreeMap::new();
        let mut places = Vec::new();
        let mut words = Vec::new();
        let mut buffer = String::new();
        for (d, document) in documents.iter().enumerate() {
            for (p, paragraph) in document.paragraphs.iter().enumerate() {
                places.push((d, p));
                let text = &paragraph.text;
                let mut paragraph_words = Vec::new();
                for (start, end) in fold::words(text) {
                    let (Ok(start32), Ok(end32)) = (u32::try_from(start), u32::try_from(end))
                    else {
                        break;
                    };
                    buffer.clear();
                    for c in text.get(start..end).unwrap_or_default().chars() {
                        fold::fold_char(c, &mut buffer);
                    }
                    if buffer.is_empty() {
                        continue;
                    }
                    let next = u32::try_from(provisional.len()).unwrap_or(u32::MAX);
                    let form = match provisional.get(buffer.as_str()) {
                        Some(&id) => id,
                        None => {
                            provisional.insert(buffer.clone(), next);
                            next
                        }
                    };
                    paragraph_words.push(Word {
                        start: start32,
                        end: end32,
                        form,
                    });
                }
                words.push(paragraph_words);
            }
        }

        // Sort the forms (a BTreeMap iterates in order) and renumber the words.
        let mut rank = vec![0u32; provisional.len()];
        let mut by_stem: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut forms: Vec<Form> = Vec::with_capacity(provisional.len());
        for (sorted, (text, id)) in (0u32..).zip(provisional) {
            if let Some(r) = rank.get_mut(id as usize) {
                *r = sorted;
            }
            by_stem.entry(french.stem(&text)).or_default().push(sorted);
            forms.push(Form {
                text: text.into_boxed_str(),
                stem: 0,
                paragraphs: Vec::new(),
            });
        }
        let stems: Vec<(Box<str>, Vec<u32>)> = by_stem
            .into_iter()
            .map(|(stem, forms)| (stem.into_boxed_str(), forms))
            .collect();
        for (s, (_, stem_forms)) in (0u32..).zip(&stems) {
            for &f in stem_forms {
                if let Some(form) = forms.get_mut(f as usize) {
                    form.stem = s;
                }
            }
        }
        for (g, paragraph_words) in (0u32..).zip(&mut words) {
            for word in paragraph_words.iter_mut() {
                word.form = rank.get(word.form as usize).copied().unwrap_or(0);
                if let Some(form) = forms.get_mut(word.form as usize) {
                    if form.paragraphs.last() != Some(&g) {
                        form.paragraphs.push(g);
                    }
                }
            }
        }
        SearchIndex {
            places,
            words,
            forms,
            stems,
        }
    }

    /// How many paragraphs are indexed.
    pub fn paragraph_count(&self) -> usize {
        self.places.len()
    }

    /// How many words are indexed, in all paragraphs.
    pub fn word_count(&self) -> usize {
        self.words.iter().map(Vec::len).sum()
    }

    /// How many distinct folded forms the indexed words have.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// The paragraphs that match `query`, the best `limit` of them, and how many
    /// match in all.
    ///
    /// The query's words must all match (AND), each as a word of the same stem
    /// (`violence` finds `violences`), ignoring case and accents. The last word, while
    /// it is being typed (the query ends in it) and has at least three characters,
    /// also matches the words it begins (`viol` finds `violence`). Words between
    /// double quotes (`"…"`, `“…”`, `«…»`), or joined by an apostrophe or a hyphen
    /// (`l’État`), must occur in a row. A query without a word matches nothing.
    ///
    /// Ranking: a paragraph scores, for each clause of the query, the number of its
    /// matches (a match of the word's exact folded form counts double) weighted by
    /// the clause's rarity across paragraphs; higher scores first, ties in document
    /// order.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let query = query::parse(query);
        let last = query.clauses.len().saturating_sub(1);
        let mut clauses: Vec<(Vec<Term>, f32)> = Vec::with_capacity(query.clauses.len());
        let mut candidates: Option<Bits> = None;
        for (c, clause) in query.clauses.iter().enumerate() {
            let last_word = clause.len().saturating_sub(1);
            let terms: Vec<Term> = clause
                .iter()
                .enumerate()
                .map(|(w, word)| self.term(word, query.prefix && c == last && w == last_word))
                .collect();
            let mut bits = self.paragraph_bits(terms.first());
            for term in terms.iter().skip(1) {
                intersect(&mut bits, &self.paragraph_bits(Some(term)));
            }
            let found = count(&bits);
            if found == 0 {
                return SearchResults::default();
            }
            // Rarer clauses weigh more.
            let weight = (1.0 + self.places.len() as f32 / found as f32).ln();
            match candidates.as_mut() {
                Some(all) => intersect(all, &bits),
                None => candidates = Some(bits),
            }
            clauses.push((terms, weight));
        }
        let Some(candidates) = candidates else {
            return SearchResults::default();
        };

        let mut hits: Vec<Hit> = Vec::new();
        for g in ones(&candidates) {
            if let Some(hit) = self.score(g, &clauses) {
                hits.push(hit);
            }
        }
        let total = hits.len();
        // Stable: equal scores stay in document order.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        SearchResults { total, hits }
    }

    /// How many paragraphs match `query` (see [`SearchIndex::search`]).
    pub fn total(&self, query: &str) -> usize {
        self.search(query, 0).total
    }

    /// The forms a folded query word matches: those of its stem, and, for a prefix,
    /// those it begins.
    fn term(&self, word: &str, prefix: bool) -> Term {
        let exact = self
            .forms
            .binary_search_by(|f| (*f.text).cmp(word))
            .ok()
            .and_then(|i| u32::try_from(i).ok());
        let stem = French::new().stem(word);
        let mut forms: Vec<u32> = match self.stems.binary_search_by(|(s, _)| (**s).cmp(&stem)) {
            Ok(i) => self
                .stems
                .get(i)
                .map(|(_, forms)| forms.clone())
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        if prefix {
            let from = self.forms.partition_point(|f| *f.text < *word);
            let rest = self.forms.get(from..).unwrap_or_default();
            let to = from + rest.partition_point(|f| f.text.starts_with(word));
            forms.extend((from..to).filter_map(|i| u32::try_from(i).ok()));
        }
        forms.extend(exact);
        forms.sort_unstable();
        forms.dedup();
        Term { forms, exact }
    }

    /// The paragraphs in which `term` matches a word.
    fn paragraph_bits(&self, term: Option<&Term>) -> Bits {
        let mut bits = vec![0u64; self.places.len().div_ceil(64)];
        for &f in term.map(|t| t.forms.as_slice()).unwrap_or_default() {
            for &g in self
                .forms
                .get(f as usize)
                .map_or(&[][..], |f| &f.paragraphs)
            {
                if let Some(word) = bits.get_mut(g as usize / 64) {
                    *word |= 1 << (g % 64);
                }
            }
        }
        bits
    }

    /// Paragraph `g` scored against the clauses, or None if one of them (a phrase)
    /// does not occur in it after all.
    fn score(&self, g: usize, clauses: &[(Vec<Term>, f32)]) -> Option<Hit> {
        let words = self.words.get(g)?;
        let &(document, paragraph) = self.places.get(g)?;
        let mut score = 0.0f32;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (terms, weight) in clauses {
            let mut matched = 0.0f32;
            let n = terms.len();
            for (i, window) in words.windows(n).enumerate() {
                if !window.iter().zip(terms).all(|(w, t)| t.matches(w.form)) {
                    continue;
                }
                let exact = window
                    .iter()
                    .zip(terms)
                    .filter(|(w, t)| t.exact == Some(w.form))
                    .count();
                matched += 1.0 + exact as f32 / n as f32;
                let first = words.get(i)?;
                let last = words.get(i + n - 1)?;
                spans.push((first.start as usize, last.end as usize));
            }
            if matched == 0.0 {
                return None;
            }
            score += weight * matched;
        }
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Some(Hit {
            document,
            paragraph,
            score,
            spans: merged,
        })
    }
}

fn intersect(into: &mut Bits, other: &Bits) {
    for (a, b) in into.iter_mut().zip(other) {
        *a &= b;
    }
}

fn count(bits: &Bits) -> usize {
    bits.iter().map(|w| w.count_ones() as usize).sum()
}

/// The set bits, ascending.
fn ones(bits: &Bits) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(i, &word)| {
        (0..64)
            .filter(move |b| word & (1u64 << b) != 0)
            .map(move |b| i * 64 + b)
    })
}

#[cfg(test)]
mod tests;
