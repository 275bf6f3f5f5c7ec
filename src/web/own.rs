//! The wasm layer for reports a reader brings: read one (in a worker, or in the
//! page), list its facts and its automatic series, remove it. Converts and
//! delegates to `series::own`, `series::auto` and `present::own`.

use super::{to_js, Derek};
use crate::present;
use crate::series::auto::auto_series;
use crate::series::own::{OwnReport, ReadError};
use crate::series::Series;
use wasm_bindgen::prelude::*;

/// Report indices of own reports start here, never reused: a point's
/// `report_index` names its report even after others are removed.
pub(super) const FIRST_INDEX: usize = 1000;

/// A reader's report held by the page, with its automatic series.
pub(super) struct OwnEntry {
    /// The report index its facts carry: the handle the page keeps.
    pub key: usize,
    pub report: OwnReport,
    pub series: Vec<Series>,
    /// Built on the first search that reaches it.
    pub index: std::cell::OnceCell<crate::search::SearchIndex>,
}

/// Why a text cannot be read, for the page to say in the reader's language: an
/// `Error` (its message in English, for the console) whose `code` names the
/// entry of the tables (`empty`, `tooFewWords`) and `n` the number it fills in.
fn read_failure(error: &ReadError) -> JsValue {
    let (code, n) = match error {
        ReadError::Empty => ("empty", 0),
        ReadError::NoWords { words } => ("tooFewWords", *words),
    };
    let failure = js_sys::Error::new(&error.to_string());
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&failure, &"code".into(), &code.into());
    let _ = js_sys::Reflect::set(&failure, &"n".into(), &(n as f64).into());
    failure.into()
}

fn read(
    name: &str,
    text: &str,
    reference_year: Option<i32>,
    index: usize,
) -> Result<OwnEntry, JsValue> {
    let report =
        OwnReport::read(name, text, reference_year, index).map_err(|e| read_failure(&e))?;
    let quote_lang = crate::document::language::code(report.language);
    let series = auto_series(&report.name, &report.facts)
        .into_iter()
        .map(|mut auto| {
            // Ids stay unique when a name is added twice.
            auto.series.id = format!("{}-r{index}", auto.series.id);
            // Its tooltips and source panel quote the report in its language.
            auto.series.texts.set_quote_lang(quote_lang);
            auto.series
        })
        .collect();
    Ok(OwnEntry {
        key: index,
        report,
        series,
        index: std::cell::OnceCell::new(),
    })
}

/// Reads a report without the bundled ones (for the Web Worker): its summary.
/// `reference_year` undefined reads it from the cover. A text that cannot be
/// read throws an `Error` with a `code` (see `read_failure`).
#[wasm_bindgen(js_name = readReport)]
pub fn read_report(
    name: &str,
    text: &str,
    reference_year: Option<i32>,
) -> Result<JsValue, JsValue> {
    let entry = read(name, text, reference_year, FIRST_INDEX)?;
    Ok(to_js(&entry.report.summary(&entry.series))?)
}

#[wasm_bindgen]
impl Derek {
    /// Reads a report a reader brought and adds its automatic series; returns its
    /// summary with `key`, the handle the other calls take. A text that cannot be
    /// read throws an `Error` with a `code` (see `read_failure`).
    #[wasm_bindgen(js_name = addReport)]
    pub fn add_report(
        &mut self,
        name: &str,
        text: &str,
        reference_year: Option<i32>,
    ) -> Result<JsValue, JsValue> {
        let index = FIRST_INDEX + self.own_added;
        let entry = read(name, text, reference_year, index)?;
        self.own_added += 1;
        self.series.extend(entry.series.iter().cloned());
        #[derive(serde::Serialize)]
        struct Added<'a> {
            key: usize,
            #[serde(flatten)]
            summary: crate::series::own::Summary<'a>,
        }
        let value = to_js(&Added {
            key: index,
            summary: entry.report.summary(&entry.series),
        });
        self.own.push(entry);
        Ok(value?)
    }

    /// Removes a reader's report and its series.
    #[wasm_bindgen(js_name = removeReport)]
    pub fn remove_report(&mut self, key: usize) {
        self.own.retain(|e| e.key != key);
        self.series
            .retain(|s| s.points.first().is_none_or(|p| p.report_index != key));
    }

    /// Charts the facts a reader ticked (indices into `reportFacts`): a series of
    /// those with a year; returns `{id, title, points}`.
    #[wasm_bindgen(js_name = chartFacts)]
    pub fn chart_facts(&mut self, key: usize, indices: Vec<usize>) -> Result<JsValue, JsError> {
        let entry = self.own_entry(key)?;
        let ticked: Vec<&crate::series::sourced::SourcedFact> = indices
            .iter()
            .filter_map(|i| entry.report.facts.get(*i))
            .collect();
        // The same figures make the same id on every visit: a link to the chart
        // still opens it once the report is read again.
        let id = crate::series::auto::picked_id(&entry.report.name, &indices);
        if let Some(series) = self.series.iter().find(|s| s.id == id) {
            // Ticked again: the chart there is, not a second copy.
            return to_js(&crate::series::own::SeriesBrief {
                id: &series.id,
                title: series.title(crate::i18n::Lang::Fr),
                points: series.points.len(),
            });
        }
        let mut series = crate::series::auto::picked(&id, &entry.report.name, &ticked)
            .filter(|s| !s.points.is_empty())
            .ok_or_else(|| JsError::new("none of the ticked figures has a year"))?;
        series
            .texts
            .set_quote_lang(crate::document::language::code(entry.report.language));
        let value = to_js(&crate::series::own::SeriesBrief {
            id: &series.id,
            title: series.title(crate::i18n::Lang::Fr),
            points: series.points.len(),
        });
        self.series.push(series);
        value
    }

    /// Removes a chart of ticked figures (an id `chartFacts` gave); any other
    /// series stays.
    #[wasm_bindgen(js_name = removeChart)]
    pub fn remove_chart(&mut self, id: &str) {
        if id.starts_with("picked-") {
            self.series.retain(|s| s.id != id);
        }
    }

    /// The facts of a reader's report, as table rows: their codes, and their
    /// words in `lang` (French when not given).
    #[wasm_bindgen(js_name = reportFacts)]
    pub fn report_facts(&self, key: usize, lang: Option<String>) -> Result<JsValue, JsError> {
        let lang = crate::chart::Lang::from_code(lang.as_deref().unwrap_or_default());
        to_js(&present::fact_views(
            &self.own_entry(key)?.report.facts,
            lang,
        ))
    }

    /// The facts of a reader's report as CSV.
    #[wasm_bindgen(js_name = reportCsv)]
    pub fn report_csv(&self, key: usize) -> Result<String, JsError> {
        Ok(present::facts_csv(&present::fact_rows(
            &self.own_entry(key)?.report.facts,
        )))
    }

    /// The facts of a reader's report as JSON.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self, key: usize) -> Result<String, JsError> {
        Ok(present::facts_json(&present::fact_rows(
            &self.own_entry(key)?.report.facts,
        )))
    }
}

impl Derek {
    /// `view` (the bundled reports' hits) with the added reports' hits first: a
    /// reader who brought a report searches it above all. Each report is ranked
    /// on its own; `total` counts them all.
    pub(super) fn with_own_hits(
        &self,
        mut view: present::SearchView,
        query: &str,
        limit: usize,
        lang: crate::chart::Lang,
    ) -> present::SearchView {
        let mut hits = Vec::new();
        for entry in &self.own {
            let index = entry
                .index
                .get_or_init(|| crate::search::SearchIndex::new(&[&entry.report.document]));
            let own = present::search_report(
                index,
                &entry.report,
                entry.key,
                &entry.series,
                query,
                limit,
                lang,
            );
            view.total += own.total;
            hits.extend(own.hits);
        }
        hits.append(&mut view.hits);
        hits.truncate(limit);
        view.hits = hits;
        view
    }

    /// An added report to read whole (`document` is its key).
    pub(super) fn own_reader(
        &self,
        document: usize,
        lang: crate::chart::Lang,
    ) -> Option<present::ReaderView> {
        let entry = self.own.iter().find(|e| e.key == document)?;
        Some(present::own_reader(
            &entry.report,
            &self.series,
            document,
            lang,
        ))
    }

    /// The index of point `index`'s figure among the facts of its report (a
    /// bundled or an added one): the reader's figure, and a permalink's `fig`.
    pub(super) fn figure_of_point(&self, series: &Series, index: usize) -> Option<usize> {
        let point = series.points.get(index)?;
        let same = |f: &&crate::series::sourced::SourcedFact| {
            f.paragraph == point.paragraph && (f.fact.start, f.fact.end) == point.span
        };
        match self.own.iter().find(|e| e.key == point.report_index) {
            Some(entry) => entry.report.facts.iter().position(|f| same(&f)),
            None => present::place_of_point(&self.corpus, series, index)?.figure,
        }
    }

    fn own_entry(&self, key: usize) -> Result<&OwnEntry, JsError> {
        self.own
            .iter()
            .find(|e| e.key == key)
            .ok_or_else(|| JsError::new(&format!("no report added with key {key}")))
    }

    /// The document and name of an own report, for a point's source panel.
    pub(super) fn own_document(&self, key: usize) -> Option<(&str, &crate::document::Document)> {
        self.own
            .iter()
            .find(|e| e.key == key)
            .map(|e| (e.report.name.as_str(), &e.report.document))
    }
}
