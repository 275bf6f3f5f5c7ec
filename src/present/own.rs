//! A reader's own report as a table of facts: one row a fact, with the fields the
//! page filters on (words, unit, year, qualifier) and the sentence it came from;
//! and the same rows as CSV and JSON for download.
//!
//! Invariant: plain rows of strings and numbers; the page inserts them as text.

use super::table::{name, push_row};
use crate::series::sourced::SourcedFact;
use serde::Serialize;

/// One fact of a report, ready for a table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRow {
    pub value: f64,
    pub verbatim: String,
    /// `count`, `percent`, `tenge`…
    pub unit: String,
    /// `exact`, `approx`, `more_than`…
    pub qualifier: String,
    /// `2019`, `2008-2012`, or empty.
    pub year: String,
    /// `stated`, `implied`, or empty.
    pub year_source: String,
    pub subject: String,
    pub report: String,
    pub reference: String,
    pub paragraph: String,
    pub line: usize,
    pub sentence: String,
}

/// The rows of `facts`, in order.
pub fn fact_rows(facts: &[SourcedFact]) -> Vec<FactRow> {
    facts
        .iter()
        .map(|f| FactRow {
            value: f.fact.value,
            verbatim: f.fact.verbatim.clone(),
            unit: name(&f.fact.unit),
            qualifier: name(&f.fact.qualifier),
            year: f.fact.year.map(|y| y.to_string()).unwrap_or_default(),
            year_source: f.fact.year_source.map(|s| name(&s)).unwrap_or_default(),
            subject: f.fact.subject.clone(),
            report: f.report.clone(),
            reference: f.reference.clone(),
            paragraph: f.paragraph.clone(),
            line: f.line,
            sentence: f.sentence.clone(),
        })
        .collect()
}

/// The rows as CSV (RFC 4180, a header line first).
pub fn facts_csv(rows: &[FactRow]) -> String {
    let mut out = String::from(
        "value,verbatim,unit,qualifier,year,year_source,subject,report,reference,paragraph,line,sentence\r\n",
    );
    for r in rows {
        push_row(
            &mut out,
            &[
                r.value.to_string(),
                r.verbatim.clone(),
                r.unit.clone(),
                r.qualifier.clone(),
                r.year.clone(),
                r.year_source.clone(),
                r.subject.clone(),
                r.report.clone(),
                r.reference.clone(),
                r.paragraph.clone(),
                r.line.to_string(),
                r.sentence.clone(),
            ],
        );
    }
    out
}

/// The rows as pretty JSON (an array of objects).
pub fn facts_json(rows: &[FactRow]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::own::OwnReport;

    #[test]
    fn rows_and_csv_say_each_fact_with_its_year_and_sentence(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let own = OwnReport::read(
            "r.txt",
            "1. Environ 70 000 ordonnances, « protection », ont été délivrées.\n\n2. En 2023, 12 centres.",
            Some(2024),
            0,
        )?;
        let rows = fact_rows(&own.facts);
        let first = rows.first().ok_or("no row")?;
        assert_eq!(
            (
                first.value,
                first.qualifier.as_str(),
                first.year.as_str(),
                first.year_source.as_str()
            ),
            (70_000.0, "approx", "2024", "implied")
        );
        let csv = facts_csv(&rows);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{csv}");
        // The sentence holds a comma: quoted.
        assert!(
            lines.get(1).is_some_and(|l| l
                .ends_with("\"Environ 70 000 ordonnances, « protection », ont été délivrées.\"")),
            "{csv}"
        );
        assert!(
            lines
                .get(2)
                .is_some_and(|l| l.starts_with("12,12,count,exact,2023,stated,")),
            "{csv}"
        );
        let json: serde_json::Value = serde_json::from_str(&facts_json(&rows))?;
        assert_eq!(json.as_array().map(Vec::len), Some(2));
        Ok(())
    }
}
