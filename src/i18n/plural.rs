//! Which plural form a number takes in each language: the CLDR plural rules
//! (unicode.org/cldr, "Language Plural Rules") for cardinal numbers, restricted to
//! the categories Derek's tables use.

use super::Lang;

/// A CLDR plural category: the name of a form in a table's plural entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The key of this form in a table: `one`, `few`, `many`, `other`.
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::One => "one",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The forms a plural entry must give in `lang` (its rule can choose them).
    pub fn required(lang: Lang) -> &'static [PluralCategory] {
        match lang {
            Lang::Ru => &[
                PluralCategory::One,
                PluralCategory::Few,
                PluralCategory::Many,
                PluralCategory::Other,
            ],
            Lang::Fr | Lang::En | Lang::Kk => &[PluralCategory::One, PluralCategory::Other],
        }
    }
}

/// The plural category of `n` in `lang`, as Derek writes it (one decimal at most).
pub fn plural_category(lang: Lang, n: f64) -> PluralCategory {
    let n = (n.abs() * 10.0).round() / 10.0;
    // CLDR operands: i is the integer part, v the number of visible fraction digits.
    let i = n.trunc() as u64;
    let v = if n.fract() == 0.0 { 0 } else { 1 };
    match lang {
        // fr: one: i = 0,1.
        Lang::Fr if i <= 1 => PluralCategory::One,
        // en: one: i = 1 and v = 0. kk: one: n = 1.
        Lang::En | Lang::Kk if i == 1 && v == 0 => PluralCategory::One,
        // ru: one: v = 0 and i % 10 = 1 and i % 100 != 11;
        //     few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
        //     many: v = 0 and (i % 10 = 0 or 5..9, or i % 100 = 11..14); other: fractions.
        Lang::Ru if v == 0 => match (i % 10, i % 100) {
            (1, h) if h != 11 => PluralCategory::One,
            (2..=4, h) if !(12..=14).contains(&h) => PluralCategory::Few,
            _ => PluralCategory::Many,
        },
        _ => PluralCategory::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralCategory::*;

    #[test]
    fn russian_has_one_few_many_for_integers_and_other_for_fractions() {
        let got: Vec<PluralCategory> =
            [1.0, 2.0, 4.0, 5.0, 11.0, 12.0, 21.0, 22.0, 111.0, 0.0, 1.5]
                .iter()
                .map(|n| plural_category(Lang::Ru, *n))
                .collect();
        assert_eq!(
            got,
            [One, Few, Few, Many, Many, Many, One, Few, Many, Many, Other]
        );
    }

    #[test]
    fn french_counts_zero_and_one_as_one_english_and_kazakh_only_one() {
        assert_eq!(plural_category(Lang::Fr, 0.0), One);
        assert_eq!(plural_category(Lang::Fr, 1.5), One);
        assert_eq!(plural_category(Lang::Fr, 2.0), Other);
        assert_eq!(plural_category(Lang::En, 0.0), Other);
        assert_eq!(plural_category(Lang::En, 1.0), One);
        assert_eq!(plural_category(Lang::Kk, 1.0), One);
        assert_eq!(plural_category(Lang::Kk, 3.0), Other);
    }
}
