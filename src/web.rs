//! The wasm-bindgen layer: converts between JavaScript and the core, and delegates.
//!
//! Invariant: no logic here beyond conversion and canvas sizing; everything it calls
//! is plain Rust that native tests reach. Errors become JavaScript exceptions with a
//! message, never a panic (a panic would kill the widget on someone's site).

use crate::chart::{DrawnChart, Lang};
use crate::present::{self, Table};
use crate::search::SearchIndex;
use crate::series::catalogue::Catalogue;
use crate::series::sourced::Corpus;
use crate::series::Series;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod own;
mod view;

pub use view::SeriesView;

/// The loaded reports and their series: built once per page, shared by elements.
#[wasm_bindgen]
pub struct Derek {
    corpus: Corpus,
    catalogue: Catalogue,
    series: Vec<Series>,
    /// Built on the first search: a chart does not need it, and it costs more
    /// than building every series.
    index: std::cell::OnceCell<SearchIndex>,
    /// How long each start-up stage took (ms), for `cargo xtask bench`.
    startup: Vec<(&'static str, f64)>,
    /// Reports a reader added, and how many were ever added (their keys).
    own: Vec<own::OwnEntry>,
    own_added: usize,
    /// The bundled reports' series found automatically: embeddable by id, not
    /// listed; built when such an id is first asked for (start-up does not pay).
    bundled_auto: std::cell::OnceCell<Vec<Series>>,
}

/// Where a drawing put its points, to find the one under the pointer.
#[wasm_bindgen]
pub struct Drawn {
    inner: DrawnChart,
}

#[wasm_bindgen]
impl Drawn {
    /// Index of the point within `radius` CSS pixels of (x, y), if any.
    pub fn nearest(&self, x: f64, y: f64, radius: f64) -> Option<usize> {
        self.inner.nearest(x, y, radius)
    }

    /// Index of the point nearest to (x, y), favouring the same column.
    #[wasm_bindgen(js_name = nearestColumn)]
    pub fn nearest_column(&self, x: f64, y: f64) -> Option<usize> {
        self.inner.nearest_column(x, y)
    }

    /// Points in reading order (left to right, then top to bottom), for the keyboard.
    pub fn order(&self) -> Vec<usize> {
        let mut marks = self.inner.marks.clone();
        marks.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
        marks.iter().map(|m| m.point).collect()
    }

    /// Where point `index` was drawn: `[x, y]` in CSS pixels, or empty.
    pub fn position(&self, index: usize) -> Vec<f64> {
        self.inner
            .marks
            .iter()
            .find(|m| m.point == index)
            .map_or_else(Vec::new, |m| vec![m.x, m.y])
    }
}

#[derive(Serialize)]
struct ThemeEntry<'a> {
    id: &'a str,
    title: &'a str,
    series: Vec<SeriesEntry<'a>>,
}

#[derive(Serialize)]
struct SeriesEntry<'a> {
    id: &'a str,
    title: &'a str,
    kind: crate::series::Kind,
    points: usize,
    reports: Vec<&'a str>,
}

#[derive(Serialize)]
struct SourcePanel {
    /// "Ce que compte la série : …": the series' definition in the reader's
    /// language (empty when the catalogue has none).
    definition: String,
    report: String,
    report_title: String,
    reference: String,
    paragraph: String,
    /// Index of the report, and of the figure among its facts: to open the reader.
    document: usize,
    figure: Option<usize>,
    segments: Vec<present::Segment>,
    /// The BCP 47 code of the language of `segments`, empty when unknown.
    text_lang: &'static str,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    Ok(value.serialize(&serializer)?)
}

#[wasm_bindgen]
impl Derek {
    /// Reads the bundled reports, extracts their figures and builds the series, in
    /// one call (the page uses [`Startup`] to do it in steps).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Derek, JsError> {
        let mut startup = Startup::new()?;
        while !startup.step() {}
        Ok(startup.finish())
    }

    /// How long each start-up stage took, in milliseconds: `{catalogues, documents, facts, series}`.
    #[wasm_bindgen(js_name = startupTimings)]
    pub fn startup_timings(&self) -> Result<JsValue, JsError> {
        let map: std::collections::BTreeMap<&str, f64> = self.startup.iter().copied().collect();
        to_js(&map)
    }

    /// Ids of the series that can be drawn.
    #[wasm_bindgen(js_name = seriesIds)]
    pub fn series_ids(&self) -> Vec<String> {
        self.series.iter().map(|s| s.id.clone()).collect()
    }

    /// Whether `id` names a series that can be drawn: a listed one, or a bundled
    /// report's series found automatically (`auto-cat-c-kaz-3-1`).
    #[wasm_bindgen(js_name = hasSeries)]
    pub fn has_series(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Themes with their series (id, title, kind, number of points, reports).
    pub fn catalogue(&self, lang: &str) -> Result<JsValue, JsError> {
        let lang = Lang::from_code(lang);
        let themes: Vec<ThemeEntry> = self
            .catalogue
            .themes
            .iter()
            .map(|theme| ThemeEntry {
                id: &theme.id,
                title: lang.text().theme(&theme.id),
                series: self
                    .series
                    .iter()
                    .filter(|s| s.theme == theme.id && !s.points.is_empty())
                    .map(|s| {
                        let mut reports: Vec<&str> =
                            s.points.iter().map(|p| p.report.as_str()).collect();
                        reports.sort_unstable();
                        reports.dedup();
                        SeriesEntry {
                            id: &s.id,
                            title: s.title(lang),
                            kind: s.kind,
                            points: s.points.len(),
                            reports,
                        }
                    })
                    .collect(),
            })
            .filter(|t| !t.series.is_empty())
            .collect();
        to_js(&themes)
    }

    /// Series `id` as a [`SeriesView`]: what a chart draws and says of it.
    /// `undefined` for an id no series has.
    pub fn view(&self, id: &str) -> Option<SeriesView> {
        self.find(id).ok().cloned().map(SeriesView::of)
    }

    /// A series with all its points and their provenance.
    pub fn series(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(self.find(id)?)
    }

    /// The series' title in `lang`.
    pub fn title(&self, id: &str, lang: &str) -> Result<String, JsError> {
        let series = self.find(id)?;
        Ok(series.title(Lang::from_code(lang)).to_string())
    }

    /// The paragraph a point was read in, cut into segments with its number marked.
    pub fn source(&self, id: &str, index: usize, lang: &str) -> Result<JsValue, JsError> {
        let series = self.find(id)?;
        let point = series
            .points
            .get(index)
            .ok_or_else(|| JsError::new(&format!("{id} has no point {index}")))?;
        let lang = Lang::from_code(lang);
        let (symbol, report_title, document) = match self.corpus.reports.get(point.report_index) {
            Some(report) => (
                report.meta.symbol.clone(),
                lang.text()
                    .report_title(&report.meta.symbol)
                    .unwrap_or(&report.meta.title_fr)
                    .to_string(),
                self.corpus.documents.get(point.report_index),
            ),
            // A report the reader added: its name is its title.
            None => match self.own_document(point.report_index) {
                Some((name, document)) => (name.to_string(), name.to_string(), Some(document)),
                None => return Err(JsError::new("the point's report is missing")),
            },
        };
        let paragraph = document
            .and_then(|d| d.paragraph(&point.paragraph))
            .ok_or_else(|| JsError::new("the point's paragraph is missing"))?;
        to_js(&SourcePanel {
            definition: crate::chart::format::definition_line(
                series.text(lang, "definition").unwrap_or_default(),
                lang,
            ),
            report: symbol,
            report_title,
            reference: present::reference(&point.reference, lang),
            paragraph: point.paragraph.clone(),
            document: point.report_index,
            figure: self.figure_of_point(series, index),
            segments: present::highlight(&paragraph.text, &[point.span]),
            text_lang: series.quote_lang(),
        })
    }

    /// The series as a table: column titles and rows of cells with sort keys.
    pub fn table(&self, id: &str, lang: &str) -> Result<JsValue, JsError> {
        to_js(&Table::of(self.find(id)?, Lang::from_code(lang)))
    }

    /// Paragraphs of every report that match `query` (accents, case and French
    /// endings ignored), ranked `offset` to `offset + limit`, with the total; words
    /// highlighted, figures linked to their series and their place in the reader.
    pub fn search(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
        lang: &str,
    ) -> Result<JsValue, JsError> {
        to_js(&self.search_view(query, offset, limit, Lang::from_code(lang)))
    }

    /// Every paragraph that matches `query`, with its figures, as CSV: the same
    /// rows as [`Derek::search_json`].
    #[wasm_bindgen(js_name = searchCsv)]
    pub fn search_csv(&self, query: &str, lang: &str) -> String {
        present::search_csv(&self.search_view(query, 0, usize::MAX, Lang::from_code(lang)))
    }

    /// Every paragraph that matches `query`, with its figures, as JSON: the same
    /// rows as [`Derek::search_csv`].
    #[wasm_bindgen(js_name = searchJson)]
    pub fn search_json(&self, query: &str, lang: &str) -> Result<String, JsError> {
        Ok(present::search_json(&self.search_view(
            query,
            0,
            usize::MAX,
            Lang::from_code(lang),
        ))?)
    }

    /// The bundled reports: index, symbol and title, for the reader's picker.
    pub fn reports(&self, lang: &str) -> Result<JsValue, JsError> {
        let lang = Lang::from_code(lang);
        let list: Vec<ReportEntry> = self
            .corpus
            .reports
            .iter()
            .enumerate()
            .map(|(document, r)| ReportEntry {
                document,
                symbol: &r.meta.symbol,
                title: lang
                    .text()
                    .report_title(&r.meta.symbol)
                    .unwrap_or(&r.meta.title_fr),
            })
            .collect();
        to_js(&list)
    }

    /// Report `document`, to read whole: headings, paragraphs with their figures
    /// marked, and what Derek read from each figure.
    pub fn reader(&self, document: usize, lang: &str) -> Result<JsValue, JsError> {
        let lang = Lang::from_code(lang);
        let view = present::reader(&self.corpus, &self.series, document, lang)
            .or_else(|| self.own_reader(document, lang))
            .ok_or_else(|| JsError::new(&format!("there is no report {document}")))?;
        to_js(&view)
    }

    /// Where point `index` of series `id` is read: `{document, paragraph, figure}`.
    pub fn place(&self, id: &str, index: usize) -> Result<JsValue, JsError> {
        let series = self.find(id)?;
        let mut place = present::place_of_point(&self.corpus, series, index)
            .ok_or_else(|| JsError::new(&format!("{id} has no point {index}")))?;
        place.figure = self.figure_of_point(series, index);
        to_js(&place)
    }

    /// Up to five series ids closest to a mistyped `id`, closest first.
    #[wasm_bindgen(js_name = closestIds)]
    pub fn closest_ids(&self, id: &str) -> Vec<String> {
        let ids = self.series.iter().map(|s| s.id.as_str());
        present::closest_ids(id, ids, 5)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// The series whose title or categories in `lang` match `query`: what to
    /// offer when the French reports do not match a query in another language.
    #[wasm_bindgen(js_name = seriesMatching)]
    pub fn series_matching(&self, query: &str, lang: &str) -> Result<JsValue, JsError> {
        to_js(&present::series_matching(
            &self.series,
            query,
            Lang::from_code(lang),
        ))
    }
}

#[derive(Serialize)]
struct ReportEntry<'a> {
    document: usize,
    symbol: &'a str,
    title: &'a str,
}

impl Derek {
    fn search_view(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
        lang: Lang,
    ) -> present::SearchView {
        let index = self.index.get_or_init(|| {
            let documents: Vec<&crate::document::Document> = self.corpus.documents.iter().collect();
            SearchIndex::new(&documents)
        });
        let view = present::search(
            index,
            &self.corpus,
            &self.series,
            query,
            offset,
            limit,
            lang,
        );
        self.with_own_hits(view, query, limit.min(500), lang)
    }

    fn find(&self, id: &str) -> Result<&Series, JsError> {
        let listed = self.series.iter().find(|s| s.id == id);
        let found = listed.or_else(|| {
            id.starts_with("auto-")
                .then(|| {
                    self.bundled_auto
                        .get_or_init(|| crate::series::auto::bundled(&self.corpus))
                        .iter()
                        .find(|s| s.id == id)
                })
                .flatten()
        });
        found.ok_or_else(|| JsError::new(&format!("no series with id {id:?}")))
    }
}

impl Startup {
    /// Adds `took` ms to stage `stage`'s total.
    fn lap(&mut self, stage: &'static str, took: f64) {
        match self.laps.iter_mut().find(|(name, _)| *name == stage) {
            Some((_, total)) => *total += took,
            None => self.laps.push((stage, took)),
        }
    }
}

/// Start-up in steps (see [`crate::startup`]): the page calls `step` once a task
/// until it returns true, then `finish`.
#[wasm_bindgen]
pub struct Startup {
    inner: crate::startup::Startup,
    /// Milliseconds spent per stage, summed over its steps.
    laps: Vec<(&'static str, f64)>,
}

#[wasm_bindgen]
impl Startup {
    /// The bundled reports and catalogue, nothing read yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Startup, JsError> {
        let start = js_sys::Date::now();
        let inner = crate::startup::Startup::bundled()?;
        Ok(Startup {
            inner,
            laps: vec![("catalogues", js_sys::Date::now() - start)],
        })
    }

    /// Does one step; true once every step is done.
    pub fn step(&mut self) -> bool {
        let start = js_sys::Date::now();
        let stage = match self.inner.step() {
            crate::startup::Step::Document => "documents",
            crate::startup::Step::Facts => "facts",
            crate::startup::Step::Series => "series",
            crate::startup::Step::Done => return true,
        };
        self.lap(stage, js_sys::Date::now() - start);
        self.inner.is_done()
    }

    /// One piece of the work a glance at series `id` needs (see
    /// [`crate::startup::Startup::prepare`]); true while work is left. The page
    /// calls it once a task, then `glance`.
    pub fn prepare(&mut self, id: &str) -> bool {
        let start = js_sys::Date::now();
        let more = self.inner.prepare(id);
        self.lap("glance", js_sys::Date::now() - start);
        more
    }

    /// Series `id` of the catalogue, built now from the paragraphs that can hold
    /// its figures (see [`crate::startup::Startup::glance`]): a page draws its
    /// first chart with it before start-up ends. `undefined` for an id the
    /// catalogue does not have (an added report's, an automatic one) or once
    /// every step is done: ask [`Derek`] then.
    pub fn glance(&mut self, id: &str) -> Option<SeriesView> {
        let start = js_sys::Date::now();
        let glance = self.inner.glance(id).map(SeriesView::of);
        self.lap("glance", js_sys::Date::now() - start);
        glance
    }

    /// What start-up built, ready to draw.
    pub fn finish(self) -> Derek {
        let started = self.inner.finish();
        Derek {
            corpus: started.corpus,
            catalogue: started.catalogue,
            series: started.series,
            index: std::cell::OnceCell::new(),
            startup: self.laps,
            own: Vec::new(),
            own_added: 0,
            bundled_auto: std::cell::OnceCell::new(),
        }
    }
}
