//! Series found automatically in a report nobody has catalogued: groups of facts
//! about the same thing for two or more years, drawn like the catalogue's series
//! (the same points, provenance and conflict flags), titled from their subject and
//! marked as found automatically: no person has reviewed them. Their title (the
//! report's own words) and definition (the tables' `[own]` templates, filled in
//! every language) travel with them as [`SeriesTexts`]: no table holds them.
//!
//! Grouping is `derek candidates`' ([`super::candidates`]): dated facts with one
//! year (not goals, not changes), the same unit and the same label (the first
//! two content words of their subject), or, for a vague label, one paragraph; a
//! group with two years or more is a series here, where `derek candidates` leaves
//! the decision to a person.
//!
//! Invariant: never averages, drops or invents a value: every fact of a group is a
//! point, two values for one year both kept and flagged. Linear in the facts.

use super::candidates::{candidates, Candidate};
use super::catalogue::fold;
use super::sourced::SourcedFact;
use super::{flag_conflicts, Key, Kind, Point, Series};
use crate::extract::{Unit, Year};
use crate::i18n::{SeriesTexts, Table};
use serde::Serialize;

/// The theme every automatic series is listed under.
pub const THEME: &str = "auto";

/// A series and the mark that no person reviewed it: what `derek series --auto
/// --json` prints, the fields of `derek series --json` and `found_automatically`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AutoSeries {
    #[serde(flatten)]
    pub series: Series,
    /// Always true: found by rule, not reviewed.
    pub found_automatically: bool,
    /// The words its facts share (folded), what grouped them.
    pub label: String,
}

fn single_year(fact: &SourcedFact) -> Option<i32> {
    match fact.fact.year {
        Some(Year::Single(year)) => Some(year),
        _ => None,
    }
}

/// The title of a group: the subject its facts state most often (the first such),
/// with a capital, in the report's words; "Figures, par. 12" in the reader's
/// language when they state none.
fn titles(group: &Candidate, texts: &mut SeriesTexts) {
    match title(group) {
        Some(title) => texts.set_each("title", |_| title.clone()),
        None => {
            let reference = group.facts.first().map_or("", |f| f.reference.as_str());
            texts.set_each("title", |t| {
                let reference = crate::present::reference(reference, t.lang());
                t.fill("own", "untitled", &[("reference", &reference)])
            });
        }
    }
}

/// The subject a group's facts state most often (the first such), with a capital.
fn title(group: &Candidate) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in &group.facts {
        let s = f.fact.subject.trim();
        if s.is_empty() {
            continue;
        }
        match counts.iter_mut().find(|(t, _)| *t == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    let best = counts
        .iter()
        .fold(None::<(&str, usize)>, |best, &(s, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((s, n)),
        });
    best.map(|(s, _)| {
        let mut chars = s.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    })
}

/// An id usable in a URL: `auto-<slug of the report>-<n>`.
fn id(report: &str, n: usize) -> String {
    format!("auto-{}-{n}", slug(report))
}

/// A report's name as a URL-safe word: folded, ASCII letters and digits, dashes.
fn slug(report: &str) -> String {
    let slug: String = fold(report)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    slug.trim_matches('-').chars().take(40).collect()
}

/// The id of a chart of figures a reader ticked in `report` (`indices` into its
/// facts): `picked-<slug of the report>-<8 hex digits>`, the same for the same
/// figures on every visit, so that a link to it still opens it after a reload.
pub fn picked_id(report: &str, indices: &[usize]) -> String {
    // FNV-1a over the indices: stable across builds and platforms, unlike std's
    // hasher, and enough to tell a reader's few charts apart.
    let mut hash: u32 = 0x811c_9dc5;
    for i in indices {
        for byte in (*i as u64).to_le_bytes() {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("picked-{}-{hash:08x}", slug(report))
}

/// The series found automatically among `facts` (one report's, or several),
/// `report` naming them in ids. Points are in year order; two values for one year
/// are both kept and flagged as conflicting.
pub fn auto_series(report: &str, facts: &[SourcedFact]) -> Vec<AutoSeries> {
    // No fact is held by a reviewed series here: every group is a candidate.
    let held = vec![false; facts.len()];
    candidates(facts, &held)
        .into_iter()
        .enumerate()
        .map(|(n, group)| {
            let points = points_of(&group.facts);
            // Titles come from the report's own words: not translated.
            let mut texts = SeriesTexts::default();
            titles(&group, &mut texts);
            texts.set_each("definition", |t| {
                definition(t, report, &group.label, group.unit)
            });
            AutoSeries {
                series: Series {
                    id: id(report, n + 1),
                    theme: THEME.to_string(),
                    unit: group.unit,
                    kind: Kind::Time,
                    points,
                    breaks: Vec::new(),
                    texts,
                },
                found_automatically: true,
                label: group.label,
            }
        })
        .collect()
}

/// The points of some facts, one per fact with one year (a sentence repeating
/// its own figure for the same year is one point), in year order, disagreements
/// flagged.
fn points_of(facts: &[&SourcedFact]) -> Vec<Point> {
    let mut picked: Vec<(&SourcedFact, i32)> = Vec::new();
    for f in facts {
        let Some(year) = single_year(f) else {
            continue;
        };
        let repeat = picked.iter().any(|(p, y)| {
            *y == year && p.report_index == f.report_index && p.fact.value == f.fact.value
        });
        if !repeat {
            picked.push((f, year));
        }
    }
    picked.sort_by_key(|(_, year)| *year);
    let mut points: Vec<Point> = picked
        .into_iter()
        .map(|(f, year)| Point::of(f, Key::Year { year }))
        .collect();
    flag_conflicts(&mut points);
    points
}

/// A series of facts a reader ticked: one point per fact with one year, titled
/// from their most frequent subject, said to be the reader's choice. None when
/// fewer than one of them has a year.
pub fn picked(id: &str, report: &str, facts: &[&SourcedFact]) -> Option<Series> {
    let points = points_of(facts);
    let unit = points.first().and_then(|p| {
        facts
            .iter()
            .find(|f| f.line == p.line && f.fact.verbatim == p.verbatim)
            .map(|f| f.fact.unit)
    })?;
    let group = Candidate {
        label: String::new(),
        unit,
        facts: facts.to_vec(),
    };
    let mut texts = SeriesTexts::default();
    titles(&group, &mut texts);
    texts.set_each("definition", |t| {
        t.fill("own", "picked_definition", &[("report", report)])
    });
    Some(Series {
        id: id.to_string(),
        theme: THEME.to_string(),
        unit,
        kind: Kind::Time,
        points,
        breaks: Vec::new(),
        texts,
    })
}

/// The series found automatically in each bundled report, named by its symbol:
/// what an editor embeds by id (`auto-cat-c-kaz-3-1`), as `derek series --auto`
/// lists them for the report's file.
pub fn bundled(corpus: &super::sourced::Corpus) -> Vec<Series> {
    let mut out = Vec::new();
    let mut rest = corpus.facts.as_slice();
    for (index, report) in corpus.reports.iter().enumerate() {
        // Facts come report by report: each report's are a run.
        let len = rest.iter().take_while(|f| f.report_index == index).count();
        let (mine, others) = rest.split_at(len);
        rest = others;
        out.extend(
            auto_series(&report.meta.symbol, mine)
                .into_iter()
                .map(|a| a.series),
        );
    }
    out
}

/// What an automatic series is, said plainly in `t`'s language: found by rule,
/// not reviewed, and what grouped its figures.
fn definition(t: &Table, report: &str, label: &str, unit: Unit) -> String {
    let unit = crate::chart::format::unit_name(unit, t.lang());
    if label.is_empty() {
        t.fill(
            "own",
            "auto_definition_paragraph",
            &[("unit", unit), ("report", report)],
        )
    } else {
        t.fill(
            "own",
            "auto_definition",
            &[
                ("label", &t.quoted(label)),
                ("unit", unit),
                ("report", report),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::series::own::{OwnReport, ReadError};

    /// A series' title and its points (year, value).
    type Found = Vec<(String, Vec<(i32, f64)>)>;

    fn found(text: &str) -> Result<Found, ReadError> {
        let own = OwnReport::read("Rapport alternatif 2025", text, Some(2025), 0)?;
        Ok(auto_series(&own.name, &own.facts)
            .into_iter()
            .map(|s| {
                let points = s
                    .series
                    .points
                    .iter()
                    .filter_map(|p| p.year().map(|y| (y, p.value)))
                    .collect();
                (s.series.title(Lang::Fr).to_string(), points)
            })
            .collect())
    }

    #[test]
    fn a_list_of_yearly_values_is_one_series_titled_from_its_subject() -> Result<(), ReadError> {
        let text =
            "1. En 2022, 1 200 ordonnances de protection ont été délivrées (980 en 2021).\n\n\
                    2. En 2023, les tribunaux ont délivré 1 350 ordonnances de protection.\n\n\
                    3. Le pays comptait 12 centres de crise en 2023.";
        assert_eq!(
            found(text)?,
            vec![(
                "Ordonnances de protection".to_string(),
                vec![(2021, 980.0), (2022, 1200.0), (2023, 1350.0)]
            )]
        );
        Ok(())
    }

    #[test]
    fn a_table_gives_one_series_a_row_and_nothing_is_averaged() -> Result<(), ReadError> {
        let text = "1. Voici les données des centres.\n\nEn milliers\n2022\n2023\nOrdonnances de protection\n1,2\n1,5\nAppels reçus\n3\n4\n\n\
                    2. En 2023, 1 600 ordonnances de protection ont été délivrées.";
        let got = found(text)?;
        assert_eq!(
            got,
            vec![
                (
                    "Ordonnances de protection".to_string(),
                    vec![(2022, 1200.0), (2023, 1500.0), (2023, 1600.0)]
                ),
                (
                    "Appels reçus".to_string(),
                    vec![(2022, 3000.0), (2023, 4000.0)]
                ),
            ]
        );
        let own = OwnReport::read("r", text, Some(2025), 0)?;
        let series = auto_series("Mon rapport", &own.facts);
        let first = series.first().map(|s| &s.series);
        // The two 2023 values are both kept and flagged; the 2022 one is not.
        let flags: Vec<bool> = first
            .map(|s| s.points.iter().map(|p| p.conflict).collect())
            .unwrap_or_default();
        assert_eq!(flags, vec![false, true, true]);
        assert_eq!(first.map(|s| s.id.as_str()), Some("auto-mon-rapport-1"));
        assert!(series.iter().all(|s| s.found_automatically));
        Ok(())
    }

    #[test]
    fn an_automatic_series_is_titled_and_defined_in_every_language_not_by_its_id(
    ) -> Result<(), ReadError> {
        let text = "1. En 2022, 1 200 ordonnances de protection ont été délivrées (980 en 2021).";
        let own = OwnReport::read("Rapport alternatif", text, Some(2025), 0)?;
        let found = auto_series(&own.name, &own.facts);
        let series = &found.first().ok_or(ReadError::Empty)?.series;
        for lang in Lang::ALL {
            // What a chart, its summary and its "About" panel read.
            assert_eq!(series.title(lang), "Ordonnances de protection");
            let summary = crate::present::summary(series, lang);
            assert!(summary.contains("Ordonnances de protection"), "{summary}");
            assert!(!summary.contains(&series.id), "{summary}");
            let about = crate::present::about(series, lang).definition;
            let template = lang.text().text("own", "auto_definition");
            let opening = template.split('{').next().unwrap_or_default();
            assert!(about.starts_with(opening), "{lang:?}: {about}");
            assert!(about.contains("Rapport alternatif"), "{about}");
        }
        assert!(crate::present::about(series, Lang::Ru)
            .definition
            .starts_with("Ряд данных найден автоматически"));
        Ok(())
    }

    #[test]
    fn one_year_or_goals_make_no_series() -> Result<(), ReadError> {
        let text = "1. En 2023, 12 centres de crise ont ouvert. L’objectif est de porter le nombre de centres de crise à 20 d’ici à 2030.";
        assert_eq!(found(text)?, vec![]);
        Ok(())
    }

    #[test]
    fn the_bundled_reports_series_are_named_by_symbol_and_read_like_the_cli(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let corpus = crate::series::sourced::Corpus::read(crate::corpus::bundled()?);
        let found = bundled(&corpus);
        assert!(
            found.iter().any(|s| s.id == "auto-cat-c-kaz-3-1"),
            "{:?}",
            found.iter().map(|s| &s.id).collect::<Vec<_>>()
        );
        // The same series as a reader bringing the report with its catalogued year.
        let cat = corpus.reports.get(3).ok_or("no CAT report")?;
        let own = OwnReport::read(&cat.meta.symbol, cat.text, Some(cat.meta.reference_year), 3)?;
        let alone: Vec<String> = auto_series(&cat.meta.symbol, &own.facts)
            .into_iter()
            .map(|a| a.series.id)
            .collect();
        let in_corpus: Vec<&String> = found
            .iter()
            .map(|s| &s.id)
            .filter(|id| id.starts_with("auto-cat-"))
            .collect();
        assert_eq!(in_corpus, alone.iter().collect::<Vec<_>>());
        assert!(found.iter().all(|s| s.points.len() >= 2));
        Ok(())
    }

    #[test]
    fn ticked_facts_make_a_series_of_their_dated_ones() -> Result<(), ReadError> {
        let own = OwnReport::read(
            "r",
            "1. En 2021, 12 centres ; en 2022, 15 centres. Le plafond est de 30 jours.",
            Some(2025),
            0,
        )?;
        let ticked: Vec<&SourcedFact> = own.facts.iter().collect();
        let series = picked("picked-1", "r", &ticked);
        let years: Vec<(Option<i32>, f64)> = series
            .as_ref()
            .map(|s| s.points.iter().map(|p| (p.year(), p.value)).collect())
            .unwrap_or_default();
        // The 30 days have no year: not a point.
        assert_eq!(years, [(Some(2021), 12.0), (Some(2022), 15.0)]);
        assert_eq!(series.as_ref().map(|s| s.title(Lang::Fr)), Some("Centres"));
        assert!(picked("p", "r", &[]).is_none());
        Ok(())
    }

    #[test]
    fn a_ticked_chart_has_the_same_id_for_the_same_figures() {
        let id = picked_id("Mon rapport (2025).pdf", &[3, 7, 12]);
        assert_eq!(id, picked_id("Mon rapport (2025).pdf", &[3, 7, 12]));
        assert_ne!(id, picked_id("Mon rapport (2025).pdf", &[3, 7]));
        assert_ne!(id, picked_id("Autre rapport", &[3, 7, 12]));
        assert!(id.starts_with("picked-mon-rapport--2025--pdf-"), "{id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }
}
