//! Tables as PDF text flattens them: one cell per line. A header row of years
//! (one a line, or all on one line), then for each row a label and one value a
//! line, often with a unit line above or below the header (`En milliards de
//! tenge`, `(en pourcentage)`):
//!
//! ```text
//! En milliards de tenge
//! 2019
//! 2020
//! Pensions
//! 1 250,3
//! 1 410,8
//! ```
//!
//! Each value becomes a fact: its year from its column, its row label as subject,
//! its unit and multiplier from the unit line (or the label: `Taux (%)`).
//!
//! Invariant: reads lines, not prose; a block is a table only if every row has
//! exactly one value (or a dash) per year column, so prose is never read as a
//! table. Linear in the text: each line is looked at a bounded number of times.

use super::{Fact, Qualifier, Unit, Year, YearSource};

/// A flattened table found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// 1-based lines the table spans (its unit line included).
    pub first_line: usize,
    pub last_line: usize,
    /// The years of the columns.
    pub columns: Vec<Year>,
    /// One fact a value (a dash or `…` gives none), with the 1-based line it is on.
    /// Offsets in the facts are into that line, trimmed.
    pub cells: Vec<(usize, Fact)>,
}

/// How the values of a table are expressed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale {
    unit: Unit,
    multiplier: f64,
}

/// A non-blank line and its 1-based number.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    body: &'a str,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{200b}')
}

/// A column header: `2019`, `2019*`, `2020/21`, `2020-2021`.
fn header_year(cell: &str) -> Option<Year> {
    let cell = cell.trim_end_matches(['*', '¹', '²', '³', 'a', 'b']);
    let four = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|y| (1900..2100).contains(y))
    };
    if let Some(y) = four(cell) {
        return Some(Year::Single(y));
    }
    let (a, b) = cell.split_once(['/', '-', '–'])?;
    let a = four(a)?;
    let b = match b.len() {
        2 => a / 100 * 100 + b.parse::<i32>().ok()?,
        _ => four(b)?,
    };
    (b > a && b - a <= 10).then_some(Year::Period(a, b))
}

/// The years of a header written on one line: `2019 2020 2021`, two at least.
fn header_row(body: &str) -> Option<Vec<Year>> {
    let cells: Vec<&str> = body.split(is_space).filter(|c| !c.is_empty()).collect();
    if cells.len() < 2 {
        return None;
    }
    cells.iter().map(|c| header_year(c)).collect()
}

fn start_year(y: &Year) -> i32 {
    match y {
        Year::Single(y) | Year::Period(y, _) => *y,
    }
}

/// Columns read left to right go forward in time (a row of years that do not is
/// a list of dates, not a header).
fn ascending(years: &[Year]) -> bool {
    years.windows(2).all(|w| match w {
        [a, b] => start_year(a) < start_year(b),
        _ => true,
    })
}

/// What a cell holds: a value, or a sign that it has none.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    Value(f64, bool),
    Empty,
}

/// `1 250,3`, `12.5`, `71,2 %`, `-3`; `-`, `–`, `…`, `n.d.`, `x` for no value.
fn cell(body: &str) -> Option<Cell> {
    if matches!(
        body,
        "-" | "–" | "—" | "…" | "..." | "x" | "X" | "n.d." | "n/d" | "s.o."
    ) {
        return Some(Cell::Empty);
    }
    let (body, percent) = match body.strip_suffix('%') {
        Some(rest) => (rest.trim_end_matches(is_space), true),
        None => (body, false),
    };
    let (body, sign) = match body.strip_prefix(['-', '−', '–']) {
        Some(rest) => (rest, -1.0),
        None => (body, 1.0),
    };
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut plain = String::with_capacity(body.len());
    let mut groups = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => plain.push(c),
            ',' | '.' => plain.push('.'),
            c if is_space(c) => groups += 1,
            _ => return None,
        }
    }
    // A space groups thousands: `1 250,3`; more than a few groups is a list.
    if groups > 4 || plain.matches('.').count() > 1 {
        return None;
    }
    let value: f64 = plain.parse().ok()?;
    Some(Cell::Value(sign * value, percent))
}

/// A unit line: `En milliards de tenge`, `(en pourcentage)`, `(en %)`, `Unité : personnes`.
fn unit_line(body: &str) -> Option<Scale> {
    let inner = body
        .strip_prefix('(')
        .and_then(|b| b.strip_suffix(')'))
        .unwrap_or(body);
    let lower = inner.to_lowercase();
    let spoken = lower.starts_with("en ")
        || lower.starts_with("unité")
        || lower.starts_with("in ")
        || lower.starts_with("données en ");
    if !spoken || inner.chars().count() > 60 || inner.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(scale_of(&lower))
}

/// The unit and multiplier some words name (`milliards de tenge` → tenge × 10⁹).
fn scale_of(lower: &str) -> Scale {
    let has = |w: &str| lower.contains(w);
    let multiplier = if has("milliard") || has("billion") {
        1e9
    } else if has("million") {
        1e6
    } else if has("millier") || has("thousand") {
        1e3
    } else {
        1.0
    };
    let unit = if has("pourcentage") || has("%") || has("percent") {
        Unit::Percent
    } else if has("tenge") {
        Unit::Tenge
    } else if has("dollar") || has("usd") {
        Unit::Usd
    } else if has("euro") {
        Unit::Eur
    } else if has("rouble") || has("indices de calcul") {
        Unit::OtherMoney
    } else {
        Unit::Count
    };
    Scale {
        unit,
        multiplier: if unit == Unit::Percent {
            1.0
        } else {
            multiplier
        },
    }
}

/// A row label: words, not a number nor a year, short enough to name a row.
fn is_label(body: &str) -> bool {
    body.chars().any(char::is_alphabetic)
        && cell(body).is_none()
        && header_row(body).is_none()
        && header_year(body).is_none()
        && body.chars().count() <= 120
}

/// The header that starts at `lines[i]`: its years and the index after it.
fn header_at(lines: &[Line], i: usize) -> Option<(Vec<Year>, usize)> {
    let first = lines.get(i)?;
    if let Some(years) = header_row(first.body) {
        return ascending(&years).then_some((years, i + 1));
    }
    let years: Vec<Year> = lines
        .get(i..)?
        .iter()
        .map_while(|l| header_year(l.body))
        .take(30)
        .collect();
    (years.len() >= 2 && ascending(&years)).then(|| {
        let next = i + years.len();
        (years, next)
    })
}

/// A row's label, its cells with their lines, and the index of the line after it.
type Row<'a> = (String, Vec<(Line<'a>, Cell)>, usize);

/// One row at `lines[i]`: a label of one or two lines, then one cell per column.
/// Returns the label, the cells with their lines, and the index after the row.
fn row_at<'a>(lines: &[Line<'a>], i: usize, columns: usize) -> Option<Row<'a>> {
    for label_lines in 1..=2 {
        let labels = lines.get(i..i + label_lines)?;
        if !labels.iter().all(|l| is_label(l.body)) {
            return None;
        }
        let start = i + label_lines;
        let cells: Vec<(Line, Cell)> = lines
            .get(start..start + columns)
            .unwrap_or(&[])
            .iter()
            .map_while(|l| cell(l.body).map(|c| (*l, c)))
            .collect();
        if cells.len() == columns {
            let label = labels.iter().map(|l| l.body).collect::<Vec<_>>().join(" ");
            return Some((label, cells, start + columns));
        }
    }
    None
}

/// Every flattened table of a text, in order.
pub fn read_tables(text: &str) -> Vec<Table> {
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| Line {
            number: i + 1,
            body: raw.trim_matches(is_space),
        })
        .filter(|l| !l.body.is_empty())
        .collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((columns, after_header)) = header_at(&lines, i) else {
            i += 1;
            continue;
        };
        let before = i
            .checked_sub(1)
            .and_then(|j| lines.get(j).map(|l| (l, unit_line(l.body))))
            .and_then(|(l, s)| Some((l.number, s?)));
        let mut at = after_header;
        let below = lines
            .get(at)
            .and_then(|l| unit_line(l.body).map(|s| (l.number, s)));
        if below.is_some() {
            at += 1;
        }
        let (unit_number, scale) = match below.or(before) {
            Some((n, s)) => (Some(n), s),
            None => (
                None,
                Scale {
                    unit: Unit::Count,
                    multiplier: 1.0,
                },
            ),
        };
        let mut cells = Vec::new();
        let mut last_line = None;
        while let Some((label, row, next)) = row_at(&lines, at, columns.len()) {
            let row_scale = match scale_of(&label.to_lowercase()) {
                s if s.unit != Unit::Count => s,
                _ => scale,
            };
            for ((line, value), year) in row.iter().zip(&columns) {
                last_line = Some(line.number);
                let Cell::Value(value, percent) = value else {
                    continue;
                };
                let unit = if *percent {
                    Unit::Percent
                } else {
                    row_scale.unit
                };
                let multiplier = if unit == Unit::Percent {
                    1.0
                } else {
                    row_scale.multiplier
                };
                cells.push((
                    line.number,
                    Fact {
                        start: 0,
                        end: line.body.len(),
                        value: value * multiplier,
                        verbatim: line.body.to_string(),
                        unit,
                        qualifier: Qualifier::Exact,
                        year: Some(*year),
                        year_source: Some(YearSource::Stated),
                        subject: label.clone(),
                        // A column is a whole year: no part-year period.
                        period: None,
                    },
                ));
            }
            at = next;
        }
        match last_line {
            Some(last_line) => {
                let header_line = lines.get(i).map_or(0, |l| l.number);
                tables.push(Table {
                    first_line: unit_number.map_or(header_line, |n| n.min(header_line)),
                    last_line,
                    columns,
                    cells,
                });
                i = at;
            }
            None => i += 1,
        }
    }
    tables
}

/// The facts of a report read from its text and its document: the prose's facts
/// ([`super::extract_document`]) and the flattened tables' ([`read_tables`]). A
/// table's lines are read as a table only: what the prose reader saw there (a
/// multiplier word on the unit line, values without their column's year) is
/// dropped. Facts are in document order; a table fact's offsets are into its
/// paragraph's clean text.
pub fn extract_report(
    text: &str,
    doc: &crate::document::Document,
    reference_year: Option<i32>,
) -> Vec<super::LocatedFact> {
    extract_report_dated(text, doc, &super::Dating::reference(reference_year))
}

/// [`extract_report`] with the report's period known as well ("au cours de la
/// période considérée").
pub fn extract_report_dated(
    text: &str,
    doc: &crate::document::Document,
    dating: &super::Dating,
) -> Vec<super::LocatedFact> {
    let tables = read_tables(text);
    let mut facts = super::extract_document_dated(doc, dating);
    if tables.is_empty() {
        return facts;
    }
    let in_table = |line: usize| {
        let i = tables.partition_point(|t| t.last_line < line);
        tables.get(i).is_some_and(|t| t.first_line <= line)
    };
    facts.retain(|f| !in_table(f.line));
    let order = |id: &str| doc.paragraphs.iter().position(|p| p.id == id);
    for (line, mut fact) in tables.into_iter().flat_map(|t| t.cells) {
        // The paragraph holding the line, and the value's place in its text.
        let i = doc
            .paragraphs
            .partition_point(|p| p.first_line <= line)
            .saturating_sub(1);
        let Some(p) = doc.paragraphs.get(i).filter(|p| p.last_line >= line) else {
            continue;
        };
        let mut places = p
            .text
            .match_indices(fact.verbatim.as_str())
            .map(|(at, _)| at);
        let Some(start) = places
            .clone()
            .find(|at| p.source_position(*at).is_some_and(|pos| pos.line == line))
            .or_else(|| places.next())
        else {
            continue;
        };
        fact.start = start;
        fact.end = start + fact.verbatim.len();
        facts.push(super::LocatedFact {
            fact,
            line,
            paragraph: p.id.clone(),
        });
    }
    facts.sort_by_key(|f| (order(&f.paragraph), f.fact.start));
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Vec<(usize, f64, Unit, Option<Year>, String)> {
        read_tables(text)
            .into_iter()
            .flat_map(|t| t.cells)
            .map(|(line, f)| (line, f.value, f.unit, f.year, f.subject))
            .collect()
    }

    #[test]
    fn a_table_of_years_gives_a_fact_per_value() {
        let text = "Tableau 3\nDépenses de protection sociale\nEn milliards de tenge\n2019\n2020\n2021\nPensions\n1 250,3\n1 410,8\n1 602,1\nAllocations familiales\n210,4\n–\n255,9\n\nLe texte reprend ici.";
        let got = facts(text);
        let y = |y| Some(Year::Single(y));
        let pensions = "Pensions".to_string();
        let family = "Allocations familiales".to_string();
        assert_eq!(
            got,
            vec![
                (
                    8,
                    1_250_300_000_000.0,
                    Unit::Tenge,
                    y(2019),
                    pensions.clone()
                ),
                (
                    9,
                    1_410_800_000_000.0,
                    Unit::Tenge,
                    y(2020),
                    pensions.clone()
                ),
                (10, 1_602_100_000_000.0, Unit::Tenge, y(2021), pensions),
                (12, 210_400_000_000.0, Unit::Tenge, y(2019), family.clone()),
                (14, 255_900_000_000.0, Unit::Tenge, y(2021), family),
            ]
        );
        let tables = read_tables(text);
        assert_eq!(
            tables.first().map(|t| (t.first_line, t.last_line)),
            Some((3, 14))
        );
    }

    #[test]
    fn a_header_on_one_line_and_a_percentage_unit_below_it() {
        let text = "2020 2021 2022\n(en pourcentage)\nTaux de chômage\n4,9\n4,9\n4,8\n";
        let got = facts(text);
        assert_eq!(got.len(), 3);
        assert!(got
            .iter()
            .all(|f| f.2 == Unit::Percent && f.4 == "Taux de chômage"));
        assert_eq!(got.first().map(|f| f.1), Some(4.9));
        assert_eq!(got.get(2).map(|f| f.3), Some(Some(Year::Single(2022))));
    }

    #[test]
    fn a_label_says_its_own_unit_and_school_years_are_periods() {
        let text =
            "2020/21\n2021/22\nÉcoles\n7 440\n7 550\nPart des écoles rurales (%)\n72,1\n71,8\n";
        let got = facts(text);
        assert_eq!(
            got.first().map(|f| (f.1, f.2, f.3)),
            Some((7440.0, Unit::Count, Some(Year::Period(2020, 2021))))
        );
        assert_eq!(got.get(3).map(|f| (f.1, f.2)), Some((71.8, Unit::Percent)));
    }

    #[test]
    fn prose_lists_and_dates_are_not_tables() {
        // A row short of a value is not a table.
        assert!(facts("2019\n2020\nPensions\n12\nLe texte continue.").is_empty());
        // Years going back are a list of dates.
        assert!(facts("2021\n2019\nPensions\n12\n13").is_empty());
        // Prose with numbers is the extractor's.
        assert!(facts("En 2019, 12 centres ; en 2020, 13 centres.").is_empty());
        assert!(read_tables("").is_empty());
        let text = "En milliards de tenge\n2019\n2020\nPensions\n1 250,3\n1 410,8";
        for (i, _) in text.char_indices() {
            let _ = read_tables(&text[..i]);
        }
    }

    #[test]
    fn a_report_with_a_table_gets_its_facts_in_place_of_the_prose_reading() {
        let text = "1. Les dépenses sont données ci-dessous.\n\nEn milliards de tenge\n2019\n2020\nPensions\n1 250,3\n1 410,8\n\n2. Environ 70 000 ordonnances ont été délivrées.\n";
        let doc = crate::document::parse(text);
        let facts = extract_report(text, &doc, Some(2021));
        let got: Vec<(usize, f64, Option<Year>, &str)> = facts
            .iter()
            .map(|f| (f.line, f.fact.value, f.fact.year, f.fact.subject.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (7, 1_250_300_000_000.0, Some(Year::Single(2019)), "Pensions"),
                (8, 1_410_800_000_000.0, Some(Year::Single(2020)), "Pensions"),
                (10, 70_000.0, Some(Year::Single(2021)), "ordonnances"),
            ]
        );
        for f in &facts {
            let p = doc.paragraph(&f.paragraph);
            assert_eq!(
                p.and_then(|p| p.text.get(f.fact.start..f.fact.end)),
                Some(f.fact.verbatim.as_str())
            );
        }
    }
}
