//! Property tests: `extract_text` never panics, and every fact's offsets are
//! char boundaries within the text and frame its verbatim.

use derek::extract::extract_text;
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    for f in extract_text(text, Some(2020)) {
        prop_assert!(f.start < f.end && f.end <= text.len());
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        prop_assert_eq!(text.get(f.start..f.end), Some(f.verbatim.as_str()));
        prop_assert!(f.value.is_finite());
        prop_assert_eq!(f.year.is_none(), f.year_source.is_none());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn digit_space_punctuation_soup(
        text in "[0-9 \u{a0}\u{202f},.%()«»/\\-–:;\n'’a-z]{0,200}"
    ) {
        check(&text)?;
    }

    #[test]
    fn french_number_words_soup(
        words in proptest::collection::vec(
            prop::sample::select(vec![
                "un", "une", "deux", "vingt", "cent", "mille", "millions", "milliards",
                "et", "de", "plus", "moins", "environ", "jusqu’à", "en", "2018", "2019-2020",
                "%", "pour", "la", "moitié", "tiers", "dizaine", "des", "milliers", "fois",
                "respectivement", ",", "(", ")", "à", "entre", "art.", "no", "115", "526",
                "3,5", "ans", "jours", "tenge", "quatrième", "place", "«", "»", "\u{a0}",
            ]),
            0..40,
        )
    ) {
        check(&words.join(" "))?;
    }
}
