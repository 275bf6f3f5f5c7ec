//! The interface words that say what a chart does not show as a plain line: gaps,
//! breaks in series, partial periods, conflicts, definitions. Gathered here, one
//! function per phrase and every language in one `match`, so that they move into
//! the per-language tables in one piece.

use super::Lang;
use crate::series::{Month, Period};

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(month: Month, lang: Lang, short: bool) -> &'static str {
    let names = match (lang, short) {
        (Lang::Fr, false) => &MONTHS_FR,
        (Lang::Fr, true) => &MONTHS_FR_SHORT,
        (Lang::En, false) => &MONTHS_EN,
        (Lang::En, true) => &MONTHS_EN_SHORT,
    };
    names
        .get(usize::from(month.month.saturating_sub(1)))
        .copied()
        .unwrap_or("")
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
    let name = |m: Month| month_name(m, lang, short);
    let year = |m: Month| {
        if short {
            String::new()
        } else {
            format!(" {}", m.year)
        }
    };
    if let Some(day) = p.as_of {
        let to = p.to;
        return match (lang, day) {
            (Lang::Fr, 1) if short => format!("1er {}", name(to)),
            (Lang::Fr, 1) => format!("au 1er {}{}", name(to), year(to)),
            (Lang::Fr, d) if short => format!("{d} {}", name(to)),
            (Lang::Fr, d) => format!("au {d} {}{}", name(to), year(to)),
            (Lang::En, d) if short => format!("{d} {}", name(to)),
            (Lang::En, d) => format!("as of {d} {}{}", name(to), year(to)),
        };
    }
    let (from, to) = (p.from, p.to);
    if from.year == to.year {
        if from.month == to.month {
            format!("{}{}", name(from), year(to))
        } else {
            format!("{}–{}{}", name(from), name(to), year(to))
        }
    } else {
        // A span over several years always says its years.
        format!("{} {} – {} {}", name(from), from.year, name(to), to.year)
    }
}

/// The tooltip line of a partial period: "Partie de l'année : janvier–août 2025".
pub fn partial_line(p: &Period, lang: Lang) -> String {
    match (lang, p.as_of.is_some()) {
        (Lang::Fr, false) => format!("Partie de l’année seulement : {}", period(p, lang)),
        (Lang::En, false) => format!("Part of a year only: {}", period(p, lang)),
        (Lang::Fr, true) => format!("Chiffre compté {}", period(p, lang)),
        (Lang::En, true) => format!("Figure counted {}", period(p, lang)),
    }
}

/// What a part-year point's key adds to its year: "partie de l'année :
/// janvier–août 2025", "compté au 1er juillet 2025".
pub fn partial_key(p: &Period, lang: Lang) -> String {
    match (lang, p.as_of.is_some()) {
        (Lang::Fr, false) => format!("partie de l’année : {}", period(p, lang)),
        (Lang::En, false) => format!("part of the year: {}", period(p, lang)),
        (Lang::Fr, true) => format!("compté {}", period(p, lang)),
        (Lang::En, true) => format!("counted {}", period(p, lang)),
    }
}

/// The legend line of a partial period's mark.
pub fn partial_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "partie de l’année, ou date en cours d’année",
        Lang::En => "part of a year, or a date within it",
    }
}

/// The legend line of a conflict's colour: within a report as well as between.
pub fn conflict_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "chiffres divergents",
        Lang::En => "figures disagree",
    }
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
    match lang {
        Lang::Fr => format!("aucun chiffre pour {}", list.join(", ")),
        Lang::En => format!("no figure for {}", list.join(", ")),
    }
}

/// The legend line of a break in series: its note, or what it means when the
/// catalogue gives none.
pub fn break_legend(note_fr: &str, note_en: &str, from: i32, lang: Lang) -> String {
    match lang {
        Lang::Fr if !note_fr.is_empty() => note_fr.to_string(),
        Lang::En if !note_en.is_empty() => note_en.to_string(),
        Lang::Fr => format!("définition différente à partir de {from}"),
        Lang::En => format!("different definition from {from}"),
    }
}

/// The tooltip line of a conflicting point: each other figure for the same year or
/// category with who states it. `others` are (value as written, report,
/// reference, same report as the point).
pub fn conflict_line(others: &[(String, String, String, bool)], lang: Lang) -> String {
    let items: Vec<String> = others
        .iter()
        .map(|(value, report, reference, same)| match (lang, same) {
            (Lang::Fr, true) => format!("{value} (même rapport, {reference})"),
            (Lang::En, true) => format!("{value} (same report, {reference})"),
            (_, false) => format!("{value} ({report}, {reference})"),
        })
        .collect();
    match lang {
        Lang::Fr => format!("Autre chiffre pour la même date : {}", items.join(" ; ")),
        Lang::En => format!("Another figure for the same date: {}", items.join("; ")),
    }
}

/// The heading of a series' definition in the source panel and "About this chart".
pub fn definition_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Ce que compte la série",
        Lang::En => "What the series counts",
    }
}

/// The definition introduced by its heading, for the source panel; empty when
/// there is no definition.
pub fn definition_line(definition: &str, lang: Lang) -> String {
    match lang {
        _ if definition.is_empty() => String::new(),
        Lang::Fr => format!("{} : {definition}", definition_heading(lang)),
        Lang::En => format!("{}: {definition}", definition_heading(lang)),
    }
}

/// The heading of the "About this chart" item.
pub fn about_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "À propos de ce graphique",
        Lang::En => "About this chart",
    }
}

/// A short word for a point counted under a new definition, in tables and CSV.
pub fn break_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "rupture de série",
        Lang::En => "break in series",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(period_short(&eight, Lang::Fr), "janv.–août");
        let span = months((2022, 1), (2025, 8), None);
        assert_eq!(period(&span, Lang::Fr), "janvier 2022 – août 2025");
        assert_eq!(period_short(&span, Lang::En), "Jan 2022 – Aug 2025");
        let stock = months((2025, 7), (2025, 7), Some(1));
        assert_eq!(period(&stock, Lang::Fr), "au 1er juillet 2025");
        assert_eq!(period(&stock, Lang::En), "as of 1 July 2025");
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
}
