//! Series: the extracted figures grouped by what they count, over years (a time
//! series) or over categories (a breakdown), each point with its provenance.
//!
//! Invariant: a series never averages, drops or invents a value. When two reports
//! give different values for the same year, both points are kept and flagged.

pub mod auto;
pub mod candidates;
pub mod catalogue;
pub mod own;
#[cfg(test)]
pub mod sample;
pub mod sourced;

use serde::Serialize;

pub use crate::extract::{Month, Period, Qualifier, Unit, YearSource};
pub use catalogue::Break;

/// A time series is drawn as a line over years; a breakdown as sorted bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Time,
    Breakdown,
}

/// Where a point sits: a year on a time series, a category in a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
    /// The months covered when they are not a whole year: a partial period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// On the first point counted under a new definition: the break in series.
    #[serde(rename = "break", skip_serializing_if = "Option::is_none")]
    pub series_break: Option<Break>,
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
    /// The point a sourced fact makes under `key`: its value, marks and source,
    /// not yet compared with the series' other points (no conflict, no break).
    pub fn of(f: &sourced::SourcedFact, key: Key) -> Point {
        Point {
            key,
            value: f.fact.value,
            qualifier: f.fact.qualifier,
            year_source: f.fact.year_source.unwrap_or(YearSource::Stated),
            report: f.report.clone(),
            paragraph: f.paragraph.clone(),
            reference: f.reference.clone(),
            line: f.line,
            verbatim: f.fact.verbatim.clone(),
            sentence: f.sentence.to_string(),
            conflict: false,
            period: f.fact.period,
            series_break: None,
            report_index: f.report_index,
            span: (f.fact.start, f.fact.end),
            sentence_span: f.sentence_span,
        }
    }

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
    pub unit: Unit,
    pub kind: Kind,
    pub points: Vec<Point>,
    /// Breaks in series, in year order (their notes are in `data/i18n/`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Break>,
    /// The texts of a series made at run time (found automatically, or ticked by
    /// a reader), which the tables cannot hold; empty for a catalogued series,
    /// whose texts are in `data/i18n/`.
    #[serde(skip)]
    pub texts: crate::i18n::SeriesTexts,
}

impl Series {
    /// The series' `field` (`title`, `definition`, `break_<year>`) in `lang`: its
    /// own texts first (a series made at run time), then the tables.
    pub fn text(&self, lang: crate::i18n::Lang, field: &str) -> Option<&str> {
        lang.text().series_text(Some(&self.texts), &self.id, field)
    }

    /// The BCP 47 code of the language its points' sentences are in, empty when
    /// unknown: French for a catalogued series, the guess for one made from a
    /// reader's report.
    pub fn quote_lang(&self) -> &'static str {
        self.texts
            .quote_lang()
            .unwrap_or(crate::i18n::Lang::Fr.code())
    }

    /// The series' title in `lang`; its id when nothing gives one.
    pub fn title(&self, lang: crate::i18n::Lang) -> &str {
        self.text(lang, "title").unwrap_or(&self.id)
    }

    /// A breakdown point's category in the reader's language (its French name,
    /// the report's, when the tables lack it); `None` for a year.
    pub fn category_label<'a>(&self, point: &'a Point, lang: crate::i18n::Lang) -> Option<&'a str> {
        let category = point.category()?;
        Some(lang.text().category(category))
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

/// Flags every point whose year (or category) has another point, from any report
/// (the same one included), with a different value for the same period. Keeps
/// them all: a reader must see both. A part-year figure ("janvier–août 2025")
/// does not contradict the whole year's; a stock counted "au 1er juillet 2025"
/// does contradict another 2025 stock whose day is unsaid.
///
/// Linear: a point disagrees with another exactly when it disagrees with the
/// smallest or the largest value among the points of its key whose period is
/// the same as its own ([`same_period`]), so the points are grouped by key and
/// period once and each compared with two values.
pub fn flag_conflicts(points: &mut [Point]) {
    use std::collections::HashMap;
    /// The smallest and largest value of some points (NaN left out, as
    /// [`disagree`] never finds a NaN different).
    type Range = Option<(f64, f64)>;
    fn widen(range: &mut Range, value: f64) {
        if !value.is_nan() {
            let (lo, hi) = range.get_or_insert((value, value));
            *range = Some((lo.min(value), hi.max(value)));
        }
    }
    fn join(a: Range, b: Range) -> Range {
        match (a, b) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, None) => a,
            (None, b) => b,
        }
    }
    /// The points of one key: those of no period, of each period, and of every
    /// stock counted on a day (which a point of no period may contradict).
    #[derive(Default)]
    struct Group {
        whole: Range,
        periods: HashMap<Period, Range>,
        stocks: Range,
    }
    let mut groups: HashMap<&Key, Group> = HashMap::new();
    for p in points.iter() {
        let group = groups.entry(&p.key).or_default();
        match p.period {
            None => widen(&mut group.whole, p.value),
            Some(period) => {
                widen(group.periods.entry(period).or_default(), p.value);
                if period.as_of.is_some() {
                    widen(&mut group.stocks, p.value);
                }
            }
        }
    }
    let conflicts: Vec<bool> = points
        .iter()
        .map(|p| {
            let Some(group) = groups.get(&p.key) else {
                return false;
            };
            let same = match p.period {
                None => join(group.whole, group.stocks),
                Some(period) => {
                    let own = group.periods.get(&period).copied().flatten();
                    if period.as_of.is_some() {
                        join(own, group.whole)
                    } else {
                        own
                    }
                }
            };
            same.is_some_and(|(lo, hi)| {
                let tolerance = 1e-9 * p.value.abs().max(1.0);
                (p.value - lo).abs() > tolerance || (p.value - hi).abs() > tolerance
            })
        })
        .collect();
    for (p, conflict) in points.iter_mut().zip(conflicts) {
        p.conflict = conflict;
    }
}

/// Whether two points give different values for the same key and period.
pub fn disagree(a: &Point, b: &Point) -> bool {
    a.key == b.key
        && same_period(a.period, b.period)
        && (a.value - b.value).abs() > 1e-9 * a.value.abs().max(1.0)
}

/// Whether two figures of one year may count the same thing: the same months, or
/// a stock counted on a day beside one whose day the text leaves unsaid. Part of a
/// year and the whole year are different counts.
fn same_period(a: Option<Period>, b: Option<Period>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a == b,
        (Some(p), None) | (None, Some(p)) => p.as_of.is_some(),
    }
}

/// Puts each break on the first points counted under its definition: those of the
/// first year at or after `from`. Points must be dated ([`Key::Year`]).
pub fn mark_breaks(points: &mut [Point], breaks: &[Break]) {
    for b in breaks {
        let first = points
            .iter()
            .filter_map(Point::year)
            .filter(|y| *y >= b.from)
            .min();
        for p in points.iter_mut() {
            if first.is_some() && p.year() == first {
                p.series_break = Some(b.clone());
            }
        }
    }
}

/// How a time series' line runs from one known year to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// Consecutive years, one definition, whole years: a line.
    Solid,
    /// Years between them have no figure: a dotted line and a legend line
    /// ("aucun chiffre pour 2013–2017").
    Gap,
    /// The definition changes between them: never joined, a mark at the break.
    Break,
    /// One of them covers part of a year only: not joined, its own mark.
    Partial,
}

/// The line between two points of a time series (indices into `Series::points`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub join: Join,
}

/// A breakdown's bar: one category, with every point that gives a value for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The category as the catalogue (or the report) names it, in French.
    pub category: String,
    /// Indices into `Series::points`, largest value first.
    pub points: Vec<usize>,
    /// The points give different values: the bar is drawn as a conflict.
    pub conflict: bool,
}

impl Series {
    /// The point of each year that carries the line, in year order: the first
    /// listed (series put the newest report first) among the whole-year figures,
    /// else the first listed.
    pub fn line(&self) -> Vec<usize> {
        let mut line: Vec<usize> = Vec::new();
        for (i, p) in self.points.iter().enumerate() {
            let Some(year) = p.year() else { continue };
            match line
                .iter_mut()
                .find(|j| self.points[**j].year() == Some(year))
            {
                Some(j) if self.points[*j].period.is_some() && p.period.is_none() => *j = i,
                Some(_) => {}
                None => line.push(i),
            }
        }
        line.sort_by_key(|i| self.points[*i].year());
        line
    }

    /// How the line joins each pair of consecutive points of [`Series::line`].
    pub fn links(&self) -> Vec<Link> {
        self.line()
            .windows(2)
            .filter_map(|pair| {
                let (from, to) = (*pair.first()?, *pair.get(1)?);
                let (a, b) = (&self.points[from], &self.points[to]);
                let (ya, yb) = (a.year()?, b.year()?);
                let join = if self.break_between(ya, yb).is_some() {
                    Join::Break
                } else if a.period.is_some() || b.period.is_some() {
                    Join::Partial
                } else if yb > ya + 1 {
                    Join::Gap
                } else {
                    Join::Solid
                };
                Some(Link { from, to, join })
            })
            .collect()
    }

    /// The years with no figure between two known years, as inclusive ranges:
    /// 2012 and 2018 known give `(2013, 2017)`.
    pub fn gaps(&self) -> Vec<(i32, i32)> {
        let mut years: Vec<i32> = self.points.iter().filter_map(Point::year).collect();
        years.sort_unstable();
        years.dedup();
        years
            .windows(2)
            .filter_map(|w| match w {
                [a, b] if *b > a + 1 => Some((a + 1, b - 1)),
                _ => None,
            })
            .collect()
    }

    /// The break in series between two known years `a < b`, if one falls in `(a, b]`.
    pub fn break_between(&self, a: i32, b: i32) -> Option<&Break> {
        self.breaks.iter().find(|br| br.from > a && br.from <= b)
    }

    /// The breaks that fall inside the years drawn (a break before the first or
    /// after the last point separates nothing).
    pub fn breaks_drawn(&self) -> Vec<&Break> {
        let years = self.points.iter().filter_map(Point::year);
        let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
            return Vec::new();
        };
        self.breaks
            .iter()
            .filter(|b| b.from > first && b.from <= last)
            .collect()
    }

    /// A breakdown's bars: one per category, however many points name it, the
    /// largest first.
    pub fn bars(&self) -> Vec<Bar> {
        let mut bars: Vec<Bar> = Vec::new();
        for (i, p) in self.points.iter().enumerate() {
            let Some(category) = p.category() else {
                continue;
            };
            match bars.iter_mut().find(|b| b.category == category) {
                Some(bar) => bar.points.push(i),
                None => bars.push(Bar {
                    category: category.to_string(),
                    points: vec![i],
                    conflict: false,
                }),
            }
        }
        let value = |i: &usize| self.points.get(*i).map_or(0.0, |p| p.value);
        for bar in &mut bars {
            bar.points.sort_by(|a, b| value(b).total_cmp(&value(a)));
            bar.conflict = bar.points.iter().any(|a| {
                bar.points
                    .iter()
                    .any(|b| disagree(&self.points[*a], &self.points[*b]))
            });
        }
        let top = |b: &Bar| b.points.first().map_or(0.0, value);
        bars.sort_by(|a, b| top(b).total_cmp(&top(a)));
        bars
    }
}

#[cfg(test)]
mod tests {
    use super::sample::{point, protection_orders};
    use super::*;

    fn breakdown(points: &[(&str, f64, &str)]) -> Series {
        let mut s = protection_orders();
        s.kind = Kind::Breakdown;
        s.points = points
            .iter()
            .map(|(category, value, report)| {
                let mut p = point(2025, *value, "", Qualifier::Exact, report, "par. 1");
                p.key = Key::Category {
                    category: category.to_string(),
                };
                p
            })
            .collect();
        flag_conflicts(&mut s.points);
        s
    }

    #[test]
    fn two_values_for_one_year_in_one_report_are_a_conflict() {
        let mut points = vec![
            point(2025, 30.0, "30", Qualifier::Exact, "CEDAW", "3 f)"),
            point(2025, 27.0, "27", Qualifier::Exact, "CEDAW", "9 i)"),
            point(2024, 27.0, "27", Qualifier::Exact, "CEDAW", "9 i)"),
        ];
        flag_conflicts(&mut points);
        let flags: Vec<bool> = points.iter().map(|p| p.conflict).collect();
        assert_eq!(flags, [true, true, false]);
    }

    #[test]
    fn conflicts_are_those_of_every_pair_compared() {
        // Each point against every other (what `flag_conflicts` did before it
        // grouped them), on random points of a few keys, periods and values.
        let values = [
            0.0,
            -0.0,
            1.0,
            1.0 + 1e-12,
            1.0 + 1e-6,
            30.0,
            27.0,
            f64::NAN,
            5e9,
        ];
        let stock = Period {
            as_of: Some(1),
            ..Period::months(2025, 7, 7)
        };
        let periods = [None, Some(Period::months(2025, 1, 8)), Some(stock)];
        let mut seed: u64 = 3;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap_or(0) % n
        };
        let mut flagged = 0;
        for _ in 0..2000 {
            let count = 1 + next(6);
            let mut points: Vec<Point> = (0..count)
                .map(|_| {
                    let value = values.get(next(values.len())).copied().unwrap_or(0.0);
                    let mut p = point(
                        2024 + i32::from(next(2) == 0),
                        value,
                        "",
                        Qualifier::Exact,
                        "R",
                        "1",
                    );
                    if next(4) == 0 {
                        p.key = Key::Category {
                            category: "a".into(),
                        };
                    }
                    p.period = periods.get(next(periods.len())).copied().flatten();
                    p
                })
                .collect();
            let pairwise: Vec<bool> = (0..points.len())
                .map(|i| {
                    (0..points.len()).any(|j| {
                        j != i
                            && points
                                .get(i)
                                .zip(points.get(j))
                                .is_some_and(|(a, b)| disagree(a, b))
                    })
                })
                .collect();
            flag_conflicts(&mut points);
            let flags: Vec<bool> = points.iter().map(|p| p.conflict).collect();
            flagged += flags.iter().filter(|f| **f).count();
            assert_eq!(flags, pairwise, "{points:?}");
        }
        assert!(flagged > 100, "{flagged} conflicts");
    }

    #[test]
    fn a_part_of_a_year_does_not_contradict_the_whole_year() {
        let mut points = vec![
            point(2025, 396.0, "396", Qualifier::Exact, "CERD", "par. 303"),
            point(2025, 600.0, "600", Qualifier::Exact, "CERD", "par. 304"),
        ];
        points[0].period = Some(Period::months(2025, 1, 8));
        flag_conflicts(&mut points);
        assert!(points.iter().all(|p| !p.conflict));
        // A stock counted on a day may be the count whose day is unsaid.
        if let Some(period) = points[0].period.as_mut() {
            period.from = period.to;
            period.as_of = Some(1);
        }
        flag_conflicts(&mut points);
        assert!(points.iter().all(|p| p.conflict));
    }

    #[test]
    fn every_value_on_a_disputed_category_is_flagged_and_the_category_is_one_bar() {
        let s = breakdown(&[
            ("Ensemble des agents", 56.2, "CERD"),
            ("Ensemble des agents", 56.2, "CEDAW"),
            ("Ensemble des agents", 55.8, "CEDAW"),
            ("Postes à responsabilité", 39.1, "CERD"),
            ("Postes à responsabilité", 39.1, "CEDAW"),
        ]);
        // The two equal 56,2 % are both flagged: neither is "the" value.
        let flags: Vec<bool> = s.points.iter().map(|p| p.conflict).collect();
        assert_eq!(flags, [true, true, true, false, false]);
        let bars = s.bars();
        let labels: Vec<&str> = bars.iter().map(|b| b.category.as_str()).collect();
        assert_eq!(labels, ["Ensemble des agents", "Postes à responsabilité"]);
        assert_eq!(bars[0].points, [0, 1, 2]);
        assert!(bars[0].conflict && !bars[1].conflict);
    }

    #[test]
    fn lines_join_consecutive_years_and_break_across_gaps_breaks_and_part_years() {
        let mut s = protection_orders(); // 2011, 2012, 2018
        let links: Vec<Join> = s.links().iter().map(|l| l.join).collect();
        assert_eq!(links, [Join::Solid, Join::Gap]);
        assert_eq!(s.gaps(), [(2013, 2017)]);

        s.breaks = vec![Break { from: 2018 }];
        let links: Vec<Join> = s.links().iter().map(|l| l.join).collect();
        assert_eq!(links, [Join::Solid, Join::Break]);
        mark_breaks(&mut s.points, &s.breaks.clone());
        let marked: Vec<bool> = s.points.iter().map(|p| p.series_break.is_some()).collect();
        assert_eq!(marked, [false, false, true]);

        s.breaks.clear();
        s.points[1].period = Some(Period::months(2012, 1, 6));
        let links: Vec<Join> = s.links().iter().map(|l| l.join).collect();
        assert_eq!(links, [Join::Partial, Join::Partial]);
    }

    #[test]
    fn a_whole_year_carries_the_line_before_a_part_of_it() {
        let mut s = protection_orders();
        let mut part = point(2018, 20000.0, "20 000", Qualifier::Exact, "CERD", "par. 2");
        part.period = Some(Period::months(2018, 1, 3));
        s.points.insert(2, part);
        assert_eq!(s.line(), [0, 1, 3]);
    }
}
