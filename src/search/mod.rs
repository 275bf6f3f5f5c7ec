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

pub(crate) use fold::fold_char;

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
    /// char boundaries and covering whole words (a phrase is one range). Bytes of
    /// UTF-8, not JavaScript's UTF-16 indices: slice the Rust string, or convert.
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
    /// The paragraphs (global indices) it occurs in, ascending, each once.
    paragraphs: Vec<u32>,
}

/// A stem found in the corpus, with the forms that have it.
#[derive(Debug, Clone)]
struct Stem {
    text: Box<str>,
    /// Indices in [`SearchIndex::forms`], ascending.
    forms: Vec<u32>,
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
    /// Every stem, sorted by text.
    stems: Vec<Stem>,
    /// For each form, the index of its stem in [`SearchIndex::stems`]: words of one
    /// stem are one symbol to the phrase matcher.
    form_stems: Vec<u32>,
}

/// A query word resolved against the index: the forms it matches.
#[derive(Debug)]
struct Term {
    /// The forms that match, one bit per form.
    forms: Bits,
    /// The stem whose forms match (the forms of one stem, unless `prefix`); None
    /// when no word of the corpus has the word's stem.
    stem: Option<u32>,
    /// Whether the term also matches the forms the word begins.
    prefix: bool,
    /// The form that is the word itself, folded but not stemmed.
    exact: Option<u32>,
}

impl Term {
    fn matches(&self, form: u32) -> bool {
        has(&self.forms, form as usize)
    }
}

/// A clause of the query resolved: its terms, in a row, and its weight.
#[derive(Debug)]
struct Clause {
    terms: Vec<Term>,
    weight: f32,
    /// The stems of the terms, in order, but for a last term that is a prefix: the
    /// phrase the matcher looks for, one symbol per word.
    pattern: Vec<u32>,
    /// The Knuth–Morris–Pratt failure function of `pattern`: for each prefix, the
    /// length of its longest proper border.
    failure: Vec<usize>,
    /// The forms that are a query word itself (they count double).
    exact: Bits,
}

/// Paragraphs past this many are not indexed: a paragraph's index fits in the 30
/// bits a sort key gives it.
const MAX_PARAGRAPHS: usize = (1 << 30) - 1;

/// How many words beyond the query's own the words of a close match may stand
/// apart ("within a few words of each other").
const NEAR: usize = 4;

/// Sets of small numbers (paragraphs, forms), one bit each.
type Bits = Vec<u64>;

/// How a word of a paragraph is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    /// It begins a highlight.
    Start,
    /// It continues the highlight of the word before it (a phrase).
    Join,
}

impl SearchIndex {
    /// Indexes the paragraphs of `documents`. Hits name a document by its index in
    /// this slice.
    pub fn new(documents: &[&Document]) -> SearchIndex {
        // Forms get provisional ids in order of appearance, then are sorted.
        let mut provisional: BTreeMap<String, u32> = BTreeMap::new();
        let mut places = Vec::new();
        let mut words = Vec::new();
        let mut buffer = String::new();
        for (d, document) in documents.iter().enumerate() {
            for (p, paragraph) in document.paragraphs.iter().enumerate() {
                if places.len() >= MAX_PARAGRAPHS {
                    break;
                }
                places.push((d, p));
                let text = &paragraph.text;
                let mut paragraph_words = Vec::new();
                for (start, end) in fold::words(text) {
                    let (Ok(start32), Ok(end32)) = (u32::try_from(start), u32::try_from(end))
                    else {
                        break;
                    };
                    buffer.clear();
                    fold::fold_into(text.get(start..end).unwrap_or_default(), &mut buffer);
                    if buffer.is_empty() {
                        continue;
                    }
                    paragraph_words.push(Word {
                        start: start32,
                        end: end32,
                        form: intern(&mut provisional, &buffer),
                    });
                }
                words.push(paragraph_words);
            }
        }

        // Sort the forms (a BTreeMap iterates in order) and renumber the words.
        let mut rank = vec![0u32; provisional.len()];
        let mut forms: Vec<Form> = Vec::with_capacity(provisional.len());
        for (sorted, (text, id)) in (0u32..).zip(provisional) {
            if let Some(r) = rank.get_mut(id as usize) {
                *r = sorted;
            }
            forms.push(Form {
                text: text.into_boxed_str(),
                paragraphs: Vec::new(),
            });
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

        // Stem every form, the same way: provisional ids, then sorted.
        let french = French::new();
        let mut provisional: BTreeMap<String, u32> = BTreeMap::new();
        let form_stems: Vec<u32> = forms
            .iter()
            .map(|f| intern(&mut provisional, &french.stem(&f.text)))
            .collect();
        let mut rank = vec![0u32; provisional.len()];
        let mut stems: Vec<Stem> = Vec::with_capacity(provisional.len());
        for (sorted, (text, id)) in (0u32..).zip(provisional) {
            if let Some(r) = rank.get_mut(id as usize) {
                *r = sorted;
            }
            stems.push(Stem {
                text: text.into_boxed_str(),
                forms: Vec::new(),
            });
        }
        let mut sorted_stems = Vec::with_capacity(form_stems.len());
        for (f, stem) in (0u32..).zip(form_stems) {
            let sorted = rank.get(stem as usize).copied().unwrap_or(0);
            if let Some(stem) = stems.get_mut(sorted as usize) {
                stem.forms.push(f);
            }
            sorted_stems.push(sorted);
        }

        SearchIndex {
            places,
            words,
            forms,
            stems,
            form_stems: sorted_stems,
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
    /// (`violence` finds `violences`), ignoring case and accents. Stop words standing
    /// alone (`de`, `la`) are left out, unless the query has nothing else. A number
    /// matches the same value however it is spaced (`64 000`, `64000`, `64 000`
    /// with a no-break space; `64,5`). The last word, while it is being typed (the
    /// query ends in it) and has at least three letters, also matches the words it
    /// begins (`viol` finds `violence`). Words between double quotes (`"…"`, `“…”`,
    /// `«…»`), or joined by an apostrophe or a hyphen (`l’État`), must occur in a
    /// row. A query without a word matches nothing.
    ///
    /// Ranking: first by closeness — paragraphs where the query's words stand
    /// together as typed, then within a few words of each other ([`NEAR`]), then
    /// scattered; then by score — for each clause, the number of its matches (a
    /// match of the word's exact folded form counts double) weighted by the clause's
    /// rarity across paragraphs; ties in document order.
    ///
    /// Time: linear in the length of the candidate paragraphs and of the query for
    /// each clause (a phrase is found with Knuth–Morris–Pratt over stems).
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        self.search_page(query, 0, limit)
    }

    /// Like [`SearchIndex::search`], the hits from rank `offset` on: every result
    /// can be reached, a page at a time.
    pub fn search_page(&self, query: &str, offset: usize, limit: usize) -> SearchResults {
        let query = query::parse(query);
        let Some((clauses, candidates)) = self.resolve(&query) else {
            return SearchResults::default();
        };
        // One u64 per hit that sorts best first, ties in document order: closeness
        // (2 bits), the score (non-negative, so its bits order as it does) inverted,
        // then the paragraph (30 bits). A sort of plain integers keeps the wasm small.
        let mut keys: Vec<u64> = ones(&candidates)
            .filter_map(|g| {
                let (closeness, score) = self.score(g, &clauses, query.width, None)?;
                let score = u64::from(u32::MAX - score.max(0.0).to_bits());
                Some(u64::from(2 - closeness.min(2)) << 62 | score << 30 | g as u64)
            })
            .collect();
        let total = keys.len();
        keys.sort_unstable();
        let mut marks = Vec::new();
        let hits = keys
            .into_iter()
            .skip(offset)
            .take(limit)
            .filter_map(|key| {
                let g = (key & ((1 << 30) - 1)) as usize;
                let (_, score) = self.score(g, &clauses, query.width, Some(&mut marks))?;
                let &(document, paragraph) = self.places.get(g)?;
                Some(Hit {
                    document,
                    paragraph,
                    score,
                    spans: self.spans(g, &marks),
                })
            })
            .collect();
        SearchResults { total, hits }
    }

    /// How many paragraphs match `query` (see [`SearchIndex::search`]).
    pub fn total(&self, query: &str) -> usize {
        self.search(query, 0).total
    }

    /// The query's clauses resolved against the index, with the paragraphs in which
    /// every term of every clause matches a word; None if there is no clause or no
    /// such paragraph.
    fn resolve(&self, query: &query::Query) -> Option<(Vec<Clause>, Bits)> {
        let last = query.clauses.len().checked_sub(1)?;
        let mut clauses = Vec::with_capacity(query.clauses.len());
        let mut candidates = vec![u64::MAX; self.places.len().div_ceil(64)];
        for (c, words) in query.clauses.iter().enumerate() {
            let last_word = words.len().saturating_sub(1);
            let terms: Vec<Term> = words
                .iter()
                .enumerate()
                .map(|(w, word)| self.term(word, query.prefix && c == last && w == last_word))
                .collect();
            let mut bits = vec![u64::MAX; self.places.len().div_ceil(64)];
            for term in &terms {
                intersect(&mut bits, &self.paragraph_bits(term));
            }
            let found = count(&bits);
            intersect(&mut candidates, &bits);
            if found == 0 || count(&candidates) == 0 {
                return None;
            }
            // Rarer clauses weigh more.
            let weight = (1.0 + self.places.len() as f32 / found as f32).ln();
            let mut exact = vec![0u64; self.forms.len().div_ceil(64)];
            for f in terms.iter().filter_map(|t| t.exact) {
                set(&mut exact, f as usize);
            }
            // Every term but a last prefix is one stem; a term whose stem is nowhere
            // has no paragraph, and the clause was refused above.
            let pattern_len = match terms.last() {
                Some(last) if last.prefix => terms.len() - 1,
                _ => terms.len(),
            };
            let pattern: Vec<u32> = terms
                .iter()
                .take(pattern_len)
                .map(|t| t.stem)
                .collect::<Option<_>>()?;
            let failure = failure(&pattern);
            clauses.push(Clause {
                terms,
                weight,
                pattern,
                failure,
                exact,
            });
        }
        Some((clauses, candidates))
    }

    /// The forms a folded query word matches: those of its stem, and, for a prefix,
    /// those it begins.
    fn term(&self, word: &str, prefix: bool) -> Term {
        let mut forms = vec![0u64; self.forms.len().div_ceil(64)];
        let exact = self.forms.binary_search_by(|f| (*f.text).cmp(word)).ok();
        if let Some(f) = exact {
            set(&mut forms, f);
        }
        let stem = French::new().stem(word);
        let stem = self.stems.binary_search_by(|s| (*s.text).cmp(&stem)).ok();
        if let Some(s) = stem {
            for &f in self.stems.get(s).map_or(&[][..], |s| &s.forms) {
                set(&mut forms, f as usize);
            }
        }
        if prefix {
            let from = self.forms.partition_point(|f| *f.text < *word);
            let rest = self.forms.get(from..).unwrap_or_default();
            let to = from + rest.partition_point(|f| f.text.starts_with(word));
            for f in from..to {
                set(&mut forms, f);
            }
        }
        Term {
            forms,
            stem: stem.and_then(|s| u32::try_from(s).ok()),
            prefix,
            exact: exact.and_then(|f| u32::try_from(f).ok()),
        }
    }

    /// The paragraphs in which `term` matches a word.
    fn paragraph_bits(&self, term: &Term) -> Bits {
        let mut bits = vec![0u64; self.places.len().div_ceil(64)];
        for f in ones(&term.forms) {
            for &g in self.forms.get(f).map_or(&[][..], |f| &f.paragraphs) {
                set(&mut bits, g as usize);
            }
        }
        bits
    }

    /// The closeness (2: the clauses stand together as typed, 1: within [`NEAR`]
    /// words more, 0: scattered) and score of paragraph `g`, or None if a clause (a
    /// phrase) does not occur in it after all. With `marks`, also marks the words to
    /// highlight. `width` is the number of words of the query, stop words included.
    fn score(
        &self,
        g: usize,
        clauses: &[Clause],
        width: usize,
        mut marks: Option<&mut Vec<Mark>>,
    ) -> Option<(u8, f32)> {
        let words = self.words.get(g)?;
        if let Some(marks) = marks.as_deref_mut() {
            marks.clear();
            marks.resize(words.len(), Mark::None);
        }
        let mut score = 0.0f32;
        let mut starts = Vec::new();
        // Every match of every clause: (first word, one past the last, clause).
        let mut matches: Vec<(usize, usize, usize)> = Vec::new();
        for (c, clause) in clauses.iter().enumerate() {
            self.occurrences(words, clause, &mut starts);
            if starts.is_empty() {
                return None;
            }
            let n = clause.terms.len();
            // Matches may overlap ("a a" in "a a a"): each word is visited once.
            let mut covered = 0;
            let mut exact = 0usize;
            for &start in &starts {
                let end = start + n;
                for (i, word) in words.iter().enumerate().take(end).skip(start.max(covered)) {
                    if has(&clause.exact, word.form as usize) {
                        exact += 1;
                    }
                    if let Some(mark) = marks.as_deref_mut().and_then(|m| m.get_mut(i)) {
                        *mark = match (i == start, *mark) {
                            (true, Mark::Join) => Mark::Join,
                            (true, _) => Mark::Start,
                            (false, _) => Mark::Join,
                        };
                    }
                }
                covered = end;
                matches.push((start, end, c));
            }
            score += clause.weight * (starts.len() as f32 + exact as f32 / n as f32);
        }
        let closeness = if clauses.len() < 2 {
            2
        } else {
            let filled: usize = clauses.iter().map(|c| c.terms.len()).sum();
            match narrowest_window(&mut matches, clauses.len()) {
                w if w <= width.max(filled) => 2,
                w if w <= width.max(filled) + NEAR => 1,
                _ => 0,
            }
        };
        Some((closeness, score))
    }

    /// The first words of the matches of `clause` in `words`, ascending, into `out`.
    /// Knuth–Morris–Pratt over the words' stems: linear in the paragraph and the
    /// clause, however long the phrase.
    fn occurrences(&self, words: &[Word], clause: &Clause, out: &mut Vec<usize>) {
        out.clear();
        let m = clause.pattern.len();
        // A last term that is a prefix is checked after the pattern, once per match.
        let tail = clause.terms.last().filter(|t| t.prefix);
        let tail_matches =
            |i: usize| tail.is_none_or(|t| words.get(i).is_some_and(|w| t.matches(w.form)));
        if m == 0 {
            out.extend((0..words.len()).filter(|&i| tail_matches(i)));
            return;
        }
        let mut k = 0;
        for (i, word) in words.iter().enumerate() {
            let symbol = self.form_stems.get(word.form as usize).copied();
            while k > 0 && clause.pattern.get(k).copied() != symbol {
                k = clause.failure.get(k - 1).copied().unwrap_or(0);
            }
            if clause.pattern.get(k).copied() == symbol {
                k += 1;
            }
            if k == m {
                let start = i + 1 - m;
                if tail_matches(i + 1) {
                    out.push(start);
                }
                k = clause.failure.get(k - 1).copied().unwrap_or(0);
            }
        }
    }

    /// The byte ranges of the marked words of paragraph `g`, a phrase as one range.
    fn spans(&self, g: usize, marks: &[Mark]) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let words = self.words.get(g).map_or(&[][..], Vec::as_slice);
        for (word, mark) in words.iter().zip(marks) {
            let (start, end) = (word.start as usize, word.end as usize);
            match (mark, spans.last_mut()) {
                (Mark::None, _) => {}
                (Mark::Join, Some(last)) => last.1 = end,
                (Mark::Start | Mark::Join, _) => spans.push((start, end)),
            }
        }
        spans
    }
}

/// The Knuth–Morris–Pratt failure function: for each prefix `pattern[..=i]`, the
/// length of its longest proper prefix that is also a suffix.
fn failure(pattern: &[u32]) -> Vec<usize> {
    let mut failure = vec![0; pattern.len()];
    let mut k = 0;
    for i in 1..pattern.len() {
        while k > 0 && pattern.get(i) != pattern.get(k) {
            k = failure.get(k - 1).copied().unwrap_or(0);
        }
        if pattern.get(i) == pattern.get(k) {
            k += 1;
        }
        if let Some(f) = failure.get_mut(i) {
            *f = k;
        }
    }
    failure
}

/// The fewest words a stretch of the paragraph needs to hold a match of each of
/// `clauses` clauses, given every match as (first word, one past the last, clause).
/// Sorts `matches`; a sliding window over them after that.
fn narrowest_window(matches: &mut [(usize, usize, usize)], clauses: usize) -> usize {
    matches.sort_unstable();
    let mut counts = vec![0usize; clauses];
    let mut present = 0;
    let mut best = usize::MAX;
    let mut lo = 0;
    for hi in 0..matches.len() {
        let Some(&(_, _, c)) = matches.get(hi) else {
            break;
        };
        if let Some(count) = counts.get_mut(c) {
            if *count == 0 {
                present += 1;
            }
            *count += 1;
        }
        while present == clauses {
            let (Some(&(start, low_end, low)), Some(&(_, high_end, _))) =
                (matches.get(lo), matches.get(hi))
            else {
                break;
            };
            best = best.min(high_end.max(low_end) - start);
            if let Some(count) = counts.get_mut(low) {
                *count -= 1;
                if *count == 0 {
                    present -= 1;
                }
            }
            lo += 1;
        }
    }
    best
}

/// The id of `text` in `ids`, a new one if it has none.
fn intern(ids: &mut BTreeMap<String, u32>, text: &str) -> u32 {
    if let Some(&id) = ids.get(text) {
        return id;
    }
    let id = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    ids.insert(text.to_owned(), id);
    id
}

fn set(bits: &mut Bits, i: usize) {
    if let Some(word) = bits.get_mut(i / 64) {
        *word |= 1 << (i % 64);
    }
}

fn has(bits: &Bits, i: usize) -> bool {
    bits.get(i / 64)
        .is_some_and(|word| word & (1 << (i % 64)) != 0)
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
        let mut rest = word;
        std::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let b = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            Some(i * 64 + b)
        })
    })
}

#[cfg(test)]
mod tests;
