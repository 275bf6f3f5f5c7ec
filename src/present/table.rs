//! A series as a table (the chart's accessible equivalent) and as CSV and JSON.

use super::{key_label, qualifier_words};
use crate::chart::{format, Lang};
use crate::series::{Series, YearSource};
use serde::Serialize;

/// How a column sorts: by number, or by text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SortKey {
    Number(f64),
    Text(String),
}

/// A cell: what it shows, and what it sorts by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub text: String,
    pub sort: SortKey,
}

/// A row and the point it shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub point: usize,
    pub cells: Vec<Cell>,
}

/// Column titles and rows, in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// The BCP 47 code of the language of the quote column, empty when unknown.
    pub quote_lang: &'static str,
}

impl Table {
    /// The table of a series: key, value, qualifier, year source, source, quote.
    pub fn of(series: &Series, lang: Lang) -> Table {
        let t = lang.text();
        let columns = ["key", "value", "qualifier", "year", "source", "text"]
            .map(|key| t.text("table", key).to_string());
        let rows = series
            .points
            .iter()
            .enumerate()
            .map(|(index, p)| {
                // A category sorts by the name the reader sees, not the French one.
                let key_sort = match p.year() {
                    Some(year) => SortKey::Number(f64::from(year)),
                    None => SortKey::Text(
                        series
                            .category_label(p, lang)
                            .unwrap_or_default()
                            .to_string(),
                    ),
                };
                let words = qualifier_words(p.qualifier, lang);
                let qualifier = if words.is_empty() {
                    t.text("qualifier", "exact")
                } else {
                    words
                };
                let year_source = match (p.year(), p.year_source) {
                    (None, _) => "",
                    (Some(_), YearSource::Stated) => t.text("table", "stated"),
                    (Some(_), YearSource::Implied) => t.text("table", "implied"),
                };
                let mut value = format!(
                    "{}{}",
                    format::qualifier_sign(p.qualifier),
                    format::with_unit(p.value, series.unit, lang)
                );
                if p.conflict {
                    value.push_str(" ≠");
                }
                let source = format!("{}, {}", p.report, super::reference(&p.reference, lang));
                let mut key = key_label(series, p, lang);
                if p.series_break.is_some() {
                    key = format!("{key} ({})", t.text("legend", "break_mark"));
                }
                Row {
                    point: index,
                    cells: vec![
                        Cell {
                            text: key,
                            sort: key_sort,
                        },
                        Cell {
                            text: value,
                            sort: SortKey::Number(p.value),
                        },
                        Cell {
                            text: qualifier.to_string(),
                            sort: SortKey::Text(qualifier.to_string()),
                        },
                        Cell {
                            text: year_source.to_string(),
                            sort: SortKey::Text(year_source.to_string()),
                        },
                        Cell {
                            text: source.clone(),
                            sort: SortKey::Text(source),
                        },
                        Cell {
                            // The words around the number: the full sentence is in the
                            // source panel and the downloads.
                            text: super::tooltip::quote(p),
                            sort: SortKey::Text(p.sentence.clone()),
                        },
                    ],
                }
            })
            .collect();
        Table {
            columns: columns.to_vec(),
            rows,
            quote_lang: series.quote_lang(),
        }
    }
}

/// The series as CSV (RFC 4180), one row per point, with machine-stable column
/// names in English whatever the interface language. `category` is in the
/// reader's language; `category_fr` is the report's own name, the same in every
/// language (a key to join downloads made in different languages).
pub fn csv(series: &Series, lang: Lang) -> String {
    let mut out = String::from(
        "series,year,category,value,qualifier,year_source,report,paragraph,reference,text_file_line,verbatim,conflict,sentence,category_fr,period,break\r\n",
    );
    for p in &series.points {
        let fields = [
            series.id.clone(),
            p.year().map(|y| y.to_string()).unwrap_or_default(),
            series
                .category_label(p, lang)
                .unwrap_or_default()
                .to_string(),
            p.value.to_string(),
            name(&p.qualifier),
            name(&p.year_source),
            p.report.clone(),
            p.paragraph.clone(),
            p.reference.clone(),
            p.line.to_string(),
            p.verbatim.clone(),
            p.conflict.to_string(),
            p.sentence.clone(),
            p.category().unwrap_or_default().to_string(),
            // The months a part-year figure covers (ISO 8601), and the break in
            // series a point opens: new columns go last, after the old ones.
            p.period.map(|period| period.iso()).unwrap_or_default(),
            p.series_break
                .as_ref()
                .map(|b| format::break_legend(&series.id, b.from, lang))
                .unwrap_or_default(),
        ];
        push_row(&mut out, &fields);
    }
    out
}

/// The series as pretty JSON: the fields of `derek series --json`, and its
/// title in the reader's language.
pub fn json(series: &Series, lang: Lang) -> String {
    let mut value = serde_json::to_value(series).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        let title = series.title(lang);
        object.insert("title".into(), title.into());
        object.insert("lang".into(), lang.code().into());
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Appends one CSV row (RFC 4180): fields quoted where needed, CRLF-terminated.
pub(super) fn push_row(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// A field quoted for CSV when it holds a comma, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The snake_case name serde gives an enum value ("more_than").
pub(super) fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::sample::protection_orders as series;

    #[test]
    fn csv_quotes_what_needs_quoting_and_keeps_every_field() {
        let csv = csv(&series(), Lang::En);
        let mut lines = csv.split("\r\n");
        assert!(lines
            .next()
            .is_some_and(|h| h.starts_with("series,year,category,value")));
        assert!(lines
            .next()
            .is_some_and(|l| l.starts_with("protection_orders_issued,2011,")));
        assert_eq!(
            lines.next(),
            Some("protection_orders_issued,2012,,44000,more_than,stated,CAT/C/KAZ/3,p1,\"Article 16, 13\",447,44 000,false,\"En 2012, plus de 44 000 ordonnances \"\"de protection\"\" ont été prises contre des personnes ayant commis une infraction.\",,,")
        );
    }

    /// A series whose last point covers January to August 2025 only.
    fn with_part_year() -> crate::series::Series {
        use crate::series::Period;
        let mut s = series();
        let mut part = crate::series::sample::point(
            2025,
            396.0,
            "396",
            crate::series::Qualifier::Exact,
            "CERD/C/KAZ/11-14",
            "par. 303",
        );
        part.period = Some(Period::months(2025, 1, 8));
        s.points.push(part);
        s
    }

    #[test]
    fn a_part_year_point_is_labelled_partial_in_the_table_csv_json_and_tooltip() {
        let s = with_part_year();
        let table = Table::of(&s, Lang::Fr);
        assert_eq!(
            table.rows[3].cells[0].text,
            "2025 (partie de l’année : janvier–août 2025)"
        );
        let csv = csv(&s, Lang::Fr);
        let last = csv.trim_end().lines().last().unwrap_or_default();
        assert!(last.ends_with(",2025-01/2025-08,"), "{last}");
        let json = json(&s, Lang::Fr);
        assert!(
            json.contains("\"period\": {\n        \"from\": \"2025-01\",\n        \"to\": \"2025-08\"\n      }"),
            "{json}"
        );
        // Whole-year points carry no period field at all.
        assert_eq!(json.matches("\"period\"").count(), 1);
        let tip = crate::present::tooltip(&s, 3, Lang::En).map(|t| t.key);
        assert_eq!(
            tip.as_deref(),
            Some("2025 (part of the year: January–August 2025)")
        );
    }

    #[test]
    fn the_table_sorts_by_numbers_and_shows_bounds() {
        let table = Table::of(&series(), Lang::Fr);
        assert_eq!(table.columns.len(), table.rows[0].cells.len());
        assert_eq!(table.rows[1].cells[0].sort, SortKey::Number(2012.0));
        assert_eq!(table.rows[1].cells[1].text, "≥\u{a0}44\u{202f}000");
        assert_eq!(table.rows[1].cells[2].text, "plus de");
        // The text column quotes the words around the number, not the whole sentence.
        let quote = &table.rows[1].cells[5].text;
        assert!(
            quote.contains("plus de 44 000 ordonnances") && quote.ends_with('…'),
            "{quote}"
        );
    }

    #[test]
    fn json_has_the_cli_fields() {
        let json = json(&series(), Lang::En);
        for field in [
            "\"id\"",
            "\"year\": 2011",
            "\"qualifier\": \"more_than\"",
            "\"year_source\": \"stated\"",
            "\"title\": \"Protection orders issued\"",
        ] {
            assert!(json.contains(field), "{field} missing from {json}");
        }
    }
}
