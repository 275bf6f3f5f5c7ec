//! What a reader sees besides the chart: tooltips, the source panel, the table
//! and its CSV/JSON, the text summary that describes a chart to a screen reader.
//!
//! Invariant: plain data in, plain strings and structures out; no DOM, no drawing.
//! The wasm layer hands these to the page, which inserts them as text.

mod about;
mod own;
mod search;
mod segments;
mod summary;
mod table;
mod tooltip;

pub use about::{about, About};
pub use own::{fact_rows, facts_csv, facts_json, search_report, FactRow};
pub use search::{search, search_csv, Figure, HitView, SearchView, SeriesLink};
pub use segments::{highlight, Segment};
pub use summary::summary;
pub use table::{csv, json, Table};
pub use tooltip::{tooltip, Tooltip};

use crate::chart::{words, Lang};
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

/// The point's key for a reader: "2012", "2019 (année déduite de la date du
/// rapport)", "2025 (partie de l’année : janvier–août 2025)", or a category in the
/// reader's language.
pub fn key_label(series: &Series, point: &Point, lang: Lang) -> String {
    let mut label = match (point.year(), series.category_label(point, lang == Lang::En)) {
        (Some(year), _) if point.year_source == YearSource::Implied => match lang {
            Lang::Fr => format!("{year} (année déduite de la date du rapport)"),
            Lang::En => format!("{year} (year implied by the report’s date)"),
        },
        (Some(year), _) => year.to_string(),
        (None, Some(category)) => category.to_string(),
        (None, None) => String::new(),
    };
    if let Some(period) = &point.period {
        label = format!("{label} ({})", words::partial_key(period, lang));
    }
    label
}

/// The break in series a point opens, in the reader's language.
pub fn break_note(point: &Point, lang: Lang) -> Option<String> {
    point
        .series_break
        .as_ref()
        .map(|b| words::break_legend(&b.note_fr, &b.note_en, b.from, lang))
}

/// A legend line made a sentence: its first letter in capitals.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}
