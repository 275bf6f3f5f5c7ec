//! A report someone brings: any text, read as the bundled reports are, with its
//! reference year read from its cover (or given), its flattened tables, every
//! fact with its provenance, and the language it is written in (guessed: the page
//! marks its text with it, never with French by default).
//!
//! Invariant: nothing here knows which report it reads; the text is owned (it
//! comes from a file or a paste, not from the binary), never panics, and reading
//! is linear in its length.

use super::sourced::{sourced, SourcedFact};
use crate::document::{self, cover, Document};
use crate::extract;
use serde::Serialize;

/// Where a report's reference year comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum YearOrigin {
    /// Read from the cover or the introduction.
    Cover(cover::CoverDate),
    /// Given by the reader (`--reference-year`, or changed in the page).
    Given,
    /// Neither: figures stated without a year stay undated.
    Unknown,
}

/// Fewer words than this is not a report (a scan, a cover page, a stray file).
pub const MIN_WORDS: usize = 5;

/// Why a text cannot be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the text is empty")]
    Empty,
    #[error(
        "the text has only {words} words: not a report (a scanned document holds images, not text)"
    )]
    NoWords { words: usize },
}

/// A report brought by a reader, read.
#[derive(Debug, Clone)]
pub struct OwnReport {
    /// What the reader calls it (a file name, or the first words of a paste).
    pub name: String,
    /// The year figures stated without one describe, if any.
    pub reference_year: Option<i32>,
    pub year_origin: YearOrigin,
    pub document: Document,
    /// The language its text is written in, `None` when it cannot be told
    /// (`document::language::guess`).
    pub language: Option<crate::i18n::Lang>,
    /// Every fact, in document order, `report` set to [`OwnReport::name`].
    pub facts: Vec<SourcedFact>,
}

impl OwnReport {
    /// Reads `text`. With `reference_year` None, the year is read from the cover.
    /// `report_index` is the index the facts carry (where the report sits among
    /// the others the reader sees). Fails when the text holds no words to read.
    pub fn read(
        name: &str,
        text: &str,
        reference_year: Option<i32>,
        report_index: usize,
    ) -> Result<OwnReport, ReadError> {
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        // A scanned PDF gives page numbers and stray marks, not words.
        let words = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .take(MIN_WORDS)
            .count();
        if words < MIN_WORDS {
            return Err(ReadError::NoWords { words });
        }
        let (reference_year, year_origin) = match reference_year {
            Some(year) => (Some(year), YearOrigin::Given),
            None => match cover::reference_year(text) {
                Some(date) => (Some(date.year), YearOrigin::Cover(date)),
                None => (None, YearOrigin::Unknown),
            },
        };
        let document = document::parse(text);
        // "Au cours de la période considérée" dates by the period the cover states.
        let dating = extract::Dating {
            reference_year,
            period: cover::period_covered(text)
                .map(|(first, last)| extract::Year::Period(first, last)),
        };
        let located = extract::table::extract_report_dated(text, &document, &dating);
        let mut facts = Vec::with_capacity(located.len());
        sourced(&document, located, name, report_index, &mut facts);
        Ok(OwnReport {
            name: name.to_string(),
            reference_year,
            year_origin,
            language: document::language::guess(text),
            document,
            facts,
        })
    }
}

/// What a reader is told once a report is read: its name, its reference year and
/// where it came from, how much was read, and the series found automatically.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'a> {
    pub name: &'a str,
    pub reference_year: Option<i32>,
    pub year_origin: &'a YearOrigin,
    /// The BCP 47 code of the language of its text (`en`), empty when unknown:
    /// the `lang` of its sentences in the page.
    pub lang: &'static str,
    pub paragraphs: usize,
    pub facts: usize,
    /// Facts with a year (stated or implied).
    pub dated: usize,
    pub series: Vec<SeriesBrief<'a>>,
}

/// A series found automatically, in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesBrief<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub points: usize,
}

impl OwnReport {
    /// The summary of this report, with `series` (its automatic series).
    pub fn summary<'a>(&'a self, series: &'a [super::Series]) -> Summary<'a> {
        Summary {
            name: &self.name,
            reference_year: self.reference_year,
            year_origin: &self.year_origin,
            lang: document::language::code(self.language),
            paragraphs: self.document.paragraphs.len(),
            facts: self.facts.len(),
            dated: self.facts.iter().filter(|f| f.fact.year.is_some()).count(),
            series: series
                .iter()
                .map(|s| SeriesBrief {
                    id: &s.id,
                    // The report's own words (the page asks for the reader's
                    // language where the tables give one).
                    title: s.title(crate::i18n::Lang::Fr),
                    points: s.points.len(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Year, YearSource};

    const TEXT: &str = "[Date de réception : 25 septembre 2025]\n\n\
        1. Environ 70 000 ordonnances de protection ont été délivrées. En 2023, 12 centres de crise étaient ouverts.\n\n\
        En milliers de personnes\n2022\n2023\nBénéficiaires\n1,2\n1,5\n";

    #[test]
    fn an_own_report_is_dated_from_its_cover_and_keeps_its_sources() -> Result<(), ReadError> {
        let own = OwnReport::read("mon-rapport.txt", TEXT, None, 5)?;
        assert_eq!(own.reference_year, Some(2025));
        assert!(matches!(&own.year_origin, YearOrigin::Cover(d) if d.line == 1));
        let got: Vec<(f64, Option<Year>, Option<YearSource>, &str)> = own
            .facts
            .iter()
            .map(|f| (f.fact.value, f.fact.year, f.fact.year_source, &*f.sentence))
            .collect();
        let implied = Some(YearSource::Implied);
        let stated = Some(YearSource::Stated);
        assert_eq!(
            got.first(),
            Some(&(
                70_000.0,
                Some(Year::Single(2025)),
                implied,
                "Environ 70 000 ordonnances de protection ont été délivrées."
            ))
        );
        assert_eq!(
            got.get(1).map(|f| (f.0, f.1)),
            Some((12.0, Some(Year::Single(2023))))
        );
        assert_eq!(
            got.get(2).map(|f| (f.0, f.1, f.2)),
            Some((1200.0, Some(Year::Single(2022)), stated))
        );
        assert_eq!(got.len(), 4);
        assert!(own
            .facts
            .iter()
            .all(|f| f.report == "mon-rapport.txt" && f.report_index == 5));
        for f in &own.facts {
            let (s, e) = f.sentence_span;
            assert_eq!(f.sentence.get(s..e), Some(f.fact.verbatim.as_str()));
        }
        Ok(())
    }

    #[test]
    fn a_given_year_wins_and_no_year_leaves_figures_undated() -> Result<(), ReadError> {
        let own = OwnReport::read("r", TEXT, Some(2024), 0)?;
        assert_eq!(own.year_origin, YearOrigin::Given);
        assert_eq!(
            own.facts.first().and_then(|f| f.fact.year),
            Some(Year::Single(2024))
        );
        let text = "Environ 70 000 ordonnances de protection ont été délivrées.";
        let own = OwnReport::read("r", text, None, 0)?;
        assert_eq!(own.year_origin, YearOrigin::Unknown);
        assert_eq!(own.facts.first().map(|f| f.fact.year), Some(None));
        Ok(())
    }

    #[test]
    fn the_period_considered_is_the_period_the_cover_states() -> Result<(), ReadError> {
        let text = "1. Le présent rapport couvre la période 2019-2022.\n\n\
                    2. Au cours de la période considérée, 120 centres ont été ouverts.";
        let own = OwnReport::read("r", text, None, 0)?;
        let centres = own.facts.iter().find(|f| f.fact.value == 120.0);
        assert_eq!(
            centres.and_then(|f| f.fact.year),
            Some(Year::Period(2019, 2022))
        );
        Ok(())
    }

    #[test]
    fn an_empty_text_or_a_scan_is_said_to_be_no_report() {
        assert_eq!(
            OwnReport::read("r", " \n ", None, 0).err(),
            Some(ReadError::Empty)
        );
        let scan = "1\n\n2\n\n3 GE.25-01234\n\n* ~ ## 4\n";
        let err = OwnReport::read("r", scan, None, 0).err();
        assert_eq!(err, Some(ReadError::NoWords { words: 0 }));
        assert!(err.is_some_and(|e| e.to_string().contains("scanned")));
    }
}
