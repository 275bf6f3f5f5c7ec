//! What a reader sees besides the chart: tooltips, the source panel, the table
//! and its CSV/JSON, the text summary that describes a chart to a screen reader.
//!
//! Invariant: plain data in, plain strings and structures out; no DOM, no drawing.
//! The wasm layer hands these to the page, which inserts them as text.

mod about;
mod own;
mod reader;
mod reference;
mod search;
mod segments;
mod suggest;
mod summary;
mod table;
mod tooltip;

pub use about::{about, About};
pub use own::{fact_rows, fact_views, facts_csv, facts_json, search_report, FactRow, FactView};
pub use reader::{
    official_link, own_reader, place_of_point, reader, Block, FigureCard, Piece, Place, ReaderView,
    ReportCard,
};
pub use reference::reference;
pub use search::{search, search_csv, search_json, Figure, HitView, SearchView, SeriesLink};
pub use segments::{highlight, Segment};
pub use suggest::{closest_ids, series_matching, SeriesOffer};
pub use summary::summary;
pub use table::{csv, json, Table};
pub use tooltip::{tooltip, Tooltip};

use crate::chart::{format, Lang};
use crate::series::{Point, Qualifier, Series, YearSource};

/// The qualifier in words: "plus de" / "more than"; empty for an exact figure.
pub fn qualifier_words(qualifier: Qualifier, lang: Lang) -> &'static str {
    match qualifier_key(qualifier) {
        "exact" => "",
        key => lang.text().text("qualifier", key),
    }
}

/// The key of a qualifier's words in the tables' `[qualifier]`.
pub fn qualifier_key(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "exact",
        Qualifier::Approx => "approx",
        Qualifier::MoreThan => "more_than",
        Qualifier::LessThan => "less_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::AtMost => "at_most",
        Qualifier::RangeLow => "range_low",
        Qualifier::RangeHigh => "range_high",
        Qualifier::Change => "change",
        Qualifier::Target => "target",
    }
}

/// `value` (already written) bounded by its qualifier in a sentence, in the
/// language's word order: "plus de 36 000", "36 000 шамасынан астам".
pub fn qualified(qualifier: Qualifier, value: &str, lang: Lang) -> String {
    match qualifier_key(qualifier) {
        "exact" => value.to_string(),
        key => lang.text().fill("qualified", key, &[("v", value)]),
    }
}

/// The point's key for a reader: "2012", "2019 (année déduite de la date du
/// rapport)", "2025 (partie de l’année : janvier–août 2025)", or a category in the
/// reader's language.
pub fn key_label(series: &Series, point: &Point, lang: Lang) -> String {
    let mut label = match (point.year(), series.category_label(point, lang)) {
        (Some(year), _) if point.year_source == YearSource::Implied => {
            lang.text()
                .fill("chart", "implied_key", &[("year", &year.to_string())])
        }
        (Some(year), _) => year.to_string(),
        (None, Some(category)) => category.to_string(),
        (None, None) => String::new(),
    };
    if let Some(period) = &point.period {
        label = format!("{label} ({})", format::partial_key(period, lang));
    }
    label
}

/// The break in series a point of `series` opens, in the reader's language.
pub fn break_note(series: &Series, point: &Point, lang: Lang) -> Option<String> {
    point
        .series_break
        .as_ref()
        .map(|b| format::break_legend(&series.id, b.from, lang))
}

/// A legend line made a sentence: its first letter in capitals.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}
