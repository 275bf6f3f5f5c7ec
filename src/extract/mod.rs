//! Extraction: the figures a report states about the world, read from its French
//! prose, one [`Fact`] per quantity, with its unit, qualifier, year and subject.
//!
//! Owns the reading of numbers in context. The pipeline over a text is:
//! [`tokens`] (words, digits, punctuation with byte offsets) → [`numerals`] (every
//! number in digits or words, with its value) → [`exclusions`] (drops identifiers,
//! dates, years, references, list markers, symbols) → [`qualifier`], [`unit`],
//! [`year`], [`subject`] (what each remaining number says).
//!
//! Invariants: extract never touches the DOM or the file system; it never panics
//! on any `&str`; every offset it returns is a char boundary of its input; its
//! time is linear in the length of the text (each rule looks a bounded number of
//! tokens around a number, or walks the numbers in text order once). A paragraph
//! is read alone: the tokenizer cuts its stream at each paragraph separator
//! (U+2029) and blank line, and every rule is handed one paragraph's tokens, so
//! that no rule can see across (`extract_text` on paragraphs joined by U+2029
//! gives the facts of each paragraph extracted alone). No rule is keyed on a
//! specific report.

mod exclusions;
mod numerals;
mod period;
mod qualifier;
mod subject;
pub mod table;
mod tokens;
mod unit;
mod year;

pub use period::{Month, Period};

use crate::document::Document;
use serde::{Deserialize, Serialize, Serializer};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Persons, cases, institutions, events: the default.
    Count,
    /// "71,2 %", "dix pour cent".
    Percent,
    /// Kazakh tenge.
    Tenge,
    /// US dollars.
    Usd,
    /// Euros.
    Eur,
    /// Any other money ("indices de calcul mensuels", roubles).
    OtherMoney,
    /// "la moitié", "deux tiers", "deux fois plus".
    Ratio,
    /// Durations and ages in years.
    Years,
    /// Durations in days.
    Days,
    /// Durations in hours.
    Hours,
    /// Anything else measured: ranks, points, months, areas.
    Other,
}

/// How the text bounds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    Exact,
    /// "environ", "près de", "quelque", "une dizaine".
    Approx,
    /// "plus de", "des milliers".
    MoreThan,
    /// "moins de".
    LessThan,
    /// "au moins", "à partir de".
    AtLeast,
    /// "jusqu'à", "au maximum", "≤".
    AtMost,
    /// Low end of "de 7 à 10 %".
    RangeLow,
    /// High end of "de 7 à 10 %".
    RangeHigh,
    /// "en hausse de 12 %", "divisé par 1,3", "a diminué de 13 000".
    Change,
    /// A goal: "une réduction de 50 % d'ici à 2030".
    Target,
}

/// Where the year of a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// The text states it ("en 2018", "respectivement", "(1 059 en 2011)").
    Stated,
    /// Only the report's reference year dates the figure.
    Implied,
}

/// The year a figure describes: one year, or a stated span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Year {
    /// "en 2018".
    Single(i32),
    /// "entre 2008 et 2012", "pour la période 2020-2025".
    Period(i32, i32),
}

impl Serialize for Year {
    /// An integer for one year, a `"2020-2025"` string for a period.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Year::Single(y) => serializer.serialize_i32(*y),
            Year::Period(a, b) => serializer.serialize_str(&format!("{a}-{b}")),
        }
    }
}

impl std::fmt::Display for Year {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Year::Single(y) => write!(f, "{y}"),
            Year::Period(a, b) => write!(f, "{a}-{b}"),
        }
    }
}

/// One quantity stated about the world.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Byte offset of the number's first character in the text.
    pub start: usize,
    /// Byte offset one past the number's last character (multiplier and `%` included).
    pub end: usize,
    /// The plain value: 20300000 for "20,3 millions", 71.2 for "71,2 %".
    pub value: f64,
    /// The number exactly as written, with its multiplier word and `%`.
    pub verbatim: String,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// The year the figure describes, if any.
    pub year: Option<Year>,
    /// Null exactly when `year` is null.
    pub year_source: Option<YearSource>,
    /// The short French noun phrase saying what is counted (may be empty).
    pub subject: String,
    /// The months covered when the text says they are not a whole year
    /// ("au cours des huit premiers mois de 2025").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// What dates the figures a text states without a year of their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dating {
    /// The year the report speaks from: a figure with no year describes it
    /// (implied), and "l'année dernière", "cette année", "depuis 2016" count from it.
    pub reference_year: Option<i32>,
    /// The period the report covers, when known (its cover, `reports.toml`): what
    /// "au cours de la période considérée" dates. Unknown, such a figure has no year.
    pub period: Option<Year>,
}

impl Dating {
    /// A reference year alone.
    pub fn reference(reference_year: Option<i32>) -> Self {
        Dating {
            reference_year,
            period: None,
        }
    }

    /// A reference year and a period written `"2008-2012"` (or one year); a
    /// period that does not read as years is left unknown.
    pub fn of_report(reference_year: i32, period: &str) -> Self {
        let years = |s: &str| -> Option<i32> {
            let y: i32 = s.trim().parse().ok()?;
            (1900..=2100).contains(&y).then_some(y)
        };
        let period = match period.split_once(['-', '–']) {
            Some((a, b)) => match (years(a), years(b)) {
                (Some(a), Some(b)) if a < b => Some(Year::Period(a, b)),
                (Some(a), Some(b)) if a == b => Some(Year::Single(a)),
                _ => None,
            },
            None => years(period).map(Year::Single),
        };
        Dating {
            reference_year: Some(reference_year),
            period,
        }
    }
}

/// Extracts the facts of a plain text. `reference_year` dates the figures that
/// state no year but describe the report's present.
///
/// Never panics; offsets are char boundaries of `text`; facts are in text order.
pub fn extract_text(text: &str, reference_year: Option<i32>) -> Vec<Fact> {
    extract_text_dated(text, &Dating::reference(reference_year))
}

/// [`extract_text`] with the report's period known as well.
pub fn extract_text_dated(text: &str, dating: &Dating) -> Vec<Fact> {
    let mut arena = String::with_capacity(text.len() / 8);
    let stream = tokens::tokenize(text, &mut arena);
    let mut facts = Vec::new();
    // Made of the whole text once, when a first fact has a year.
    let mut periods = None;
    // Paragraph by paragraph: each rule sees the tokens of one paragraph only.
    for toks in stream.paragraphs() {
        extract_paragraph(text, &toks, dating, &mut periods, &mut facts);
    }
    facts
}

/// Appends to `out` the facts of one paragraph's tokens (offsets into `text`).
fn extract_paragraph(
    text: &str,
    toks: &tokens::Tokens<'_, '_>,
    dating: &Dating,
    periods: &mut Option<period::Index>,
    out: &mut Vec<Fact>,
) {
    let mut mentions = numerals::scan(toks, toks.numbers.len());
    if mentions.is_empty() {
        return;
    }
    exclusions::apply(toks, &mut mentions);
    mentions.retain(|m| !m.excluded);
    if mentions.is_empty() {
        return;
    }
    let (qualifiers, pairs) = qualifier::assign(toks, &mentions);
    let units = unit::assign(toks, &mentions, &qualifiers, &pairs);
    let years = year::assign(
        toks,
        &mentions,
        &year::Readings {
            qualifiers: &qualifiers,
            units: &units,
            pairs: &pairs,
        },
        dating,
    );
    let subjects = subject::assign(toks, &mentions);
    let first = out.len();
    // At most one fact a mention: sized before, not doubled as they come.
    out.reserve(mentions.len());
    out.extend(mentions.iter().enumerate().filter_map(|(i, m)| {
        let start = toks.get(m.first)?.start;
        let end = toks.get(m.last)?.end();
        let (year, year_source) = years.get(i).copied().unwrap_or((None, None));
        Some(Fact {
            start,
            end,
            value: m.value,
            verbatim: text.get(start..end)?.to_string(),
            unit: units.get(i).copied().unwrap_or(Unit::Count),
            qualifier: qualifiers.get(i).copied().unwrap_or(Qualifier::Exact),
            year,
            year_source,
            subject: subjects.get(i).cloned().unwrap_or_default(),
            period: None,
        })
    }));
    // Partial periods read the words around each new fact (never past a line end).
    if let Some(new) = out
        .get_mut(first..)
        .filter(|new| new.iter().any(|f| f.year.is_some()))
    {
        let index = periods.get_or_insert_with(|| period::Index::new(text));
        period::assign(text, index, new);
    }
}

/// `slice.partition_point(pred)` (`pred` true on a prefix of `slice`), found
/// from `*hint`, the answer to the question before, which it then holds. The
/// facts of a text come in text order, so each question's answer is at or
/// just after the last one: a search galloping forward from there (steps of 1,
/// 2, 4… then a binary search of the last step) reads `O(log d)` items near
/// each other for an answer `d` items on, where a binary search over a
/// whole-text list would touch a cache line per level. An answer before the
/// hint is found by binary search over all: never more than `O(log n)`.
pub(crate) fn partition_from<T>(slice: &[T], hint: &mut usize, pred: impl Fn(&T) -> bool) -> usize {
    let start = (*hint).min(slice.len());
    let at = if start > 0 && slice.get(start - 1).is_some_and(|x| !pred(x)) {
        slice.partition_point(&pred)
    } else {
        // Every item before `lo` satisfies `pred`; the answer is below `lo + step`
        // once the item at `lo + step - 1` does not.
        let (mut lo, mut step) = (start, 1);
        while slice.get(lo + step - 1).is_some_and(&pred) {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(slice.len());
        lo + slice.get(lo..hi).unwrap_or(&[]).partition_point(&pred)
    };
    *hint = at;
    at
}

/// A fact placed in its report: the fact (offsets into the paragraph's clean
/// text), the 1-based line of the original file where its number starts, and the
/// id of its paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocatedFact {
    #[serde(flatten)]
    pub fact: Fact,
    /// 1-based line of the original file where the number starts.
    pub line: usize,
    /// Id of the paragraph holding it ([`crate::document::Paragraph::id`]).
    pub paragraph: String,
}

/// Extracts the facts of every paragraph of a document, in order. A year, a
/// list or a sentence never crosses a paragraph; page furniture and headings,
/// which the document keeps apart, are never read. Offsets are into the
/// paragraph's clean text.
pub fn extract_document(doc: &Document, reference_year: Option<i32>) -> Vec<LocatedFact> {
    extract_document_dated(doc, &Dating::reference(reference_year))
}

/// [`extract_document`] with the report's period known as well.
pub fn extract_document_dated(doc: &Document, dating: &Dating) -> Vec<LocatedFact> {
    let located = located_facts(doc, dating);
    // Sized once: a vector grown by doubling holds up to twice what it needs.
    let mut out = Vec::with_capacity(located.size_hint().1.unwrap_or(0));
    out.extend(located);
    out
}

/// [`extract_document`]'s facts one by one, as they are placed: a caller that
/// turns each into something else (`series::sourced`) never holds them all twice.
/// The size hint's upper bound is the number of facts.
pub(crate) fn located_facts<'d>(
    doc: &'d Document,
    dating: &Dating,
) -> impl Iterator<Item = LocatedFact> + 'd {
    // One pass over all paragraphs joined by a paragraph separator, which no
    // rule crosses: the same facts as paragraph by paragraph, far fewer allocations.
    let mut joined = String::with_capacity(doc.paragraphs.iter().map(|p| p.text.len() + 4).sum());
    let mut starts = Vec::with_capacity(doc.paragraphs.len());
    for p in &doc.paragraphs {
        starts.push(joined.len());
        joined.push_str(&p.text);
        joined.push(tokens::PARAGRAPH_SEPARATOR);
    }
    let facts = extract_text_dated(&joined, dating);
    drop(joined);
    // The positions of the current paragraph: its facts come in text order.
    let mut positions: Option<(usize, crate::document::SourcePositions<'_>)> = None;
    // The facts' paragraphs, found by a cursor that moves forward with them.
    let mut paragraph = 0;
    facts.into_iter().filter_map(move |mut fact| {
        let index = partition_from(&starts, &mut paragraph, |&s| s <= fact.start).saturating_sub(1);
        let (p, &base) = doc.paragraphs.get(index).zip(starts.get(index))?;
        fact.start -= base;
        fact.end -= base;
        if positions.as_ref().is_none_or(|(i, _)| *i != index) {
            positions = Some((index, p.source_positions()));
        }
        let line = positions
            .as_mut()
            .and_then(|(_, at)| at.at(fact.start))
            .map(|pos| pos.line)
            .unwrap_or(p.first_line);
        Some(LocatedFact {
            fact,
            line,
            paragraph: p.id.clone(),
        })
    })
}

#[cfg(test)]
mod tests;
