//! Tokens: words, digit runs and punctuation, with byte offsets into the text.
//!
//! Owns the only walk over raw characters. Invariant: every `start`/`end` is a
//! char boundary of the text it was built from, and tokens are in text order.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner hyphens between letters ("vingt-deux").
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// The whitespace before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Glued to the previous token (same chunk).
    None,
    /// Exactly one space, no-break space or narrow no-break space.
    Space,
    /// Several spaces or a tab, on the same line.
    Spaces,
    /// At least one line break (or the start of the text).
    Newline,
}

/// One token of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower-cased text for words; the text itself otherwise.
    pub lower: String,
    pub gap: Gap,
}

impl Token<'_> {
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// True for a word token whose lower-case text is one of `words`.
    pub fn is_word(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.contains(&self.lower.as_str())
    }

    /// The first character of the token.
    pub fn first_char(&self) -> char {
        self.text.chars().next().unwrap_or(' ')
    }
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\u{2010}')
}

/// Normalises apostrophes so that words compare simply.
fn lower_word(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if is_hyphen(c) { '-' } else { c })
        .collect()
}

/// Splits `text` into tokens. Linear in the length of the text.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut gap = Gap::Newline;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            let newline = c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}';
            gap = match (gap, newline) {
                (Gap::Newline, _) | (_, true) => Gap::Newline,
                (Gap::None, false) if is_group_space(c) => Gap::Space,
                _ => Gap::Spaces,
            };
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            (Kind::Num, end)
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    iter.next();
                    continue;
                }
                if is_hyphen(d) {
                    // Keep the hyphen only when a letter follows it.
                    let rest = text.get(j + d.len_utf8()..).unwrap_or("");
                    if rest.chars().next().is_some_and(char::is_alphabetic) {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                }
                break;
            }
            (Kind::Word, end)
        } else {
            (Kind::Punct, i + c.len_utf8())
        };
        let slice = text.get(i..end).unwrap_or("");
        let lower = if kind == Kind::Word {
            lower_word(slice)
        } else {
            slice.to_string()
        };
        tokens.push(Token {
            kind,
            start: i,
            end,
            text: slice,
            lower,
            gap,
        });
        gap = Gap::None;
    }
    tokens
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art", "par", "al", "sect", "p", "pp", "chap", "vol", "no", "n", "m", "mme", "cf", "etc",
    "env", "ex", "paragr", "st", "dr", "mm", "réf", "doc",
];

/// Sentence number of each token: a sentence ends at `.`, `!`, `?` (not after an
/// abbreviation) or `…` followed by a space, and at the end of a paragraph break
/// (a blank line or a line that ends with sentence punctuation).
pub(crate) fn sentence_ids(tokens: &[Token<'_>]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(tokens.len());
    let mut id = 0u32;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && t.gap != Gap::None {
            let p = &tokens[i - 1];
            let ends = match p.first_char() {
                '!' | '?' | '…' if p.kind == Kind::Punct => true,
                '.' if p.kind == Kind::Punct => {
                    let abbrev = i >= 2
                        && tokens[i - 1].gap == Gap::None
                        && tokens[i - 2].kind == Kind::Word
                        && (ABBREVIATIONS.contains(&tokens[i - 2].lower.as_str())
                            // An initial: "K. B. Syzdykov".
                            || tokens[i - 2].text.chars().count() == 1
                                && tokens[i - 2].first_char().is_uppercase());
                    !abbrev || t.first_char().is_uppercase() && t.gap == Gap::Newline
                }
                _ => false,
            };
            if ends {
                id += 1;
            }
        }
        ids.push(id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation_with_gaps() {
        let t = tokenize("plus de 115\u{a0}526 en 2022, vingt-deux d’enfants");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "plus",
                "de",
                "115",
                "526",
                "en",
                "2022",
                ",",
                "vingt-deux",
                "d",
                "’",
                "enfants"
            ]
        );
        assert_eq!(t[3].gap, Gap::Space);
        assert_eq!(t[6].gap, Gap::None);
        assert_eq!(t[0].gap, Gap::Newline);
    }

    #[test]
    fn a_trailing_hyphen_is_not_part_of_a_word() {
        let t = tokenize("Kazakhstan-2050 anti- x");
        assert_eq!(t[0].text, "Kazakhstan");
        assert!(t[1].is_punct('-'));
    }
}
