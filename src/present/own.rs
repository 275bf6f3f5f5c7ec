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
            sentence: f.sentence.to_string(),
        })
        .collect()
}

/// A fact row as the page's table shows it: the codes (what the filters and the
/// downloads use) and, beside them, their words in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactView {
    #[serde(flatten)]
    pub row: FactRow,
    /// The unit in words: "number", "тенге".
    pub unit_text: String,
    /// The qualifier in words ("about", "exact value").
    pub qualifier_text: String,
    /// Where the year comes from, in words; empty without a year.
    pub year_source_text: String,
    /// The paragraph's reference as the reader's language cites it ("para. 12").
    pub reference_text: String,
}

/// The rows of `facts` with their words in `lang`, in order.
pub fn fact_views(facts: &[SourcedFact], lang: crate::chart::Lang) -> Vec<FactView> {
    let t = lang.text();
    facts
        .iter()
        .zip(fact_rows(facts))
        .map(|(f, row)| {
            let qualifier = match super::qualifier_words(f.fact.qualifier, lang) {
                "" => t.text("qualifier", "exact"),
                words => words,
            };
            let year_source = match (f.fact.year, f.fact.year_source) {
                (Some(_), Some(crate::extract::YearSource::Stated)) => t.text("table", "stated"),
                (Some(_), Some(crate::extract::YearSource::Implied)) => t.text("table", "implied"),
                _ => "",
            };
            FactView {
                unit_text: crate::chart::format::unit_name(f.fact.unit, lang).to_string(),
                qualifier_text: qualifier.to_string(),
                year_source_text: year_source.to_string(),
                reference_text: super::reference(&f.reference, lang),
                row,
            }
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

/// Runs `query` over one added report (its own index, document 0) and dresses the
/// hits as the bundled reports' are: `report` is its name, `document` its key
/// (to open it in the reader), figures link to `series` (its automatic ones).
pub fn search_report(
    index: &crate::search::SearchIndex,
    report: &crate::series::own::OwnReport,
    document: usize,
    series: &[crate::series::Series],
    query: &str,
    limit: usize,
    lang: crate::chart::Lang,
) -> super::SearchView {
    let (name, text, facts) = (&report.name, &report.document, &report.facts);
    let results = index.search(query, limit);
    let hits = results
        .hits
        .iter()
        .filter_map(|hit| {
            let paragraph = text.paragraphs.get(hit.paragraph)?;
            let figures = facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.paragraph == paragraph.id)
                .map(|(i, f)| super::search::figure(i, f, series, &paragraph.id, lang))
                .collect();
            Some(super::HitView {
                report: name.clone(),
                // Its key: the reader opens it as it opens the bundled ones.
                document,
                reference: super::reference(&paragraph.reference(), lang),
                paragraph: paragraph.id.clone(),
                text_lang: crate::document::language::code(report.language),
                segments: super::highlight(&paragraph.text, &hit.spans),
                figures,
            })
        })
        .collect();
    super::SearchView {
        total: results.total,
        offset: 0,
        hits,
    }
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

    #[test]
    fn the_facts_table_says_codes_in_the_readers_language() -> Result<(), Box<dyn std::error::Error>>
    {
        let own = OwnReport::read(
            "r.txt",
            "1. Environ 70 000 ordonnances ont été délivrées.\n\n2. En 2023, 12 centres.",
            Some(2024),
            0,
        )?;
        for lang in crate::chart::Lang::ALL {
            let t = lang.text();
            let views = fact_views(&own.facts, lang);
            let first = views.first().ok_or("no row")?;
            // The codes stay, for the filters and downloads.
            assert_eq!(
                (first.row.unit.as_str(), first.row.qualifier.as_str()),
                ("count", "approx")
            );
            assert_eq!(first.qualifier_text, t.text("qualifier", "approx"));
            assert_eq!(first.unit_text, t.text("unit_name", "count"));
            assert_eq!(first.year_source_text, t.text("table", "implied"));
            assert_eq!(
                first.reference_text,
                super::super::reference("par. 1", lang)
            );
            let second = views.get(1).ok_or("no second row")?;
            assert_eq!(second.qualifier_text, t.text("qualifier", "exact"));
            assert_eq!(second.year_source_text, t.text("table", "stated"));
        }
        let en = fact_views(&own.facts, crate::chart::Lang::En);
        assert_eq!(
            en.first().map(|v| v.reference_text.as_str()),
            Some("para. 1")
        );
        Ok(())
    }

    /// An added report's language, as each view of its text says it: the
    /// reader's paragraphs, a search hit, the summary, and its series' tooltip
    /// and table (set as `web::own` sets it).
    fn langs_of(text: &str) -> Result<[&'static str; 5], Box<dyn std::error::Error>> {
        let own = OwnReport::read("Passage", text, Some(2025), 7)?;
        let lang = crate::document::language::code(own.language);
        // Every dated figure ticked, as a reader would chart them.
        let dated: Vec<&crate::series::sourced::SourcedFact> =
            own.facts.iter().filter(|f| f.fact.year.is_some()).collect();
        let mut one =
            crate::series::auto::picked("picked", &own.name, &dated).ok_or("no dated figure")?;
        one.texts.set_quote_lang(lang);
        let series = [one];
        let one = series.first().ok_or("no series")?;
        let index = crate::search::SearchIndex::new(&[&own.document]);
        let view = search_report(&index, &own, 7, &series, "2022", 10, crate::chart::Lang::Fr);
        let hit = view.hits.first().ok_or("no hit")?;
        let tip = super::super::tooltip(one, 0, crate::chart::Lang::Fr).ok_or("no tooltip")?;
        Ok([
            super::super::own_reader(&own, &series, 7, crate::chart::Lang::Fr).text_lang,
            hit.text_lang,
            own.summary(&series).lang,
            tip.quote_lang,
            super::super::Table::of(one, crate::chart::Lang::Fr).quote_lang,
        ])
    }

    #[test]
    fn an_added_reports_text_is_marked_with_its_own_language_not_french(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let fr = "1. En 2022, 1 250 ordonnances de protection ont été délivrées par les \
            tribunaux, contre 980 en 2021.\n\n2. Les centres de crise sont ouverts dans les \
            régions et la plupart des victimes y ont reçu une aide.";
        let en = "1. In 2022, 1,250 protection orders were issued by the courts, against \
            980 in 2021.\n\n2. The crisis centres are open in the regions and most of the \
            victims have received help from them.";
        let ru = "1. В 2022 году судами было выдано 1 250 защитных предписаний, против 980 в \
            2021 году.\n\n2. Кризисные центры открыты в регионах, и большинство жертв \
            получили в них помощь.";
        // Figures and names, no sentence: the language cannot be told.
        let unknown = "2022 Almaty 1 250 Astana 980 Shymkent 2021 Karaganda 1 250 Aktobe 980 \
            Pavlodar 2022 Semey 1 250";
        assert_eq!(langs_of(fr)?, ["fr"; 5]);
        assert_eq!(langs_of(en)?, ["en"; 5]);
        assert_eq!(langs_of(ru)?, ["ru"; 5]);
        assert_eq!(langs_of(unknown)?, [""; 5]);
        Ok(())
    }

    #[test]
    fn an_added_report_is_searchable_with_its_figures_linked_to_its_series(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let own = OwnReport::read(
            "Passage",
            "1. En 2022, 1 250 ordonnances de protection ont été délivrées, contre 980 en 2021.\n\n2. Les centres de crise sont ouverts.",
            Some(2025),
            7,
        )?;
        let series: Vec<crate::series::Series> =
            crate::series::auto::auto_series(&own.name, &own.facts)
                .into_iter()
                .map(|a| a.series)
                .collect();
        let index = crate::search::SearchIndex::new(&[&own.document]);
        let view = search_report(
            &index,
            &own,
            7,
            &series,
            "ordonnance",
            10,
            crate::chart::Lang::Fr,
        );
        assert_eq!(view.total, 1);
        let hit = view.hits.first().ok_or("no hit")?;
        assert_eq!(
            (hit.report.as_str(), hit.reference.as_str()),
            ("Passage", "par. 1")
        );
        assert_eq!(hit.document, 7);
        let links: Vec<(&str, usize)> = hit
            .figures
            .iter()
            .flat_map(|f| f.series.iter().map(|s| (s.title.as_str(), s.point)))
            .collect();
        assert_eq!(
            links,
            [
                ("Ordonnances de protection", 1),
                ("Ordonnances de protection", 0)
            ]
        );
        Ok(())
    }
}
