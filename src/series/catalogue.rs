//! The series catalogue (`data/series.toml`): which facts make which series.
//!
//! A series is data, not code: rules over the extracted facts (words of the
//! subject or sentence, unit, report, paragraph), never copied numbers. Adding a
//! series is adding a table to the TOML file.

use super::sourced::{Corpus, SourcedFact};
use super::{flag_conflicts, Key, Kind, Point, Series};
use crate::extract::{Qualifier, Unit, Year};
use serde::Deserialize;

/// The catalogue compiled into the widget.
pub const BUNDLED: &str = include_str!("../../data/series.toml");

/// Why a catalogue could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("series.toml is not valid: {0}")]
    Syntax(#[from] toml::de::Error),
    #[error("series.toml: series {id:?} names theme {theme:?}, which [[theme]] does not define")]
    UnknownTheme { id: String, theme: String },
    #[error("series.toml: the id {0:?} is used twice")]
    DuplicateId(String),
    #[error("series.toml: series {0:?} selects nothing (give at least `subject` or `sentence`)")]
    NoRule(String),
}

/// A group of series in the explorer's list.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Theme {
    pub id: String,
    pub title_fr: String,
    pub title_en: String,
}

/// One catalogued series: its titles and the rules that select its facts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeriesDef {
    pub id: String,
    pub theme: String,
    pub title_fr: String,
    pub title_en: String,
    pub unit: Unit,
    pub kind: Kind,
    /// The fact's subject contains one of these (accents and case ignored).
    #[serde(default)]
    pub subject: Vec<String>,
    /// The fact's subject contains none of these.
    #[serde(default)]
    pub subject_not: Vec<String>,
    /// The fact's sentence contains one of these.
    #[serde(default)]
    pub sentence: Vec<String>,
    /// The fact's sentence contains none of these.
    #[serde(default)]
    pub sentence_not: Vec<String>,
    /// Only these reports (document symbols); all when empty.
    #[serde(default)]
    pub reports: Vec<String>,
    /// Only these paragraph ids; all when empty.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Qualifiers admitted; by default every one but `change` and `target`,
    /// which are not levels and cannot sit on the same axis.
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    /// Breakdowns: category names to show instead of the subject as written,
    /// and their English names.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// A sentence for readers: what the series counts, and its caveats.
    #[serde(default)]
    pub note_fr: String,
    #[serde(default)]
    pub note_en: String,
}

/// A breakdown's category: the subject words that name it, and its labels.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Category {
    /// The fact's subject contains this (accents and case ignored).
    pub subject: String,
    pub fr: String,
    pub en: String,
}

/// The whole catalogue.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Catalogue {
    #[serde(rename = "theme")]
    pub themes: Vec<Theme>,
    #[serde(rename = "series")]
    pub series: Vec<SeriesDef>,
}

impl Catalogue {
    /// Reads and checks a catalogue.
    pub fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue: Catalogue = toml::from_str(text)?;
        for (i, def) in catalogue.series.iter().enumerate() {
            if !catalogue.themes.iter().any(|t| t.id == def.theme) {
                return Err(CatalogueError::UnknownTheme {
                    id: def.id.clone(),
                    theme: def.theme.clone(),
                });
            }
            if catalogue.series[..i].iter().any(|d| d.id == def.id) {
                return Err(CatalogueError::DuplicateId(def.id.clone()));
            }
            if def.subject.is_empty() && def.sentence.is_empty() {
                return Err(CatalogueError::NoRule(def.id.clone()));
            }
        }
        Ok(catalogue)
    }

    /// The bundled catalogue.
    pub fn bundled() -> Result<Catalogue, CatalogueError> {
        Catalogue::parse(BUNDLED)
    }

    /// Every catalogued series, built from the corpus' facts.
    pub fn build(&self, corpus: &Corpus) -> Vec<Series> {
        self.series.iter().map(|def| def.build(corpus)).collect()
    }
}

/// Lower case without accents, apostrophes made plain: "Délivrées" → "delivrees".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | 'ʼ' | '‘' => out.push('\''),
            '\u{a0}' | '\u{202f}' | '\u{2009}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn contains_any(haystack: &str, needles: &[String]) -> bool {
    needles.iter().any(|n| haystack.contains(&fold(n)))
}

impl SeriesDef {
    /// Whether a fact belongs to this series.
    pub fn selects(&self, fact: &SourcedFact) -> bool {
        let f = &fact.fact;
        let unit_ok = f.unit == self.unit;
        let qualifier_ok = if self.qualifiers.is_empty() {
            !matches!(f.qualifier, Qualifier::Change | Qualifier::Target)
        } else {
            self.qualifiers.contains(&f.qualifier)
        };
        let key_ok = match self.kind {
            Kind::Time => matches!(f.year, Some(Year::Single(_))),
            Kind::Breakdown => true,
        };
        if !(unit_ok && qualifier_ok && key_ok) {
            return false;
        }
        if !self.reports.is_empty() && !self.reports.contains(&fact.report) {
            return false;
        }
        if !self.paragraphs.is_empty() && !self.paragraphs.contains(&fact.paragraph) {
            return false;
        }
        let subject = fold(&f.subject);
        let sentence = fold(&fact.sentence);
        (self.subject.is_empty() || contains_any(&subject, &self.subject))
            && !contains_any(&subject, &self.subject_not)
            && (self.sentence.is_empty() || contains_any(&sentence, &self.sentence))
            && !contains_any(&sentence, &self.sentence_not)
            && (self.kind == Kind::Time || self.categories.is_empty() || self.category(f).is_some())
    }

    fn category(&self, fact: &crate::extract::Fact) -> Option<&Category> {
        let subject = fold(&fact.subject);
        self.categories
            .iter()
            .find(|c| subject.contains(&fold(&c.subject)))
    }

    /// The series made of every fact this definition selects, in key order, with
    /// the newest report first within a year, repeats of one figure in one report
    /// dropped, and disagreements between reports flagged.
    pub fn build(&self, corpus: &Corpus) -> Series {
        let mut picked: Vec<(&SourcedFact, Key)> = Vec::new();
        for fact in corpus.facts.iter().filter(|f| self.selects(f)) {
            let key = match (self.kind, fact.fact.year) {
                (Kind::Time, Some(Year::Single(year))) => Key::Year { year },
                (Kind::Time, _) => continue,
                (Kind::Breakdown, _) => Key::Category {
                    category: self
                        .category(&fact.fact)
                        .map_or_else(|| fact.fact.subject.clone(), |c| c.fr.clone()),
                },
            };
            // One report repeating its own figure for the same key is one point.
            let repeat = picked.iter().any(|(f, k)| {
                *k == key && f.report_index == fact.report_index && f.fact.value == fact.fact.value
            });
            if !repeat {
                picked.push((fact, key));
            }
        }
        let reference_year = |f: &SourcedFact| {
            corpus
                .reports
                .get(f.report_index)
                .map_or(0, |r| r.meta.reference_year)
        };
        picked.sort_by(|(fa, ka), (fb, kb)| match (ka, kb) {
            (Key::Year { year: a }, Key::Year { year: b }) => {
                a.cmp(b).then(reference_year(fb).cmp(&reference_year(fa)))
            }
            _ => fb.fact.value.total_cmp(&fa.fact.value),
        });
        let mut points: Vec<Point> = picked
            .into_iter()
            .map(|(f, key)| Point {
                key,
                value: f.fact.value,
                qualifier: f.fact.qualifier,
                year_source: f.fact.year_source.unwrap_or(super::YearSource::Stated),
                report: f.report.clone(),
                paragraph: f.paragraph.clone(),
                reference: f.reference.clone(),
                line: f.line,
                verbatim: f.fact.verbatim.clone(),
                sentence: f.sentence.clone(),
                conflict: false,
                report_index: f.report_index,
                span: (f.fact.start, f.fact.end),
            })
            .collect();
        flag_conflicts(&mut points);
        Series {
            id: self.id.clone(),
            theme: self.theme.clone(),
            title_fr: self.title_fr.clone(),
            title_en: self.title_en.clone(),
            unit: self.unit,
            kind: self.kind,
            points,
            categories_en: self
                .categories
                .iter()
                .map(|c| (c.fr.clone(), c.en.clone()))
                .collect(),
        }
    }

    /// The English label of a breakdown category (the French one when unknown).
    pub fn category_en<'a>(&'a self, fr: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.fr == fr)
            .map_or(fr, |c| c.en.as_str())
    }
}
