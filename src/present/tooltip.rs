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
    /// `quote` between the reader's quotation marks: « … », “…”.
    pub quoted: String,
    /// The BCP 47 code of the language `quote` is in, empty when unknown.
    pub quote_lang: &'static str,
    /// "CAT/C/KAZ/3, Paragraphes 30 et 31, 13".
    pub source: String,
    /// Other figures for the same year or category, and who states them.
    pub conflict: Option<String>,
    /// The break in series this point opens: "définition différente à partir de 2018".
    #[serde(rename = "break")]
    pub series_break: Option<String>,
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
        let others: Vec<(String, String, String, bool)> = series
            .points
            .iter()
            .filter(|o| crate::series::disagree(point, o))
            .map(|o| {
                (
                    format!(
                        "{}{}",
                        format::qualifier_sign(o.qualifier),
                        format::with_unit(o.value, series.unit, lang)
                    ),
                    o.report.clone(),
                    super::reference(&o.reference, lang),
                    o.report == point.report,
                )
            })
            .collect();
        format::conflict_line(&others, lang)
    });
    Some(Tooltip {
        key: key_label(series, point, lang),
        value,
        quote: quote(point),
        quoted: lang.text().quoted(&quote(point)),
        quote_lang: series.quote_lang(),
        source: format!(
            "{}, {}",
            point.report,
            super::reference(&point.reference, lang)
        ),
        conflict,
        series_break: super::break_note(series, point, lang),
    })
}

/// Up to eight words each side of the number, from its sentence, with ellipses.
pub(super) fn quote(point: &Point) -> String {
    let sentence = &point.sentence;
    // The point's own place in the sentence, which may state the same number twice.
    let (at, end) = match point.sentence_span {
        (a, b) if a < b && sentence.get(a..b).is_some() => (a, b),
        _ => match sentence.find(point.verbatim.as_str()) {
            Some(at) => (at, at + point.verbatim.len()),
            None => return sentence.clone(),
        },
    };
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
        &sentence[at..end],
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
    fn the_quote_is_around_the_point_s_own_number() {
        let sentence = "Selon le rapport, les femmes étaient 20,1 % des députés en 2013 et 20,1 % des députés en 2014 selon la commission électorale centrale du pays.";
        let second = sentence.rfind("20,1 %").unwrap_or(0);
        let mut s = series();
        s.points[0].sentence = sentence.into();
        s.points[0].verbatim = "20,1 %".into();
        s.points[0].sentence_span = (second, second + "20,1 %".len());
        let tip = tooltip(&s, 0, Lang::Fr)
            .map(|t| t.quote)
            .unwrap_or_default();
        // Eight words after the second "20,1 %" reach the electoral commission.
        assert!(tip.contains("en 2014 selon la commission"), "{tip}");
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
