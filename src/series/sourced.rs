//! Facts with their provenance: which report, which paragraph, which line and
//! sentence. This is what every series point and table row is made of.
//!
//! Invariant: linear in the text. A paragraph's sentence breaks are found in one
//! walk, each fact finds its sentence among them, and the facts of one sentence
//! share its text (and a paragraph's facts share its heading) instead of each
//! holding a copy.

use crate::corpus::BundledReport;
use crate::document::{self, Document};
use crate::extract::{self, Fact};
use serde::Serialize;
use std::sync::Arc;

/// A fact and where it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedFact {
    #[serde(flatten)]
    pub fact: Fact,
    /// Index of the report in the corpus.
    #[serde(skip)]
    pub report_index: usize,
    /// Document symbol of the report.
    pub report: String,
    /// Paragraph id (URL-safe) and its printed reference ("par. 81").
    pub paragraph: String,
    pub reference: String,
    /// Section heading the paragraph falls under (shared with the paragraph).
    pub section: Option<Arc<str>>,
    /// 1-based line of the original file where the number starts.
    pub line: usize,
    /// The sentence that states the fact (shared by the facts it states), and
    /// the number's byte range in it.
    pub sentence: Arc<str>,
    #[serde(skip)]
    pub sentence_span: (usize, usize),
}

/// The reports, parsed into documents, with every fact they state.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub reports: Vec<BundledReport>,
    pub documents: Vec<Document>,
    pub facts: Vec<SourcedFact>,
}

impl Corpus {
    /// Parses and extracts every report: the widget does this once at load.
    pub fn read(reports: Vec<BundledReport>) -> Corpus {
        let documents: Vec<Document> = reports.iter().map(|r| document::parse(r.text)).collect();
        Corpus::from_documents(reports, documents)
    }

    /// Extracts the facts of reports already parsed (`documents[i]` is `reports[i]`).
    pub fn from_documents(reports: Vec<BundledReport>, documents: Vec<Document>) -> Corpus {
        let mut facts = Vec::new();
        for (report_index, (report, doc)) in reports.iter().zip(&documents).enumerate() {
            // The period covers "au cours de la période considérée". Placed and
            // sourced one by one: the facts are never held twice.
            let dating =
                extract::Dating::of_report(report.meta.reference_year, &report.meta.period);
            let located = extract::located_facts(doc, &dating);
            sourced(doc, located, &report.meta.symbol, report_index, &mut facts);
        }
        Corpus {
            reports,
            documents,
            facts,
        }
    }
}

/// Gives each fact of `doc` (in document order, as the extractor yields them)
/// its paragraph, reference, section and sentence, appending them to `out` with
/// `report` and `report_index`. Each paragraph's sentence breaks are found once,
/// and the facts of one sentence share it: linear in the document.
pub fn sourced(
    doc: &Document,
    located: impl IntoIterator<Item = extract::LocatedFact>,
    report: &str,
    report_index: usize,
    out: &mut Vec<SourcedFact>,
) {
    let located = located.into_iter();
    // Sized once when the count is known: growing by doubling may hold twice it.
    let (least, most) = located.size_hint();
    out.reserve(most.unwrap_or(least));
    // Facts come in document order: walk the paragraphs alongside them.
    let mut paragraphs = doc.paragraphs.iter().peekable();
    // The breaks of the current paragraph, and the last sentence shared.
    let mut breaks: Option<(&str, Vec<Break>)> = None;
    let mut shared: Option<(usize, usize, Arc<str>)> = None;
    // The current paragraph's reference, written once for all its facts.
    let mut reference = String::new();
    for located in located {
        while paragraphs.next_if(|p| p.id != located.paragraph).is_some() {}
        let Some(paragraph) = paragraphs.peek() else {
            break;
        };
        let fact = located.fact;
        let text = paragraph.text.as_str();
        if !breaks.as_ref().is_some_and(|(t, _)| std::ptr::eq(*t, text)) {
            breaks = Some((text, sentence_breaks(text)));
            shared = None;
            reference = paragraph.reference();
        }
        let found = breaks.as_ref().map_or(&[][..], |(_, b)| b.as_slice());
        let (start, end) = sentence_in(found, text.len(), fact.start, fact.end);
        let sentence = match &shared {
            Some((a, b, s)) if (*a, *b) == (start, end) => Arc::clone(s),
            _ => {
                let s: Arc<str> = Arc::from(text.get(start..end).unwrap_or(""));
                shared = Some((start, end, Arc::clone(&s)));
                s
            }
        };
        out.push(SourcedFact {
            report_index,
            report: report.to_string(),
            paragraph: located.paragraph,
            reference: reference.clone(),
            section: paragraph.section.clone(),
            line: located.line,
            sentence,
            sentence_span: (fact.start - start, fact.end - start),
            fact,
        });
    }
}

/// Where one sentence of a paragraph ends (`end`, exclusive) and the next
/// begins (`next`).
#[derive(Debug, Clone, Copy)]
struct Break {
    end: usize,
    next: usize,
}

/// The sentence breaks of a paragraph's text, in one walk. A sentence ends
/// after ".", "!", "?" or ";" followed by a space and a capital letter, « or the
/// end of the text (so "art. 108" does not end one), and at every line break:
/// a line of a paragraph's clean text is a printed paragraph of its own (a list
/// item, one of several answers under a question label), whether or not its
/// last sentence has a full stop.
fn sentence_breaks(text: &str) -> Vec<Break> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        match c {
            '\n' => out.push(Break {
                end: i,
                next: after,
            }),
            '.' | '!' | '?' | ';' if text.as_bytes().get(after) == Some(&b' ') => {
                // The white space after is read once, by the break it follows.
                let rest = text.get(after..).unwrap_or("");
                let next = rest.trim_start().chars().next();
                if next.is_none_or(|n| n.is_uppercase() || n == '«') {
                    out.push(Break {
                        end: after,
                        next: after + 1,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The sentence around `start..end` among a paragraph's breaks (`len` is the
/// text's length): from the last break at or before `start` to the first at or
/// after `end`. Two binary searches.
fn sentence_in(breaks: &[Break], len: usize, start: usize, end: usize) -> (usize, usize) {
    let before = breaks.partition_point(|b| b.end <= start);
    let begin = before
        .checked_sub(1)
        .and_then(|k| breaks.get(k))
        .map_or(0, |b| b.next);
    let after = breaks.partition_point(|b| b.end < end.min(len));
    let finish = breaks.get(after).map_or(len, |b| b.end);
    (begin.min(start), finish.max(end.min(len)))
}

/// The byte range of the sentence around `start..end` in `text` (see
/// [`sentence_breaks`] for what ends a sentence). Linear in the text; the
/// corpus finds the breaks of a paragraph once for all its facts.
pub fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    sentence_in(&sentence_breaks(text), text.len(), start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ends_before_a_capital_not_after_an_abbreviation() {
        let text =
            "Voir art. 108 du Code. En 2012, plus de 44 000 ordonnances ont été prises. Fin.";
        let start = text.find("44 000").unwrap_or(0);
        let (a, b) = sentence_bounds(text, start, start + 6);
        assert_eq!(
            &text[a..b],
            "En 2012, plus de 44 000 ordonnances ont été prises."
        );
        let start = text.find("108").unwrap_or(0);
        let (a, b) = sentence_bounds(text, start, start + 3);
        assert_eq!(&text[a..b], "Voir art. 108 du Code.");
    }

    #[test]
    fn a_line_break_ends_a_sentence() {
        let text = "Elle couvre le conseil et la représentation.\nLe soutien est assuré par 30 centres de crise\nEn 2024, 4 656 personnes ont été aidées.";
        let start = text.find("30").unwrap_or(0);
        let (a, b) = sentence_bounds(text, start, start + 2);
        assert_eq!(&text[a..b], "Le soutien est assuré par 30 centres de crise");
        let start = text.find("4 656").unwrap_or(0);
        let (a, b) = sentence_bounds(text, start, start + 5);
        assert_eq!(&text[a..b], "En 2024, 4 656 personnes ont été aidées.");
    }

    #[test]
    fn a_line_break_ends_a_sentence_with_or_without_a_full_stop() {
        let text = "Elle couvre le conseil.\nLe soutien est assuré par 30 centres\n2 lignes; 5 cas";
        for (number, sentence) in [
            ("30", "Le soutien est assuré par 30 centres"),
            ("2 ", "2 lignes; 5 cas"),
        ] {
            let start = text.find(number).unwrap_or(0);
            let (a, b) = sentence_bounds(text, start, start + 2);
            assert_eq!(&text[a..b], sentence);
        }
    }

    #[test]
    fn every_fact_of_the_bundled_reports_has_its_sentence() -> Result<(), Box<dyn std::error::Error>>
    {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        assert!(corpus.facts.len() > 1000, "{} facts", corpus.facts.len());
        for f in &corpus.facts {
            let (s, e) = f.sentence_span;
            // The number lies inside its sentence, on char boundaries.
            assert!(f.sentence.get(s..e).is_some(), "{f:?}");
        }
        Ok(())
    }
}
