//! Search results as a reader sees them: each matching paragraph with its words
//! highlighted, and the figures it states, nearest to the query words first, each
//! linked to the series it feeds and to its place in the reader.
//!
//! One result model, two formats: the CSV and the JSON downloads are the same rows
//! (every matching paragraph: report, reference, text, the figures it holds).

use super::{highlight, Segment};
use crate::chart::Lang;
use crate::search::SearchIndex;
use crate::series::sourced::{Corpus, SourcedFact};
use crate::series::Series;
use serde::Serialize;

/// One page of the results of a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchView {
    /// Paragraphs that match, all of them.
    pub total: usize,
    /// The rank of the first hit of `hits` (0 for the first page).
    pub offset: usize,
    pub hits: Vec<HitView>,
}

/// One matching paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitView {
    /// Document symbol of the report.
    pub report: String,
    /// Index of the report in the corpus (to open it in the reader).
    pub document: usize,
    /// The reference as the report prints it: `par. 81`, `question 3 b)`.
    pub reference: String,
    /// The paragraph's id (`p81`).
    pub paragraph: String,
    /// The BCP 47 code of the language of its text, empty when unknown.
    pub text_lang: &'static str,
    /// The paragraph's text, the query's words marked.
    pub segments: Vec<Segment>,
    /// The figures it states, nearest to the query's words first.
    pub figures: Vec<Figure>,
}

/// A figure the paragraph states, and the series (with point) it appears in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Its index among the figures of its report (as in the reader).
    pub figure: usize,
    pub verbatim: String,
    pub value: f64,
    pub unit: crate::extract::Unit,
    pub qualifier: crate::extract::Qualifier,
    pub year: Option<crate::extract::Year>,
    pub year_source: Option<crate::extract::YearSource>,
    pub subject: String,
    /// The value as the reader writes it: "≥ 44,000", "71,2 %".
    pub shown: String,
    pub series: Vec<SeriesLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesLink {
    pub id: String,
    pub title: String,
    pub point: usize,
}

/// Runs `query` over the corpus and dresses the hits ranked `offset` to
/// `offset + limit` for the page.
pub fn search(
    index: &SearchIndex,
    corpus: &Corpus,
    series: &[Series],
    query: &str,
    offset: usize,
    limit: usize,
    lang: Lang,
) -> SearchView {
    let results = index.search_page(query, offset, limit);
    // Where each report's facts start in the corpus: a figure's index is its place
    // among its report's facts.
    let mut first_fact = vec![0usize; corpus.reports.len() + 1];
    for f in &corpus.facts {
        if let Some(n) = first_fact.get_mut(f.report_index + 1) {
            *n += 1;
        }
    }
    for i in 1..first_fact.len() {
        first_fact[i] += first_fact[i - 1];
    }
    let hits = results
        .hits
        .iter()
        .filter_map(|hit| {
            let report = corpus.reports.get(hit.document)?;
            let paragraph = corpus
                .documents
                .get(hit.document)?
                .paragraphs
                .get(hit.paragraph)?;
            let from = first_fact.get(hit.document).copied().unwrap_or(0);
            let to = first_fact.get(hit.document + 1).copied().unwrap_or(0);
            let mut figures: Vec<(usize, Figure)> = corpus
                .facts
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .filter(|(_, f)| f.paragraph == paragraph.id)
                .map(|(i, f)| {
                    let figure = figure(i, f, series, &paragraph.id, lang);
                    (distance((f.fact.start, f.fact.end), &hit.spans), figure)
                })
                .collect();
            // Nearest the query's words first; a stable sort keeps text order in ties.
            figures.sort_by_key(|(d, _)| *d);
            Some(HitView {
                report: report.meta.symbol.clone(),
                document: hit.document,
                reference: super::reference(&paragraph.reference(), lang),
                paragraph: paragraph.id.clone(),
                // The bundled reports are the French texts.
                text_lang: Lang::Fr.code(),
                segments: highlight(&paragraph.text, &hit.spans),
                figures: figures.into_iter().map(|(_, f)| f).collect(),
            })
        })
        .collect();
    SearchView {
        total: results.total,
        offset,
        hits,
    }
}

/// The series points a figure is, by its report, paragraph and byte range.
/// The `i`-th figure of its report, as a search hit shows it, with the series
/// points it feeds.
pub(super) fn figure(
    i: usize,
    f: &SourcedFact,
    series: &[Series],
    paragraph: &str,
    lang: Lang,
) -> Figure {
    Figure {
        figure: i,
        verbatim: f.fact.verbatim.clone(),
        value: f.fact.value,
        unit: f.fact.unit,
        qualifier: f.fact.qualifier,
        year: f.fact.year,
        year_source: f.fact.year_source,
        subject: f.fact.subject.clone(),
        shown: format!(
            "{}{}",
            crate::chart::format::qualifier_sign(f.fact.qualifier),
            crate::chart::format::with_unit(f.fact.value, f.fact.unit, lang)
        ),
        series: links(
            series,
            f.report_index,
            paragraph,
            (f.fact.start, f.fact.end),
            lang,
        ),
    }
}

fn links(
    series: &[Series],
    document: usize,
    paragraph: &str,
    span: (usize, usize),
    lang: Lang,
) -> Vec<SeriesLink> {
    series
        .iter()
        .filter_map(|s| {
            let point = s.points.iter().position(|p| {
                p.report_index == document && p.paragraph == paragraph && p.span == span
            })?;
            Some(SeriesLink {
                id: s.id.clone(),
                title: s.title(lang).to_string(),
                point,
            })
        })
        .collect()
}

/// How many bytes lie between `figure` and the nearest of `spans` (0 if they
/// touch or overlap; `usize::MAX` without spans).
fn distance(figure: (usize, usize), spans: &[(usize, usize)]) -> usize {
    spans
        .iter()
        .map(|&(s, e)| {
            if e < figure.0 {
                figure.0 - e
            } else {
                s.saturating_sub(figure.1)
            }
        })
        .min()
        .unwrap_or(usize::MAX)
}

/// One row of a search download: a matching paragraph and the figures it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchRow<'a> {
    pub report: &'a str,
    pub reference: &'a str,
    pub paragraph: &'a str,
    pub text: String,
    pub figures: &'a [Figure],
}

/// The rows of a search: one per matching paragraph, in rank order.
pub fn search_rows(view: &SearchView) -> Vec<SearchRow<'_>> {
    view.hits
        .iter()
        .map(|hit| SearchRow {
            report: &hit.report,
            reference: &hit.reference,
            paragraph: &hit.paragraph,
            text: hit.segments.iter().map(|s| s.text.as_str()).collect(),
            figures: &hit.figures,
        })
        .collect()
}

/// The rows of a search as CSV (RFC 4180): one row per matching paragraph, its
/// figures in one cell (`44 000 [count, more_than, 2012, stated]; …`) and the series
/// they feed in another.
pub fn search_csv(view: &SearchView) -> String {
    let mut out = String::from("report,reference,paragraph,text,figures,series\r\n");
    for row in search_rows(view) {
        let figures: Vec<String> = row
            .figures
            .iter()
            .map(|f| {
                let mut parts = vec![
                    super::table::name(&f.unit),
                    super::table::name(&f.qualifier),
                ];
                if let (Some(year), Some(source)) = (f.year, f.year_source) {
                    parts.push(year.to_string());
                    parts.push(super::table::name(&source));
                }
                format!("{} [{}]", f.verbatim, parts.join(", "))
            })
            .collect();
        let mut series: Vec<&str> = row
            .figures
            .iter()
            .flat_map(|f| f.series.iter().map(|s| s.id.as_str()))
            .collect();
        series.dedup();
        let fields = [
            row.report.to_string(),
            row.reference.to_string(),
            row.paragraph.to_string(),
            row.text,
            figures.join("; "),
            series.join(" "),
        ];
        super::table::push_row(&mut out, &fields);
    }
    out
}

/// The rows of a search as JSON: the same rows as [`search_csv`], the figures as
/// objects.
pub fn search_json(view: &SearchView) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&search_rows(view))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::catalogue::Catalogue;

    #[test]
    fn a_hit_links_its_figures_to_their_series() -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&corpus);
        let documents: Vec<&crate::document::Document> = corpus.documents.iter().collect();
        let index = SearchIndex::new(&documents);
        let view = search(
            &index,
            &corpus,
            &series,
            "\"ordonnances de protection\"",
            0,
            50,
            Lang::En,
        );
        assert!(view.total >= view.hits.len() && !view.hits.is_empty());
        // The CAT paragraph that states "plus de 44 000 ordonnances de protection".
        let cat = view
            .hits
            .iter()
            .find(|h| h.figures.iter().any(|f| f.verbatim == "44 000"))
            .ok_or("no hit states 44 000")?;
        assert_eq!(cat.report, "CAT/C/KAZ/3");
        let figure = cat
            .figures
            .iter()
            .find(|f| f.verbatim == "44 000")
            .ok_or("no figure")?;
        assert!(figure
            .series
            .iter()
            .any(|s| s.id == "protection_orders_issued"));
        let marked: Vec<&str> = cat
            .segments
            .iter()
            .filter(|s| s.mark)
            .map(|s| s.text.as_str())
            .collect();
        assert!(
            marked
                .iter()
                .all(|m| m.to_lowercase().starts_with("ordonnance")),
            "{marked:?}"
        );
        Ok(())
    }

    #[test]
    fn figures_nearest_the_query_come_first() {
        assert_eq!(distance((10, 12), &[(0, 4), (20, 25)]), 6);
        assert_eq!(distance((10, 12), &[(11, 14)]), 0);
        assert_eq!(distance((10, 12), &[]), usize::MAX);
    }

    #[test]
    fn the_csv_and_the_json_hold_the_same_rows() -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&corpus);
        let documents: Vec<&crate::document::Document> = corpus.documents.iter().collect();
        let index = SearchIndex::new(&documents);
        let view = search(&index, &corpus, &series, "torture", 0, usize::MAX, Lang::Fr);
        assert_eq!(view.hits.len(), view.total);
        let json: serde_json::Value = serde_json::from_str(&search_json(&view)?)?;
        let rows = json.as_array().ok_or("an array")?;
        assert_eq!(rows.len(), view.total);
        // One CSV record per row (texts hold no CR LF; quoted cells may hold LF).
        let csv = search_csv(&view);
        assert_eq!(csv.matches("\r\n").count(), view.total + 1);
        for (row, hit) in rows.iter().zip(&view.hits) {
            assert_eq!(row["paragraph"], hit.paragraph.as_str());
            assert_eq!(row["reference"], hit.reference.as_str());
            assert!(csv.contains(&format!(",{},", hit.paragraph)));
        }
        Ok(())
    }

    #[test]
    fn a_number_alone_finds_its_figure_first() -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&corpus);
        let documents: Vec<&crate::document::Document> = corpus.documents.iter().collect();
        let index = SearchIndex::new(&documents);
        for query in ["44 000", "44000", "44\u{a0}000"] {
            let view = search(&index, &corpus, &series, query, 0, 10, Lang::Fr);
            let first = view.hits.first().ok_or("a hit")?;
            let figure = first.figures.first().ok_or("a figure")?;
            assert_eq!(figure.value, 44000.0, "{query:?}");
            let marked: Vec<&str> = first
                .segments
                .iter()
                .filter(|s| s.mark)
                .map(|s| s.text.as_str())
                .collect();
            assert_eq!(marked, [figure.verbatim.as_str()]);
        }
        Ok(())
    }
}
