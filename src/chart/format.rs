//! Numbers written the way the chart's reader writes them.

use super::Lang;
use crate::series::{Qualifier, Unit};

/// Formats a number with its language's grouping and decimal comma or point:
/// "115 526", "71,2" in French; "115,526", "71.2" in English. One decimal at most.
pub fn number(value: f64, lang: Lang) -> String {
    let (group, decimal) = match lang {
        // U+202F, the narrow no-break space French typography puts between digit groups.
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let tenths = (value.abs() * 10.0).round();
    let whole = (tenths / 10.0).trunc();
    let tenth = (tenths - whole * 10.0) as u64;
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    if value < 0.0 && tenths > 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if tenth > 0 {
        out.push(decimal);
        out.push_str(&tenth.to_string());
    }
    out
}

/// A short form for axis ticks: "20,3 M", "3,1 Md" (French), "20.3M", "3.1B" (English).
pub fn compact(value: f64, lang: Lang) -> String {
    let (million, billion, space) = match lang {
        Lang::Fr => ("M", "Md", "\u{202f}"),
        Lang::En => ("M", "B", ""),
    };
    let abs = value.abs();
    if abs >= 1e9 {
        format!("{}{space}{billion}", number(value / 1e9, lang))
    } else if abs >= 1e6 {
        format!("{}{space}{million}", number(value / 1e6, lang))
    } else {
        number(value, lang)
    }
}

/// A value with its unit: "71,2 %", "3,1 Md ₸", "24 h". Counts stay bare.
pub fn with_unit(value: f64, unit: Unit, lang: Lang) -> String {
    let n = if value.abs() >= 1e6 {
        compact(value, lang)
    } else {
        number(value, lang)
    };
    let nbsp = '\u{202f}';
    match (unit, lang) {
        (Unit::Percent, Lang::Fr) => format!("{n}{nbsp}%"),
        (Unit::Percent, Lang::En) => format!("{n}%"),
        (Unit::Tenge, _) => format!("{n}{nbsp}₸"),
        (Unit::Usd, Lang::En) => format!("${n}"),
        (Unit::Usd, Lang::Fr) => format!("{n}{nbsp}$"),
        (Unit::Eur, _) => format!("{n}{nbsp}€"),
        (Unit::Days, Lang::Fr) => format!("{n}{nbsp}j"),
        (Unit::Days, Lang::En) => format!("{n}{nbsp}d"),
        (Unit::Hours, _) => format!("{n}{nbsp}h"),
        (Unit::Years, Lang::Fr) => format!("{n}{nbsp}ans"),
        (Unit::Years, Lang::En) => format!("{n}{nbsp}yr"),
        _ => n,
    }
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
    match (unit, lang) {
        (Unit::Count, Lang::Fr) => "Nombre",
        (Unit::Count, Lang::En) => "Number",
        (Unit::Percent, Lang::Fr) => "Pourcentage",
        (Unit::Percent, Lang::En) => "Percent",
        (Unit::Tenge, Lang::Fr) => "Tenge",
        (Unit::Tenge, Lang::En) => "Tenge",
        (Unit::Usd, Lang::Fr) => "Dollars des États-Unis",
        (Unit::Usd, Lang::En) => "US dollars",
        (Unit::Eur, _) => "Euros",
        (Unit::OtherMoney, Lang::Fr) => "Montant",
        (Unit::OtherMoney, Lang::En) => "Amount",
        (Unit::Ratio, Lang::Fr) => "Rapport",
        (Unit::Ratio, Lang::En) => "Ratio",
        (Unit::Years, Lang::Fr) => "Années",
        (Unit::Years, Lang::En) => "Years",
        (Unit::Days, Lang::Fr) => "Jours",
        (Unit::Days, Lang::En) => "Days",
        (Unit::Hours, Lang::Fr) => "Heures",
        (Unit::Hours, Lang::En) => "Hours",
        (Unit::Other, Lang::Fr) => "Valeur",
        (Unit::Other, Lang::En) => "Value",
    }
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
        assert_eq!(qualifier_sign(Qualifier::MoreThan), "≥\u{a0}");
        assert_eq!(qualifier_sign(Qualifier::Approx), "≈\u{a0}");
    }
}
