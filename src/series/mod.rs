//! Series: the extracted figures grouped by what they count, over years (a time
//! series) or over categories (a breakdown), each point with its provenance.
//!
//! Invariant: a series never averages, drops or invents a value. When two reports
//! give different values for the same year, both points are kept and flagged.

pub mod auto;
pub mod catalogue;
pub mod own;
#[cfg(test)]
pub mod sample;
pub mod sourced;

use serde::Serialize;

pub use crate::extract::{Qualifier, Unit, YearSource};

/// A time series is drawn as a line over years; a breakdown as sorted bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Time,
    Breakdown,
}

/// Where a point sits: a year on a time series, a category in a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Key {
    Year { year: i32 },
    Category { category: String },
}

/// One value of a series, with everything needed to trust it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    #[serde(flatten)]
    pub key: Key,
    pub value: f64,
    pub qualifier: Qualifier,
    pub year_source: YearSource,
    /// Document symbol of the report, e.g. `CAT/C/KAZ/3`.
    pub report: String,
    /// Id of the paragraph in its report (usable in a URL).
    pub paragraph: String,
    /// The paragraph's reference as printed, e.g. `par. 81`.
    pub reference: String,
    /// 1-based line in the report file where the number starts.
    pub line: usize,
    /// The number as written, e.g. `44 000`.
    pub verbatim: String,
    /// The sentence the number was read in.
    pub sentence: String,
    /// True when another report gives a different value for the same year or category.
    pub conflict: bool,
    /// Index of the report in the corpus, and the number's byte range in the
    /// paragraph's clean text: what the source panel highlights.
    #[serde(skip)]
    pub report_index: usize,
    #[serde(skip)]
    pub span: (usize, usize),
    /// The number's byte range in `sentence` (which may state the same number twice).
    #[serde(skip)]
    pub sentence_span: (usize, usize),
}

impl Point {
    /// The year of a time-series point.
    pub fn year(&self) -> Option<i32> {
        match self.key {
            Key::Year { year } => Some(year),
            Key::Category { .. } => None,
        }
    }

    /// The label of a breakdown point.
    pub fn category(&self) -> Option<&str> {
        match &self.key {
            Key::Category { category } => Some(category),
            Key::Year { .. } => None,
        }
    }
}

/// Values of one quantity, over years or categories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    /// The theme it is listed under in the explorer.
    pub theme: String,
    pub title_fr: String,
    pub title_en: String,
    pub unit: Unit,
    pub kind: Kind,
    pub points: Vec<Point>,
    /// English names of a breakdown's categories, keyed by their French name.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty", default)]
    pub categories_en: std::collections::BTreeMap<String, String>,
}

impl Series {
    /// A point's key for a reader in `english` or French: a year, or a category
    /// in the reader's language when the catalogue names it.
    pub fn category_label<'a>(&'a self, point: &'a Point, english: bool) -> Option<&'a str> {
        let category = point.category()?;
        if english {
            Some(
                self.categories_en
                    .get(category)
                    .map_or(category, String::as_str),
            )
        } else {
            Some(category)
        }
    }

    /// Distinct `report, reference` pairs in order of first use: the chart's source line.
    pub fn citations(&self) -> Vec<(String, Vec<String>)> {
        let mut cited: Vec<(String, Vec<String>)> = Vec::new();
        for p in &self.points {
            match cited.iter_mut().find(|(report, _)| *report == p.report) {
                Some((_, refs)) if refs.contains(&p.reference) => {}
                Some((_, refs)) => refs.push(p.reference.clone()),
                None => cited.push((p.report.clone(), vec![p.reference.clone()])),
            }
        }
        cited
    }
}

/// Flags every point whose year (or category) has another point with a different
/// value from a different report. Keeps them all: a reader must see both.
pub fn flag_conflicts(points: &mut [Point]) {
    let len = points.len();
    for i in 0..len {
        let conflict = (0..len).any(|j| {
            j != i
                && points[j].key == points[i].key
                && points[j].report != points[i].report
                && (points[j].value - points[i].value).abs() > 1e-9 * points[i].value.abs().max(1.0)
        });
        points[i].conflict = conflict;
    }
}
