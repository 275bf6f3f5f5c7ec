//! Facts with their provenance: which report, which paragraph, which line and
//! sentence. This is what every series point and table row is made of.

use crate::corpus::BundledReport;
use crate::document::{self, Document};
use crate::extract::{self, Fact};
use serde::Serialize;

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
    /// Section heading the paragraph falls under.
    pub section: Option<String>,
    /// 1-based line of the original file where the number starts.
    pub line: usize,
    /// The sentence that states the fact, and the number's byte range in it.
    pub sentence: String,
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
            // Facts come in document order: walk the paragraphs alongside them.
            let mut paragraphs = doc.paragraphs.iter().peekable();
            for located in extract::extract_document(doc, Some(report.meta.reference_year)) {
                while paragraphs.next_if(|p| p.id != located.paragraph).is_some() {}
                let Some(paragraph) = paragraphs.peek() else {
                    break;
                };
                let fact = located.fact;
                let (start, end) = sentence_bounds(&paragraph.text, fact.start, fact.end);
                facts.push(SourcedFact {
                    report_index,
                    report: report.meta.symbol.clone(),
                    paragraph: located.paragraph,
                    reference: paragraph.reference(),
                    section: paragraph.section.clone(),
                    line: located.line,
                    sentence: paragraph.text[start..end].to_string(),
                    sentence_span: (fact.start - start, fact.end - start),
                    fact,
                });
            }
        }
        Corpus {
            reports,
            documents,
            facts,
        }
    }
}

/// The byte range of the sentence around `start..end` in `text`: from after the
/// previous ". " (or "; ") to the next one. Abbreviations such as "art. 108" do not
/// end a sentence: a sentence ends only before a capital letter or a line end. A
/// line break the document kept (its lines are joined where they were only
/// wrapped) ends a sentence before a capital too, full stop or not.
pub fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_break = |i: usize| -> bool {
        let before = text[..i].chars().next_back();
        let rest = &text[i..];
        let after = rest.trim_start().chars().next();
        let capital = after.is_none_or(|c| c.is_uppercase() || c == '«');
        let stop = matches!(before, Some('.' | '!' | '?' | ';')) && rest.starts_with([' ', '\n']);
        (stop || rest.starts_with('\n')) && capital
    };
    let begin = text[..start.min(text.len())]
        .char_indices()
        .rev()
        .map(|(i, c)| i + c.len_utf8())
        .find(|i| is_break(*i))
        .map_or(0, |i| i + 1);
    let finish = text
        .char_indices()
        .map(|(i, _)| i)
        .filter(|i| *i >= end.min(text.len()))
        .find(|i| is_break(*i))
        .unwrap_or(text.len());
    (begin.min(start), finish.max(end.min(text.len())))
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
