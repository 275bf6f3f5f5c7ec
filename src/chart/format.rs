//! Numbers written the way the chart's reader writes them: digit groups, decimal
//! sign and unit patterns come from the reader's table (`[format]`, `[unit]`).

use super::Lang;
use crate::series::{Qualifier, Unit};

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
}
