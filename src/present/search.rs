//! Search results as a reader sees them: each matching paragraph with its words
//! highlighted, and the figures it states, each linked to the series it feeds.

use super::{highlight, Segment};
use crate::chart::Lang;
use crate::search::SearchIndex;
use crate::series::sourced::Corpus;
use crate::series::Series;
use serde::Serialize;

/// The results of one query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchView {
    /// Paragraphs that match, all of them (only `limit` are in `hits`).
    pub total: usize,
    pub hits: Vec<HitView>,
}

/// One matching paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitView {
    pub report: String,
    pub reference: String,
    pub paragraph: String,
    pub segments: Vec<Segment>,
    pub figures: Vec<Figure>,
}

/// A figure the paragraph states, and the series (with point) it appears in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub verbatim: String,
    pub value: f64,
    pub unit: crate::extract::Unit,
    pub qualifier: crate::extract::Qualifier,
    pub year: Option<crate::extract::Year>,
    pub year_source: Option<crate::extract::YearSource>,
    pub line: usize,
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

/// Runs `query` over the corpus and dresses the hits for the page.
pub fn search(
    index: &SearchIndex,
    corpus: &Corpus,
    series: &[Series],
    query: &str,
    limit: usize,
    lang: Lang,
) -> SearchView {
    let results = index.search(query, limit);
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
            let figures = corpus
                .facts
                .iter()
                .filter(|f| f.report_index == hit.document && f.paragraph == paragraph.id)
                .map(|f| Figure {
                    verbatim: f.fact.verbatim.clone(),
                    value: f.fact.value,
                    unit: f.fact.unit,
                    qualifier: f.fact.qualifier,
                    year: f.fact.year,
                    year_source: f.fact.year_source,
                    line: f.line,
                    shown: format!(
                        "{}{}",
                        crate::chart::format::qualifier_sign(f.fact.qualifier),
                        crate::chart::format::with_unit(f.fact.value, f.fact.unit, lang)
                    ),
                    series: series
                        .iter()
                        .filter_map(|s| {
                            let point = s.points.iter().position(|p| {
                                p.report_index == hit.document
                                    && p.paragraph == paragraph.id
                                    && p.span == (f.fact.start, f.fact.end)
                            })?;
                            Some(SeriesLink {
                                id: s.id.clone(),
                                title: s.title(lang).to_string(),
                                point,
                            })
                        })
                        .collect(),
                })
                .collect();
            Some(HitView {
                report: report.meta.symbol.clone(),
                reference: super::reference(&paragraph.reference(), lang),
                paragraph: paragraph.id.clone(),
                segments: highlight(&paragraph.text, &hit.spans),
                figures,
            })
        })
        .collect();
    SearchView {
        total: results.total,
        hits,
    }
}

/// The figures of a search, one CSV row each (RFC 4180), for researchers.
pub fn search_csv(view: &SearchView) -> String {
    let mut out = String::from(
        "report,reference,paragraph,line,verbatim,value,unit,qualifier,year,year_source,series\r\n",
    );
    for hit in &view.hits {
        for f in &hit.figures {
            let series: Vec<&str> = f.series.iter().map(|s| s.id.as_str()).collect();
            let fields = [
                hit.report.clone(),
                hit.reference.clone(),
                hit.paragraph.clone(),
                f.line.to_string(),
                f.verbatim.clone(),
                f.value.to_string(),
                super::table::name(&f.unit),
                super::table::name(&f.qualifier),
                f.year.map(|y| y.to_string()).unwrap_or_default(),
                f.year_source
                    .map(|y| super::table::name(&y))
                    .unwrap_or_default(),
                series.join(" "),
            ];
            super::table::push_row(&mut out, &fields);
        }
    }
    out
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
}
