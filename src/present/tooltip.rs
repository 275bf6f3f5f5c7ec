//! The tooltip of a point: its value as the report writes it, its year (marked when
//! implied) and where it comes from.

use super::{key_label, qualifier_words};
use crate::chart::{format, Lang};
use crate::series::{Point, Series};
use serde::Serialize;

/// Lines of a tooltip, plain text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tooltip {
    /// The year or category ("2019 (année déduite de la date du rapport)").
    pub key: String,
    /// The value, bounded as stated: "≥ 44 000 (plus de)".
    pub value: String,
    /// The words of the report around the number: "…plus de 44 000 ordonnances…".
    pub quote: String,
    /// "CAT/C/KAZ/3, Paragraphes 30 et 31, 13".
    pub source: String,
    /// Another report gives another value for this year.
    pub conflict: Option<String>,
}

/// The tooltip of `series.points[index]`, if there is such a point.
pub fn tooltip(series: &Series, index: usize, lang: Lang) -> Option<Tooltip> {
    let point = series.points.get(index)?;
    let words = qualifier_words(point.qualifier, lang);
    let value = format!(
        "{}{}{}",
        format::qualifier_sign(point.qualifier),
        format::with_unit(point.value, series.unit, lang),
        if words.is_empty() {
            String::new()
        } else {
            format!(" ({words})")
        }
    );
    let conflict = point.conflict.then(|| {
        let others: Vec<String> = series
            .points
            .iter()
            .filter(|o| o.key == point.key && o.report != point.report && o.value != point.value)
            .map(|o| {
                format!(
                    "{} ({})",
                    format::with_unit(o.value, series.unit, lang),
                    o.report
                )
            })
            .collect();
        match lang {
            Lang::Fr => format!("Un autre rapport donne : {}", others.join(", ")),
            Lang::En => format!("Another report gives: {}", others.join(", ")),
        }
    });
    Some(Tooltip {
        key: key_label(series, point, lang),
        value,
        quote: quote(point),
        source: format!("{}, {}", point.report, point.reference),
        conflict,
    })
}

/// Up to eight words each side of the number, from its sentence, with ellipses.
fn quote(point: &Point) -> String {
    let sentence = &point.sentence;
    let Some(at) = sentence.find(point.verbatim.as_str()) else {
        return sentence.clone();
    };
    let end = at + point.verbatim.len();
    let before: Vec<&str> = sentence[..at].split_whitespace().collect();
    let after: Vec<&str> = sentence[end..].split_whitespace().collect();
    let keep = 8;
    let head = before[before.len().saturating_sub(keep)..].join(" ");
    let tail = after[..after.len().min(keep)].join(" ");
    let gap_before = if sentence[..at].ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let gap_after = if sentence[end..].starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!(
        "{}{head}{gap_before}{}{gap_after}{tail}{}",
        if before.len() > keep { "…" } else { "" },
        point.verbatim,
        if after.len() > keep { "…" } else { "" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::sample::protection_orders as series;
    use crate::series::YearSource;

    #[test]
    fn the_tooltip_quotes_the_report_and_bounds_the_value() -> Result<(), String> {
        let tip = tooltip(&series(), 1, Lang::Fr).ok_or("no tooltip")?;
        assert_eq!(tip.key, "2012");
        assert_eq!(tip.value, "≥\u{a0}44\u{202f}000 (plus de)");
        assert!(tip.quote.starts_with("En 2012, plus de 44 000 ordonnances"));
        assert!(tip.quote.ends_with('…'));
        assert_eq!(tip.source, "CAT/C/KAZ/3, Article 16, 13");
        let tip = tooltip(&series(), 1, Lang::En).ok_or("no tooltip")?;
        assert_eq!(tip.value, "≥\u{a0}44,000 (more than)");
        Ok(())
    }

    #[test]
    fn an_implied_year_is_said_and_a_missing_point_is_none() -> Result<(), String> {
        let mut s = series();
        s.points[1].year_source = YearSource::Implied;
        let tip = tooltip(&s, 1, Lang::En).ok_or("no tooltip")?;
        assert_eq!(tip.key, "2012 (year implied by the report’s date)");
        assert!(tooltip(&s, 5, Lang::En).is_none());
        Ok(())
    }
}
