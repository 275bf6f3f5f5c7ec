//! Numbers, dates and legend lines written the way the chart's reader writes
//! them: digit groups, decimal sign, unit patterns, month names and the phrases
//! that say what a drawing marks (gaps, breaks in series, part-year figures,
//! conflicts) all come from the reader's table (`[format]`, `[unit]`, `[month]`,
//! `[period]`, `[legend]`); no phrase is chosen by matching on a language.

use super::Lang;
use crate::series::{Month, Period, Qualifier, Unit};

/// Formats a number with its language's grouping and decimal comma or point:
/// "115 526", "71,2" in French (a narrow no-break space); "115,526", "71.2" in
/// English; "115 526", "71,2" in Russian and Kazakh (a no-break space). One
/// decimal at most.
pub fn number(value: f64, lang: Lang) -> String {
    lang.text().number(value)
}

/// A short form for axis ticks: "20,3 M", "3,1 Md" (French), "20.3M", "3.1B"
/// (English), "20,3 млн" (Russian, Kazakh).
pub fn compact(value: f64, lang: Lang) -> String {
    let abs = value.abs();
    let (scaled, key) = if abs >= 1e9 {
        (value / 1e9, "billion")
    } else if abs >= 1e6 {
        (value / 1e6, "million")
    } else {
        return number(value, lang);
    };
    lang.text()
        .fill("format", key, &[("n", &number(scaled, lang))])
}

/// A value with its unit: "71,2 %", "3,1 Md ₸", "24 h". Counts stay bare.
pub fn with_unit(value: f64, unit: Unit, lang: Lang) -> String {
    let n = if value.abs() >= 1e6 {
        compact(value, lang)
    } else {
        number(value, lang)
    };
    let key = match unit {
        Unit::Percent => "percent",
        Unit::Tenge => "tenge",
        Unit::Usd => "usd",
        Unit::Eur => "eur",
        Unit::Days => "days",
        Unit::Hours => "hours",
        Unit::Years => "years",
        Unit::Count | Unit::OtherMoney | Unit::Ratio | Unit::Other => return n,
    };
    // A plural pattern ("21 год", "22 года", "25 лет") picks its form by the value.
    let t = lang.text();
    crate::i18n::fill(t.plural("unit", key, value), &[("n", &n)])
}

/// The sign a label puts before a bounded value: "≥ 44 000", "≈ 70 000".
pub fn qualifier_sign(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::RangeLow => "≥\u{a0}",
        Qualifier::LessThan | Qualifier::AtMost | Qualifier::RangeHigh => "≤\u{a0}",
        Qualifier::Approx => "≈\u{a0}",
        Qualifier::Exact | Qualifier::Change | Qualifier::Target => "",
    }
}

/// The unit said in words, for the subtitle under a chart's title.
pub fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    let key = match unit {
        Unit::Count => "count",
        Unit::Percent => "percent",
        Unit::Tenge => "tenge",
        Unit::Usd => "usd",
        Unit::Eur => "eur",
        Unit::OtherMoney => "other_money",
        Unit::Ratio => "ratio",
        Unit::Years => "years",
        Unit::Days => "days",
        Unit::Hours => "hours",
        Unit::Other => "other",
    };
    lang.text().text("unit_name", key)
}

/// Month keys of the tables' `[month]` (as said alone: "août"), `[month_of]` (as
/// said after a day: "1er juillet", "1 июля") and `[month_short]` ("juil.").
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_name(month: Month, section: &str, lang: Lang) -> &'static str {
    MONTHS
        .get(usize::from(month.month.saturating_sub(1)))
        .map_or("", |key| lang.text().text(section, key))
}

/// The months a figure covers, in full: "janvier–août 2025", "janvier 2022 – août
/// 2025", "au 1er juillet 2025"; "January–August 2025", "as of 1 July 2025".
pub fn period(p: &Period, lang: Lang) -> String {
    period_in(p, lang, false)
}

/// The same, short, for a label beside a mark: "janv.–août", "1er juil.", "Jan–Aug".
/// The year is left out when it is the mark's own.
pub fn period_short(p: &Period, lang: Lang) -> String {
    period_in(p, lang, true)
}

fn period_in(p: &Period, lang: Lang, short: bool) -> String {
    let t = lang.text();
    let (alone, after_day) = if short {
        ("month_short", "month_short")
    } else {
        ("month", "month_of")
    };
    let (from, to) = (p.from, p.to);
    let (from_year, to_year) = (from.year.to_string(), to.year.to_string());
    if let Some(day) = p.as_of {
        let day = if day == 1 {
            t.text("period", "first_day").to_string()
        } else {
            day.to_string()
        };
        let month = month_name(to, after_day, lang);
        let key = if short { "as_of_short" } else { "as_of" };
        return t.fill(
            "period",
            key,
            &[("day", &day), ("month", month), ("year", &to_year)],
        );
    }
    let (first, last) = (month_name(from, alone, lang), month_name(to, alone, lang));
    // A span over several years always says its years.
    let key = match (from.year != to.year, from.month == to.month, short) {
        (true, _, false) => "span",
        (true, _, true) => "span_short",
        (false, true, false) => "one_month",
        (false, true, true) => "one_month_short",
        (false, false, false) => "months",
        (false, false, true) => "months_short",
    };
    t.fill(
        "period",
        key,
        &[
            ("from", first),
            ("to", last),
            ("month", first),
            ("from_year", &from_year),
            ("to_year", &to_year),
            ("year", &to_year),
        ],
    )
}

/// What a part-year point's key adds to its year: "partie de l'année :
/// janvier–août 2025", "compté au 1er juillet 2025".
pub fn partial_key(p: &Period, lang: Lang) -> String {
    let key = if p.as_of.is_some() {
        "counted_key"
    } else {
        "part_key"
    };
    lang.text()
        .fill("period", key, &[("period", &period(p, lang))])
}

/// "2013–2017", "2013" for one missing year.
fn years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// The legend line of a series' gaps: "aucun chiffre pour 2013–2017, 2020".
pub fn gaps_legend(gaps: &[(i32, i32)], lang: Lang) -> String {
    let list: Vec<String> = gaps.iter().map(|(a, b)| years(*a, *b)).collect();
    lang.text()
        .fill("legend", "gaps", &[("years", &list.join(", "))])
}

/// The legend line of a break in series of `series` from `from`: its note
/// (`series.<id>.break_<from>`), or what a break means when the tables give none.
pub fn break_legend(series: &str, from: i32, lang: Lang) -> String {
    let t = lang.text();
    match t.series(series, &format!("break_{from}")) {
        Some(note) => note.to_string(),
        None => t.fill("legend", "break", &[("year", &from.to_string())]),
    }
}

/// The tooltip line of a conflicting point: each other figure for the same year or
/// category with who states it. `others` are (value as written, report,
/// reference, same report as the point).
pub fn conflict_line(others: &[(String, String, String, bool)], lang: Lang) -> String {
    let t = lang.text();
    let items: Vec<String> = others
        .iter()
        .map(|(value, report, reference, same)| {
            if *same {
                t.fill(
                    "chart",
                    "same_report",
                    &[("value", value), ("reference", reference)],
                )
            } else {
                format!("{value} ({report}, {reference})")
            }
        })
        .collect();
    let list = items.join(t.text("chart", "source_separator"));
    t.fill("chart", "conflict", &[("list", &list)])
}

/// The definition introduced by its heading, for the source panel; empty when
/// there is no definition.
pub fn definition_line(definition: &str, lang: Lang) -> String {
    if definition.is_empty() {
        return String::new();
    }
    lang.text()
        .fill("about", "definition_line", &[("definition", definition)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(115526.0, Lang::Fr), "115\u{202f}526");
        assert_eq!(number(115526.0, Lang::En), "115,526");
        assert_eq!(number(71.2, Lang::Fr), "71,2");
        assert_eq!(number(71.25, Lang::En), "71.3");
        assert_eq!(number(999.0, Lang::En), "999");
        assert_eq!(number(0.0, Lang::En), "0");
        assert_eq!(number(-1500.0, Lang::En), "-1,500");
        assert_eq!(number(115526.0, Lang::Ru), "115\u{a0}526");
        assert_eq!(number(71.2, Lang::Kk), "71,2");
    }

    #[test]
    fn large_values_are_compact_on_axes() {
        assert_eq!(compact(20_300_000.0, Lang::Fr), "20,3\u{202f}M");
        assert_eq!(compact(3_100_000_000.0, Lang::En), "3.1B");
        assert_eq!(compact(44_000.0, Lang::Fr), "44\u{202f}000");
    }

    #[test]
    fn units_and_qualifiers_read_naturally() {
        assert_eq!(with_unit(71.2, Unit::Percent, Lang::Fr), "71,2\u{202f}%");
        assert_eq!(with_unit(71.2, Unit::Percent, Lang::En), "71.2%");
        assert_eq!(with_unit(21.0, Unit::Years, Lang::Ru), "21\u{a0}год");
        assert_eq!(with_unit(25.0, Unit::Years, Lang::Ru), "25\u{a0}лет");
        assert_eq!(compact(20_300_000.0, Lang::Ru), "20,3\u{a0}млн");
        assert_eq!(qualifier_sign(Qualifier::MoreThan), "≥\u{a0}");
        assert_eq!(qualifier_sign(Qualifier::Approx), "≈\u{a0}");
    }

    fn months(from: (i32, u8), to: (i32, u8), as_of: Option<u8>) -> Period {
        Period {
            from: Month {
                year: from.0,
                month: from.1,
            },
            to: Month {
                year: to.0,
                month: to.1,
            },
            as_of,
        }
    }

    #[test]
    fn periods_read_as_a_reader_writes_them() {
        let eight = months((2025, 1), (2025, 8), None);
        assert_eq!(period(&eight, Lang::Fr), "janvier–août 2025");
        assert_eq!(period(&eight, Lang::En), "January–August 2025");
        assert_eq!(period(&eight, Lang::Ru), "январь–август 2025\u{a0}г.");
        assert_eq!(period(&eight, Lang::Kk), "2025\u{a0}жылғы қаңтар–тамыз");
        assert_eq!(period_short(&eight, Lang::Fr), "janv.–août");
        let span = months((2022, 1), (2025, 8), None);
        assert_eq!(period(&span, Lang::Fr), "janvier 2022 – août 2025");
        assert_eq!(period_short(&span, Lang::En), "Jan 2022 – Aug 2025");
        let stock = months((2025, 7), (2025, 7), Some(1));
        assert_eq!(period(&stock, Lang::Fr), "au 1er juillet 2025");
        assert_eq!(period(&stock, Lang::En), "as of 1 July 2025");
        assert_eq!(period(&stock, Lang::Ru), "на 1 июля 2025\u{a0}г.");
        assert_eq!(
            period(&stock, Lang::Kk),
            "2025\u{a0}жылғы 1 шілдедегі жағдай бойынша"
        );
        assert_eq!(period_short(&stock, Lang::Fr), "1er juil.");
    }

    #[test]
    fn gaps_list_their_years() {
        assert_eq!(
            gaps_legend(&[(2013, 2017), (2020, 2020)], Lang::Fr),
            "aucun chiffre pour 2013–2017, 2020"
        );
        assert_eq!(
            gaps_legend(&[(2013, 2017)], Lang::En),
            "no figure for 2013–2017"
        );
    }

    #[test]
    fn a_break_without_its_own_note_says_what_a_break_is() {
        assert_eq!(
            break_legend("no_such_series", 2018, Lang::En),
            "different definition from 2018"
        );
        let note = break_legend("rules_of_conduct_imposed", 2018, Lang::Ru);
        assert!(note.contains("2018"), "{note}");
        assert_ne!(note, break_legend("no_such_series", 2018, Lang::Ru));
    }
}
