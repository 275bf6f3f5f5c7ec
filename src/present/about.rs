//! "About this chart": what the series counts (its definition) and everything the
//! drawing marks rather than says — years without a figure, breaks in series,
//! part-year figures and figures that disagree — in plain sentences.

use super::{capitalise, key_label};
use crate::chart::{format, words, Lang};
use crate::series::{Kind, Series};
use serde::Serialize;

/// The "About this chart" item, plain text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct About {
    /// "À propos de ce graphique".
    pub heading: String,
    /// "Ce que compte la série".
    pub definition_heading: String,
    /// The series' definition in the reader's language (empty when the catalogue
    /// has none yet).
    pub definition: String,
    /// One sentence per gap, break, part-year figure and disagreement.
    pub notes: Vec<String>,
}

/// What a reader should know about `series` before reading its chart.
pub fn about(series: &Series, lang: Lang) -> About {
    let definition = match lang {
        Lang::Fr => &series.definition_fr,
        Lang::En => &series.definition_en,
    };
    let mut notes = Vec::new();
    if series.kind == Kind::Time {
        let gaps = series.gaps();
        if !gaps.is_empty() {
            notes.push(capitalise(&words::gaps_legend(&gaps, lang)));
        }
        for b in series.breaks_drawn() {
            notes.push(capitalise(&words::break_legend(
                &b.note_fr, &b.note_en, b.from, lang,
            )));
        }
    }
    let value = |i: usize| {
        series.points.get(i).map_or(String::new(), |p| {
            format!(
                "{}{}",
                format::qualifier_sign(p.qualifier),
                format::with_unit(p.value, series.unit, lang)
            )
        })
    };
    for (i, p) in series.points.iter().enumerate() {
        if p.period.is_some() {
            let (figure, key) = (value(i), key_label(series, p, lang));
            notes.push(match lang {
                Lang::Fr => format!("{figure} : {key}"),
                Lang::En => format!("{figure}: {key}"),
            });
        }
    }
    // Each disputed year or category once, with every figure and who states it.
    let mut seen: Vec<&crate::series::Key> = Vec::new();
    for p in series.points.iter().filter(|p| p.conflict) {
        if seen.contains(&&p.key) {
            continue;
        }
        seen.push(&p.key);
        let figures: Vec<String> = series
            .points
            .iter()
            .enumerate()
            .filter(|(_, o)| o.key == p.key && o.period == p.period)
            .map(|(i, o)| format!("{} ({}, {})", value(i), o.report, o.reference))
            .collect();
        let key = key_label(series, p, lang);
        notes.push(match lang {
            Lang::Fr => format!("{key} : chiffres divergents, {}", figures.join(" ; ")),
            Lang::En => format!("{key}: figures disagree, {}", figures.join("; ")),
        });
    }
    About {
        heading: words::about_heading(lang).to_string(),
        definition_heading: words::definition_heading(lang).to_string(),
        definition: definition.clone(),
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::sample::protection_orders;
    use crate::series::Break;

    #[test]
    fn about_says_the_definition_the_gaps_and_the_breaks() {
        let mut s = protection_orders();
        s.definition_en = "Protection orders issued in the year, all courts.".into();
        s.breaks = vec![Break {
            from: 2018,
            note_fr: "définition différente à partir de 2018".into(),
            note_en: "different definition from 2018".into(),
        }];
        let about = about(&s, Lang::En);
        assert_eq!(about.heading, "About this chart");
        assert_eq!(
            about.definition,
            "Protection orders issued in the year, all courts."
        );
        assert_eq!(
            about.notes,
            ["No figure for 2013–2017", "Different definition from 2018"]
        );
    }
}
