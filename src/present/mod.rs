//! What a reader sees besides the chart: tooltips, the source panel, the table
//! and its CSV/JSON, the text summary that describes a chart to a screen reader.
//!
//! Invariant: plain data in, plain strings and structures out; no DOM, no drawing.
//! The wasm layer hands these to the page, which inserts them as text.

mod own;
mod search;
mod segments;
mod summary;
mod table;
mod tooltip;

pub use own::{fact_rows, facts_csv, facts_json, search_report, FactRow};
pub use search::{search, search_csv, Figure, HitView, SearchView, SeriesLink};
pub use segments::{highlight, Segment};
pub use summary::summary;
pub use table::{csv, json, Table};
pub use tooltip::{tooltip, Tooltip};

use crate::chart::Lang;
use crate::series::{Point, Qualifier, Series, YearSource};

/// The qualifier in words: "plus de" / "more than"; empty for an exact figure.
pub fn qualifier_words(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, _) => "",
        (Qualifier::Approx, Lang::Fr) => "environ",
        (Qualifier::Approx, Lang::En) => "about",
        (Qualifier::MoreThan, Lang::Fr) => "plus de",
        (Qualifier::MoreThan, Lang::En) => "more than",
        (Qualifier::LessThan, Lang::Fr) => "moins de",
        (Qualifier::LessThan, Lang::En) => "less than",
        (Qualifier::AtLeast, Lang::Fr) => "au moins",
        (Qualifier::AtLeast, Lang::En) => "at least",
        (Qualifier::AtMost, Lang::Fr) => "jusqu’à",
        (Qualifier::AtMost, Lang::En) => "up to",
        (Qualifier::RangeLow, Lang::Fr) => "bas d’une fourchette",
        (Qualifier::RangeLow, Lang::En) => "low end of a range",
        (Qualifier::RangeHigh, Lang::Fr) => "haut d’une fourchette",
        (Qualifier::RangeHigh, Lang::En) => "high end of a range",
        (Qualifier::Change, Lang::Fr) => "variation",
        (Qualifier::Change, Lang::En) => "change",
        (Qualifier::Target, Lang::Fr) => "objectif",
        (Qualifier::Target, Lang::En) => "target",
    }
}

/// The point's key for a reader: "2012", "2019 (année implicite)", or a category
/// in the reader's language.
pub fn key_label(series: &Series, point: &Point, lang: Lang) -> String {
    match (point.year(), series.category_label(point, lang == Lang::En)) {
        (Some(year), _) if point.year_source == YearSource::Implied => match lang {
            Lang::Fr => format!("{year} (année déduite de la date du rapport)"),
            Lang::En => format!("{year} (year implied by the report’s date)"),
        },
        (Some(year), _) => year.to_string(),
        (None, Some(category)) => category.to_string(),
        (None, None) => String::new(),
    }
}
