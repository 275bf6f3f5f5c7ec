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
    /// Lower-cased text for words (hyphens normalised); the text itself otherwise.
    pub lower: &'a str,
    pub gap: Gap,
    /// True for the first token after a paragraph separator (U+2029): sentences,
    /// parentheses and lists never run across it.
    pub para_start: bool,
}

impl Token<'_> {
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// True for a word token whose lower-case text is one of `words`.
    pub fn is_word(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.contains(&self.lower)
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

/// True when a word needs lower-casing: an upper-case first letter (French
/// capitalises words at their start: "En", "ONG") or a non-ASCII hyphen.
fn needs_lowering(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii() => !s.is_ascii() && s.contains(['\u{2011}', '\u{2010}']),
        _ => s.chars().next().is_some_and(is_upper) || s.contains(['\u{2011}', '\u{2010}']),
    }
}

/// Appends the lower-cased word, hyphens normalised, to `arena`.
fn push_lowered(arena: &mut String, s: &str) {
    if s.is_ascii() {
        arena.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        for c in s.chars() {
            if is_hyphen(c) {
                arena.push('-');
            } else {
                arena.extend(c.to_lowercase());
            }
        }
    }
}

/// The char at byte `i` of `text` (a char boundary) and its length.
fn char_at(text: &str, bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{bf}' => c == 'ª' || c == 'µ' || c == 'º',
        // General punctuation, symbols, arrows…: never letters.
        '\u{2000}'..='\u{2bff}' => false,
        // Latin-1 letters, the bulk of French accents, without a table look-up.
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        _ => c.is_alphabetic(),
    }
}

/// True for an upper-case letter, with a fast path for ASCII and Latin-1.
pub(crate) fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' => true,
        '\u{0}'..='\u{bf}' => false,
        '\u{c0}'..='\u{de}' => c != '\u{d7}',
        '\u{df}'..='\u{ff}' => false,
        _ => c.is_uppercase(),
    }
}

/// Separates paragraphs joined into one text (`extract_document`).
pub(crate) const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// Splits `text` into tokens. Linear in the length of the text. Lower-cased
/// words are written to `arena` (one buffer, not one allocation per word).
pub(crate) fn tokenize<'a>(text: &'a str, arena: &'a mut String) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    arena.clear();
    let mut tokens: Vec<Token<'a>> = Vec::with_capacity(text.len() / 5 + 4);
    // Tokens whose lower-cased text is in the arena, placed once it is complete.
    let mut lowered: Vec<(usize, usize, usize)> = Vec::new();
    let mut gap = Gap::Newline;
    let mut para_start = true;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, bytes, i) {
        let space = match c {
            ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => true,
            '\u{0}'..='\u{7f}' => false,
            '\u{a0}' | '\u{202f}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' => true,
            '\u{80}'..='\u{ff}' | '\u{2010}'..='\u{2027}' => c == '\u{85}',
            _ => c.is_whitespace(),
        };
        if space {
            para_start |= c == PARAGRAPH_SEPARATOR;
            let newline = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            gap = match (gap, newline) {
                (Gap::Newline, _) | (_, true) => Gap::Newline,
                (Gap::None, false) if is_group_space(c) => Gap::Space,
                _ => Gap::Spaces,
            };
            i += len;
            continue;
        }
        let mut end = i + len;
        let kind = if c.is_ascii_digit() {
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            Kind::Num
        } else if is_letter(c) {
            loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_alphabetic() => end += 1,
                    Some(&b) if b < 0x80 => {
                        // Keep a hyphen only when a letter follows it.
                        if b == b'-'
                            && char_at(text, bytes, end + 1).is_some_and(|(n, _)| is_letter(n))
                        {
                            end += 1;
                        } else {
                            break;
                        }
                    }
                    Some(_) => match char_at(text, bytes, end) {
                        Some((d, dl)) if is_letter(d) => end += dl,
                        Some((d, dl))
                            if is_hyphen(d)
                                && char_at(text, bytes, end + dl)
                                    .is_some_and(|(n, _)| is_letter(n)) =>
                        {
                            end += dl
                        }
                        _ => break,
                    },
                    None => break,
                }
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        let slice = text.get(i..end).unwrap_or("");
        if kind == Kind::Word && needs_lowering(slice) {
            let a = arena.len();
            push_lowered(arena, slice);
            lowered.push((tokens.len(), a, arena.len()));
        }
        tokens.push(Token {
            kind,
            start: i,
            end,
            text: slice,
            lower: slice,
            gap,
            para_start,
        });
        gap = Gap::None;
        para_start = false;
        i = end;
    }
    let arena: &'a String = arena;
    for (k, a, b) in lowered {
        if let (Some(t), Some(lower)) = (tokens.get_mut(k), arena.get(a..b)) {
            t.lower = lower;
        }
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
        if i > 0 && t.para_start {
            id += 1;
        } else if i > 0 && t.gap != Gap::None {
            let p = &tokens[i - 1];
            let ends = match p.first_char() {
                '!' | '?' | '…' if p.kind == Kind::Punct => true,
                '.' if p.kind == Kind::Punct => {
                    let abbrev = i >= 2
                        && tokens[i - 1].gap == Gap::None
                        && tokens[i - 2].kind == Kind::Word
                        && (ABBREVIATIONS.contains(&tokens[i - 2].lower)
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
        let mut arena = String::new();
        let t = tokenize(
            "plus de 115\u{a0}526 en 2022, vingt-deux d’enfants",
            &mut arena,
        );
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
        let mut arena = String::new();
        let t = tokenize("Kazakhstan-2050 anti- x", &mut arena);
        assert_eq!(t[0].text, "Kazakhstan");
        assert!(t[1].is_punct('-'));
    }
}
