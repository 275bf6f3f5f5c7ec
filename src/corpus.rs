//! The bundled reports: their text and their identity from `reports.toml`.
//!
//! Owns nothing but the raw material. Invariant: no parsing of report text here,
//! only of the catalogue that says which report is which.

use serde::{Deserialize, Serialize};

/// Identity of one report, as `data/reports/reports.toml` describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportMeta {
    /// File name under `data/reports/`.
    pub file: String,
    /// UN document symbol, e.g. `CAT/C/KAZ/3`.
    pub symbol: String,
    /// True when the text does not print the symbol and it was inferred from the title.
    #[serde(default)]
    pub symbol_inferred: bool,
    pub body: String,
    pub body_fr: String,
    pub title_en: String,
    pub title_fr: String,
    /// The year the report speaks from: the year of a figure stated without one.
    pub reference_year: i32,
    /// The period the report covers, e.g. `2008-2012`.
    pub period: String,
    /// The date the document prints, as printed (`15 juin 2021`), if it prints one.
    #[serde(default)]
    pub date: Option<String>,
}

/// A report shipped with Derek: its identity and its full text, as extracted.
#[derive(Debug, Clone)]
pub struct BundledReport {
    pub meta: ReportMeta,
    pub text: &'static str,
}

/// Why the bundled catalogue could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A field missing, unknown or of the wrong type (the TOML syntax itself is
    /// checked when the crate is built).
    #[error("reports.toml is not valid: {0}")]
    Catalogue(String),
    #[error("reports.toml names {0}, which is not bundled (add it to corpus::TEXTS)")]
    MissingText(String),
}

#[derive(Deserialize)]
struct Catalogue {
    report: Vec<ReportMeta>,
}

// Read from the tree `build.rs` baked (see `crate::baked::FromTree`): field for
// field what the serde derives read from TOML (no unknown field is refused, as
// there), which `the_baked_catalogue_is_the_toml_file` holds equal.
use crate::baked::{Error as TreeError, Fields, FromTree, Value};

impl FromTree for Catalogue {
    fn from_tree(value: &'static Value) -> Result<Catalogue, TreeError> {
        Ok(Catalogue {
            report: Fields::open(value)?.required("report")?,
        })
    }
}

impl FromTree for ReportMeta {
    fn from_tree(value: &'static Value) -> Result<ReportMeta, TreeError> {
        let f = Fields::open(value)?;
        Ok(ReportMeta {
            file: f.required("file")?,
            symbol: f.required("symbol")?,
            symbol_inferred: f.optional("symbol_inferred")?,
            body: f.required("body")?,
            body_fr: f.required("body_fr")?,
            title_en: f.required("title_en")?,
            title_fr: f.required("title_fr")?,
            reference_year: f.required("reference_year")?,
            period: f.required("period")?,
            date: f.optional("date")?,
        })
    }
}

/// The texts compiled into the binary (and the wasm): the widget fetches nothing.
const TEXTS: &[(&str, &str)] = &[
    (
        "000_1e0e7617287b5cc9.txt",
        include_str!("../data/reports/000_1e0e7617287b5cc9.txt"),
    ),
    (
        "001_759d8b3176a05a7e.txt",
        include_str!("../data/reports/001_759d8b3176a05a7e.txt"),
    ),
    (
        "002_c4d9456db953f86f.txt",
        include_str!("../data/reports/002_c4d9456db953f86f.txt"),
    ),
    (
        "003_aaba143dba32e5fb.txt",
        include_str!("../data/reports/003_aaba143dba32e5fb.txt"),
    ),
    (
        "004_69d883d13228315a.txt",
        include_str!("../data/reports/004_69d883d13228315a.txt"),
    ),
];

/// The bundled `reports.toml`, read into its entries (turned into Rust data when
/// the crate is built: see `src/baked.rs`).
pub fn bundled_catalogue() -> Result<Vec<ReportMeta>, CorpusError> {
    Catalogue::from_tree(&crate::baked::catalogues::REPORTS)
        .map(|c| c.report)
        .map_err(|e| CorpusError::Catalogue(e.to_string()))
}

/// The bundled reports, in catalogue order.
///
/// Fails only if the bundled catalogue and texts disagree, which the tests rule out.
pub fn bundled() -> Result<Vec<BundledReport>, CorpusError> {
    bundled_catalogue()?
        .into_iter()
        .map(
            |meta| match TEXTS.iter().find(|(file, _)| *file == meta.file) {
                Some((_, text)) => Ok(BundledReport { meta, text }),
                None => Err(CorpusError::MissingText(meta.file)),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogued_report_is_bundled_with_its_text() -> Result<(), CorpusError> {
        let reports = bundled()?;
        assert_eq!(reports.len(), 5);
        for r in &reports {
            assert!(r.text.len() > 10_000, "{} looks truncated", r.meta.file);
            assert!((2000..2100).contains(&r.meta.reference_year));
        }
        assert_eq!(reports[3].meta.symbol, "CAT/C/KAZ/3");
        Ok(())
    }

    /// What `build.rs` and `bundled_catalogue` do, from TOML text.
    fn parse_catalogue(toml_text: &str) -> Result<Vec<ReportMeta>, CorpusError> {
        toml::from_str::<Catalogue>(toml_text)
            .map(|c| c.report)
            .map_err(|e| CorpusError::Catalogue(e.to_string()))
    }

    #[test]
    fn a_broken_catalogue_is_an_error_that_names_the_problem() {
        let result = parse_catalogue("[[report]]\nfile = 3");
        assert!(matches!(&result, Err(e) if e.to_string().contains("reports.toml")));
    }

    #[test]
    fn the_baked_catalogue_is_the_toml_file() -> Result<(), Box<dyn std::error::Error>> {
        let text = std::fs::read_to_string("data/reports/reports.toml")?;
        assert_eq!(bundled_catalogue()?, parse_catalogue(&text)?);
        Ok(())
    }
}
