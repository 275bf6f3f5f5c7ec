//! A chart said in words, for screen readers and for people who prefer text.

use super::capitalise;
use crate::chart::{format, words, Lang};
use crate::series::{Kind, Series};

/// "Protection orders issued: 3 values from 2011 to 2019, lowest more than 36,000
/// (2011), highest about 70,000 (2019). 1 value's year is implied by its report's date."
pub fn summary(series: &Series, lang: Lang) -> String {
    let title = match lang {
        Lang::Fr => &series.title_fr,
        Lang::En => &series.title_en,
    };
    let n = series.points.len();
    let value = |i: usize| {
        series.points.get(i).map_or(String::new(), |p| {
            let words = super::qualifier_words(p.qualifier, lang);
            let v = format::with_unit(p.value, series.unit, lang);
            let key = p
                .year()
                .map(|y| y.to_string())
                .or_else(|| p.category().map(str::to_string))
                .unwrap_or_default();
            if words.is_empty() {
                format!("{v} ({key})")
            } else {
                format!("{words} {v} ({key})")
            }
        })
    };
    let by_value = |max: bool| {
        (0..n).reduce(|a, b| {
            let (va, vb) = (series.points[a].value, series.points[b].value);
            if (vb > va) == max && vb != va {
                b
            } else {
                a
            }
        })
    };
    let (low, high) = (by_value(false).unwrap_or(0), by_value(true).unwrap_or(0));
    let implied = series
        .points
        .iter()
        .filter(|p| p.year().is_some() && p.year_source == crate::series::YearSource::Implied)
        .count();
    let conflicts = series.points.iter().filter(|p| p.conflict).count();
    let years = series.points.iter().filter_map(|p| p.year());
    let first = years.clone().min().unwrap_or(0);
    let last = years.max().unwrap_or(0);
    let (low, high) = (value(low), value(high));
    let mut text = match (series.kind, lang) {
        _ if n == 0 => match lang {
            Lang::Fr => format!("{title} : aucune valeur."),
            Lang::En => format!("{title}: no values."),
        },
        (Kind::Time, Lang::Fr) => format!(
            "{title} : {n} valeurs de {first} à {last} ; la plus basse {low}, la plus haute {high}."
        ),
        (Kind::Time, Lang::En) => {
            format!("{title}: {n} values from {first} to {last}; lowest {low}, highest {high}.")
        }
        (Kind::Breakdown, Lang::Fr) => {
            format!("{title} : {n} catégories ; la plus grande {high}, la plus petite {low}.")
        }
        (Kind::Breakdown, Lang::En) => {
            format!("{title}: {n} categories; largest {high}, smallest {low}.")
        }
    };
    if implied > 0 {
        text.push_str(&match lang {
            Lang::Fr => format!(" {implied} année(s) déduite(s) de la date du rapport."),
            Lang::En => format!(" {implied} year(s) implied by the report’s date."),
        });
    }
    let gaps = series.gaps();
    if series.kind == Kind::Time && !gaps.is_empty() {
        text.push_str(&format!(
            " {}.",
            capitalise(&words::gaps_legend(&gaps, lang))
        ));
    }
    for b in series.breaks_drawn() {
        let note = words::break_legend(&b.note_fr, &b.note_en, b.from, lang);
        text.push_str(&format!(" {}.", capitalise(&note)));
    }
    let partial = series.points.iter().filter(|p| p.period.is_some()).count();
    if partial > 0 {
        text.push_str(&match lang {
            Lang::Fr => format!(" {partial} valeur(s) ne couvrent qu’une partie de l’année."),
            Lang::En => format!(" {partial} value(s) cover part of a year only."),
        });
    }
    if conflicts > 0 {
        text.push_str(&match lang {
            Lang::Fr => format!(" {conflicts} valeurs divergent pour une même date ou catégorie."),
            Lang::En => format!(" {conflicts} values disagree for the same date or category."),
        });
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::catalogue::Catalogue;
    use crate::series::sourced::Corpus;

    #[test]
    fn the_summary_names_the_span_and_the_extremes() -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&corpus);
        let orders = series
            .iter()
            .find(|s| s.id == "protection_orders_issued")
            .ok_or("no protection orders series")?;
        let text = summary(orders, Lang::En);
        assert!(text.starts_with("Protection orders issued: "), "{text}");
        assert!(text.contains("more than 36,000 (2011)"), "{text}");
        assert!(text.contains("implied"), "{text}");
        assert!(text.contains("No figure for 2013–2017."), "{text}");
        Ok(())
    }
}
