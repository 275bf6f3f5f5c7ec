//! "About this chart": what the series counts (its definition) and everything the
//! drawing marks rather than says — years without a figure, breaks in series,
//! part-year figures and figures that disagree — in plain sentences.

use super::{capitalise, key_label};
use crate::chart::{format, Lang};
use crate::series::{Kind, Series};
use serde::Serialize;

/// The "About this chart" item, plain text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct About {
    /// "À propos de ce graphique".
    pub heading: String,
    /// "Ce que compte la série".
    pub definition_heading: String,
    /// The series' definition in the reader's language (`series.<id>.definition`
    /// in `data/i18n/`; empty when the table has none).
    pub definition: String,
    /// One sentence per gap, break, part-year figure and disagreement.
    pub notes: Vec<String>,
}

/// What a reader should know about `series` before reading its chart.
pub fn about(series: &Series, lang: Lang) -> About {
    let t = lang.text();
    let definition = series.text(lang, "definition").unwrap_or_default();
    let mut notes = Vec::new();
    if series.kind == Kind::Time {
        let gaps = series.gaps();
        if !gaps.is_empty() {
            notes.push(capitalise(&format::gaps_legend(&gaps, lang)));
        }
        for b in series.breaks_drawn() {
            notes.push(capitalise(&format::break_legend(&series.id, b.from, lang)));
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
            notes.push(t.fill("about", "partial", &[("figure", &figure), ("key", &key)]));
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
            .map(|(i, o)| {
                let reference = super::reference(&o.reference, lang);
                format!("{} ({}, {reference})", value(i), o.report)
            })
            .collect();
        let key = key_label(series, p, lang);
        let list = figures.join(t.text("chart", "source_separator"));
        notes.push(t.fill("about", "conflict", &[("key", &key), ("list", &list)]));
    }
    About {
        heading: t.text("about", "heading").to_string(),
        definition_heading: t.text("about", "definition").to_string(),
        definition: definition.to_string(),
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
        // A year that has no note of its own in the tables: the generic line.
        s.breaks = vec![Break { from: 2018 }];
        let en = about(&s, Lang::En);
        assert_eq!(en.heading, "About this chart");
        assert_eq!(
            Some(en.definition.as_str()),
            Lang::En
                .text()
                .series("protection_orders_issued", "definition")
        );
        assert!(!en.definition.is_empty());
        assert_eq!(
            en.notes,
            ["No figure for 2013–2017", "Different definition from 2018"]
        );
        for lang in [Lang::Ru, Lang::Kk] {
            let other = about(&s, lang);
            assert!(other.heading.chars().any(|c| ('а'..='я').contains(&c)));
            assert!(!other.definition.is_empty());
            assert!(other
                .notes
                .iter()
                .all(|n| n.contains("2013") || n.contains("2018")));
        }
    }
}
