//! Words and their normal forms: where a word starts and ends, how it folds (case,
//! accents, ligatures), and what it stems to. The text and the query go through the
//! same functions, so that whatever the user types meets the report's words in one
//! form.

use rust_stemmers::{Algorithm, Stemmer};

/// Longest folded word, in bytes, that is stemmed: French has no longer words, and
/// a pathological "word" of 10 000 letters is then matched as it is.
const MAX_STEMMED: usize = 40;

/// Whether `c` belongs to a word: letters of any script, ASCII digits, and combining
/// accents (a decomposed `é` stays one word). Apostrophes, hyphens, punctuation,
/// spaces and superscript footnote marks separate words, so `l’État` is `l` + `État`.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit() || is_combining(c)
}

/// A combining accent (U+0300..=U+036F): part of a word, dropped by folding.
pub(crate) fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Spaces that may group the digits of a number: space, no-break space, narrow
/// no-break space, thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The words of `text`, as byte ranges, in order. Every range is non-empty and on
/// char boundaries.
///
/// A number is one word however its digits are grouped: `64 000` (with a space, a
/// no-break or a thin space), `64000`, `64,5` (a decimal comma). Groups after the
/// first have exactly three digits and the first at most three, so `2012 100` stays
/// two words. [`fold_into`] gives every spelling of one value the same form.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip separators.
        let start = loop {
            let c = text.get(at..)?.chars().next()?;
            if is_word_char(c) {
                break at;
            }
            at += c.len_utf8();
        };
        let mut end = if bytes.get(start).is_some_and(u8::is_ascii_digit) {
            number_end(text, start)
        } else {
            start
        };
        // The rest of the word (all of it for a word that is no number, letters glued
        // to a number such as `1er` otherwise).
        for c in text.get(end..).unwrap_or_default().chars() {
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
        at = end;
        Some((start, end))
    })
}

/// Where the number that begins at `start` (an ASCII digit) ends: its digit groups
/// and its decimal part.
fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let digits_from = |i: usize| {
        bytes.get(i..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let first = digits_from(start);
    let mut end = start + first;
    if first <= 3 {
        // `64 000 000`: a group space, then exactly three digits.
        while let Some(space) = text.get(end..).and_then(|r| r.chars().next()) {
            if !is_group_space(space) {
                break;
            }
            let group = end + space.len_utf8();
            if digits_from(group) != 3 {
                break;
            }
            end = group + 3;
        }
    }
    // `64,5`: a comma between digits.
    if bytes.get(end) == Some(&b',') {
        let decimals = digits_from(end + 1);
        if decimals > 0 {
            end += 1 + decimals;
        }
    }
    end
}

/// Whether `word` (a range given by [`words`]) is a number: it starts with a digit
/// and holds only digits, group spaces and a decimal comma.
pub(crate) fn is_number(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || is_group_space(c))
}

/// Appends `word` folded: a number as its value's one spelling (`64 000` and `64000`
/// → `64000`, `64,50` → `64,5`, `007` → `7`), any other word letter by letter with
/// [`fold_char`].
pub(crate) fn fold_into(word: &str, out: &mut String) {
    if !is_number(word) {
        for c in word.chars() {
            fold_char(c, out);
        }
        return;
    }
    let (whole, decimals) = word.split_once(',').unwrap_or((word, ""));
    let from = out.len();
    for c in whole.chars().filter(char::is_ascii_digit) {
        if c != '0' || out.len() > from {
            out.push(c);
        }
    }
    if out.len() == from {
        out.push('0');
    }
    let decimals = decimals.trim_end_matches('0');
    if !decimals.is_empty() {
        out.push(',');
        out.push_str(decimals);
    }
}

/// Latin-1 letters U+00C0..=U+00FF without their accents; `?` where a letter folds to
/// two (handled before the table) or is no letter (`×`, `÷`).
const LATIN_1: &[u8; 64] = b"aaaaaa?ceeeeiiiidnooooo?ouuuuy??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";

/// Latin Extended-A U+0100..=U+017F without their accents; `?` for the ligatures
/// `Ĳ ĳ Œ œ`, handled before the table.
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends `c` folded: lower case, without accents, ligatures spelled out
/// (`Œ` → `oe`, `ﬁ` → `fi`), combining accents dropped. Letters outside Latin are
/// only lower-cased.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let spelled = match c {
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Ĳ' | 'ĳ' => "ij",
        'ß' => "ss",
        'Þ' | 'þ' => "th",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'Ș' | 'ș' => "s",
        'Ț' | 'ț' => "t",
        _ if is_combining(c) => "",
        _ => {
            let table = match c as u32 {
                code @ 0xC0..=0xFF => LATIN_1.get(code as usize - 0xC0),
                code @ 0x100..=0x17F => LATIN_EXTENDED_A.get(code as usize - 0x100),
                _ => None,
            };
            match table {
                Some(&b) if b != b'?' => out.push(char::from(b)),
                _ => out.extend(c.to_lowercase()),
            }
            return;
        }
    };
    out.push_str(spelled);
}

/// `word` folded (see [`fold_into`]).
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// The French stemmer (Snowball), for folded words.
pub(crate) struct French(Stemmer);

impl French {
    pub(crate) fn new() -> Self {
        French(Stemmer::create(Algorithm::French))
    }

    /// The stem of a folded word: `violences` → `violenc`, `femme` → `femm`. A word
    /// that is not plain lower-case ASCII letters after folding (numbers, other
    /// scripts, very long words) is its own stem.
    pub(crate) fn stem(&self, folded: &str) -> String {
        if folded.len() <= MAX_STEMMED && folded.bytes().all(|b| b.is_ascii_lowercase()) {
            self.0.stem(folded).into_owned()
        } else {
            folded.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<&str> {
        words(text).filter_map(|(s, e)| text.get(s..e)).collect()
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Sécurité"), "securite");
        assert_eq!(fold("ÉTAT"), "etat");
        assert_eq!(fold("État"), fold("etat"));
        assert_eq!(
            fold("Çà, là, où, île, naïve, Noël"),
            "ca, la, ou, ile, naive, noel"
        );
        assert_eq!(fold("ÀÂÄÈÉÊËÎÏÔÖÙÛÜŸÇ"), "aaaeeeeiioouuuyc");
    }

    #[test]
    fn folding_spells_out_ligatures() {
        assert_eq!(fold("œuvre"), "oeuvre");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("curriculum vitæ"), "curriculum vitae");
        assert_eq!(fold("ﬁnancement"), "financement");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn folding_covers_latin_extended_a_and_decomposed_accents() {
        assert_eq!(fold("Ğ ş ı İ Ž ň Ł ő Ÿ ĳ"), "g s i i z n l o y ij");
        assert_eq!(fold("e\u{301}tat"), "etat");
        // Other scripts are only lower-cased.
        assert_eq!(fold("ҚАЗАҚСТАН"), "қазақстан");
        // The tables have one entry per code point.
        assert_eq!(LATIN_1.len(), 0x100 - 0xC0);
        assert_eq!(LATIN_EXTENDED_A.len(), 0x180 - 0x100);
    }

    #[test]
    fn words_split_at_apostrophes_hyphens_and_punctuation() {
        assert_eq!(words_of("l’État"), ["l", "État"]);
        assert_eq!(words_of("l'État"), ["l", "État"]);
        assert_eq!(
            words_of(" non-gouvernementales, (ONG)… 44 000\u{a0}cas²."),
            ["non", "gouvernementales", "ONG", "44 000", "cas"]
        );
        assert_eq!(words_of("e\u{301}tat"), ["e\u{301}tat"]);
        assert!(words_of("  ’ - … «» ").is_empty());
        assert!(words_of("").is_empty());
    }

    #[test]
    fn a_number_is_one_word_whatever_its_spacing() {
        assert_eq!(
            words_of("plus de 64 000 cas, 64\u{a0}000 ou 64\u{202f}000 ; 64000 et 64,5 %"),
            [
                "plus",
                "de",
                "64 000",
                "cas",
                "64\u{a0}000",
                "ou",
                "64\u{202f}000",
                "64000",
                "et",
                "64,5"
            ]
        );
        for spelling in ["64 000", "64\u{a0}000", "64\u{202f}000", "64000", "064000"] {
            assert_eq!(fold(spelling), "64000", "{spelling:?}");
        }
        assert_eq!(fold("64,5"), fold("64,50"));
        assert_eq!(fold("0"), "0");
        // A year then a count, a date list, letters glued to a number.
        assert_eq!(words_of("en 2012 100 cas"), ["en", "2012", "100", "cas"]);
        assert_eq!(
            words_of("1 243 en 2009, 1 224"),
            ["1 243", "en", "2009", "1 224"]
        );
        assert_eq!(words_of("le 1er et 34e"), ["le", "1er", "et", "34e"]);
        assert_eq!(words_of("12 34 5 000,"), ["12", "34", "5 000"]);
        assert_eq!(fold("1er"), "1er");
    }

    #[test]
    fn words_are_on_char_boundaries_for_any_text() {
        let text = "Ω≈ç√∫ ﬁn œ🎉x 中文 \u{301}a\u{200d}b é 1\u{a0}000,5 9 99\u{a0}";
        for (s, e) in words(text) {
            assert!(s < e);
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }

    #[test]
    fn french_stems_join_singular_and_plural() {
        let fr = French::new();
        for (a, b) in [
            ("violence", "violences"),
            ("femme", "femmes"),
            ("protection", "protections"),
            ("enfant", "enfants"),
            ("etat", "etats"),
        ] {
            assert_eq!(fr.stem(a), fr.stem(b), "{a} / {b}");
        }
        assert_ne!(fr.stem("femme"), fr.stem("enfant"));
    }

    #[test]
    fn only_plain_words_are_stemmed() {
        let fr = French::new();
        assert_eq!(fr.stem("2012"), "2012");
        assert_eq!(fr.stem("қазақстан"), "қазақстан");
        let long = "a".repeat(10_000);
        assert_eq!(fr.stem(&long), long);
        assert_eq!(fr.stem(""), "");
    }
}
