//! Tokens: words, digit runs and punctuation, with byte offsets into the text.
//!
//! Owns the only walk over raw characters. Invariant: every `start`/`end` is a
//! char boundary of the text it was built from, and tokens are in text order.
//! The stream is cut into paragraphs ([`Stream::paragraphs`]); a rule is given
//! one paragraph's [`Tokens`], so the paragraph boundary is the end of what it
//! can index.

/// Defines `fn $name(word: &str) -> bool` for a set of words known at compile
/// time. One `match` (the compiler dispatches on length, then compares) tests
/// far fewer strings than a scan of a list: for the lists the rules test on
/// every token around a number.
macro_rules! word_set {
    ($(#[$doc:meta])* fn $name:ident = [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        fn $name(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
}
pub(crate) use word_set;

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
    pub text: &'a str,
    /// Lower-cased text for words (hyphens normalised); the text itself otherwise.
    pub lower: &'a str,
    pub gap: Gap,
    /// True for the first token after a paragraph separator (U+2029): sentences,
    /// parentheses and lists never run across it.
    pub para_start: bool,
    /// The first character of `text`, kept because the rules test it constantly
    /// (it fits in the padding of the other fields).
    pub first: char,
    /// The number of the sentence holding the token, counted from 0 (see
    /// [`ends_sentence`]).
    pub sentence: u32,
}

impl Token<'_> {
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.first == c
    }

    /// True for a word token whose lower-case text is one of `words`.
    pub fn is_word(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.contains(&self.lower)
    }

    /// The first character of the token.
    pub fn first_char(&self) -> char {
        self.first
    }

    /// One past the token's last byte in the text.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The tokens of a text cut into paragraphs: the paragraph separator (U+2029)
/// is part of the stream as the boundary between two token lists, so that no
/// rule, whatever window it reads, can see a token of another paragraph.
pub(crate) struct Stream<'a> {
    list: Vec<Token<'a>>,
    /// Per paragraph, in order: where its tokens, numbers, lines and parentheses
    /// start in the four lists (an empty paragraph may appear, never read).
    paragraphs: Vec<[usize; 4]>,
    /// Indices, relative to their paragraph, of the [`Kind::Num`] tokens.
    numbers: Vec<usize>,
    /// Indices, relative to their paragraph, of the tokens that start a line.
    lines: Vec<usize>,
    /// Indices, relative to their paragraph, of "(" and ")".
    parens: Vec<usize>,
}

impl<'a> Stream<'a> {
    /// The paragraphs, each a [`Tokens`] view that holds nothing of the others.
    pub fn paragraphs(&self) -> impl Iterator<Item = Tokens<'_, 'a>> + '_ {
        let end = [
            self.list.len(),
            self.numbers.len(),
            self.lines.len(),
            self.parens.len(),
        ];
        self.paragraphs
            .iter()
            .enumerate()
            .map(move |(p, from)| {
                let to = self.paragraphs.get(p + 1).unwrap_or(&end);
                Tokens {
                    list: self.list.get(from[0]..to[0]).unwrap_or_default(),
                    numbers: self.numbers.get(from[1]..to[1]).unwrap_or_default(),
                    lines: self.lines.get(from[2]..to[2]).unwrap_or_default(),
                    parens: self.parens.get(from[3]..to[3]).unwrap_or_default(),
                }
            })
            // Separators with no token between them make empty paragraphs.
            .filter(|t| !t.list.is_empty())
    }
}

#[cfg(test)]
impl<'a> Stream<'a> {
    /// The first paragraph (tests of one paragraph).
    pub fn single(&self) -> Tokens<'_, 'a> {
        self.paragraphs().next().unwrap_or(Tokens {
            list: &[],
            numbers: &[],
            lines: &[],
            parens: &[],
        })
    }
}

/// The tokens of one paragraph, and where its digit runs are: several rules
/// look only at numbers, which are one token in twenty. Indices are into `list`.
pub(crate) struct Tokens<'t, 'a> {
    pub list: &'t [Token<'a>],
    /// Indices in `list` of the [`Kind::Num`] tokens, in order.
    pub numbers: &'t [usize],
    /// Indices of the tokens that start a line ([`Gap::Newline`]), in order.
    pub lines: &'t [usize],
    /// Indices of the parentheses, "(" and ")", in order.
    pub parens: &'t [usize],
}

impl<'a> std::ops::Deref for Tokens<'_, 'a> {
    type Target = [Token<'a>];

    fn deref(&self) -> &[Token<'a>] {
        self.list
    }
}

impl Tokens<'_, '_> {
    /// The index of the first digit run at or after token `from`.
    pub fn next_number(&self, from: usize) -> Option<usize> {
        let p = self.numbers.partition_point(|&n| n < from);
        self.numbers.get(p).copied()
    }
}

/// The index of the first token at or after `from` that satisfies `wanted`.
///
/// The rules skip most tokens; a search over the slice compiles to a far
/// tighter loop than stepping an index that the loop body also reads (kept out
/// of line so that the compiler cannot fuse the two again).
#[inline(never)]
pub(crate) fn next_where(
    tokens: &[Token<'_>],
    from: usize,
    wanted: impl FnMut(&Token<'_>) -> bool,
) -> Option<usize> {
    let skip = tokens.get(from..)?.iter().position(wanted)?;
    Some(from + skip)
}

/// The sentence number of token `k`, if there is such a token.
pub(crate) fn sentence(tokens: &[Token<'_>], k: usize) -> Option<u32> {
    tokens.get(k).map(|t| t.sentence)
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\u{2010}')
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

/// Separates paragraphs joined into one text (`extract_document`). A blank line
/// separates paragraphs too.
pub(crate) const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// White space other than the ASCII space (which the tokenizer handles first).
fn is_other_space(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => true,
        '\u{0}'..='\u{7f}' => false,
        '\u{a0}' | '\u{202f}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' => true,
        '\u{80}'..='\u{ff}' | '\u{2010}'..='\u{2027}' => c == '\u{85}',
        _ => c.is_whitespace(),
    }
}

/// The number of ASCII letters at the start of `bytes`, tested eight at a time
/// (a word of French prose is mostly ASCII letters; this is the hottest loop of
/// extraction).
fn ascii_letters(bytes: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        // Per byte, without carries between bytes: lower-case it, then the high
        // bit says "at least 'a'" and "past 'z'"; bytes of 0x80 and up are out.
        let low7 = (word | 0x2020_2020_2020_2020) & LOW7;
        let from_a = low7 + 0x1f1f_1f1f_1f1f_1f1f;
        let past_z = low7 + 0x0505_0505_0505_0505;
        let not_letters = !(from_a & !past_z & !word) & HIGH;
        if not_letters != 0 {
            // Little-endian: the lowest set bit is the first byte that is no letter.
            return n + not_letters.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + bytes.get(n..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_alphabetic()).count()
    })
}

/// The end of the word whose first character ends at byte `i` (letters, and
/// hyphens with a letter on both sides), and whether it holds a non-ASCII hyphen
/// (which the lower-cased form normalises).
#[inline(always)]
fn word_end(text: &str, bytes: &[u8], mut i: usize) -> (usize, bool) {
    loop {
        i += bytes.get(i..).map_or(0, ascii_letters);
        match bytes.get(i) {
            Some(0xC3) if is_latin1_letter(bytes, i) => i += 2,
            Some(&b) if b == b'-' || b >= 0x80 => return word_end_slow(text, bytes, i),
            _ => return (i, false),
        }
    }
}

/// True when the two bytes at `i` are a Latin-1 letter ("é", "à", "ç": all of
/// U+00C0..U+00FF but × and ÷), told without decoding.
fn is_latin1_letter(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xC3) && bytes.get(i + 1).is_some_and(|&n| n != 0x97 && n != 0xB7)
}

/// [`word_end`] past a hyphen or a non-ASCII character.
#[cold]
#[inline(never)]
fn word_end_slow(text: &str, bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut odd_hyphen = false;
    loop {
        i += bytes.get(i..).map_or(0, ascii_letters);
        match bytes.get(i) {
            Some(0xC3) if is_latin1_letter(bytes, i) => i += 2,
            Some(b'-') if char_at(text, bytes, i + 1).is_some_and(|(n, _)| is_letter(n)) => i += 1,
            Some(&b) if b >= 0x80 => match char_at(text, bytes, i) {
                Some((d, dl)) if is_letter(d) => i += dl,
                Some((d, dl))
                    if is_hyphen(d)
                        && char_at(text, bytes, i + dl).is_some_and(|(n, _)| is_letter(n)) =>
                {
                    odd_hyphen = true;
                    i += dl;
                }
                _ => return (i, odd_hyphen),
            },
            _ => return (i, odd_hyphen),
        }
    }
}

/// True when the line break `newline` at byte `i` ends a blank line: only white
/// space stands between it and the line break before it. Reads back over that
/// white space only, which no other line break reads again.
#[cold]
#[inline(never)]
fn blank_line_ends_at(bytes: &[u8], i: usize, newline: Option<char>) -> bool {
    // "\r\n" is one line break, ended by its "\n".
    if newline == Some('\r') && bytes.get(i + 1) == Some(&b'\n') {
        return false;
    }
    let mut k = i;
    while let Some(k1) = k.checked_sub(1) {
        match bytes.get(k1) {
            Some(b' ' | b'\t') => k = k1,
            Some(b'\r') if newline == Some('\n') && k1 + 1 == i => k = k1,
            Some(b'\n' | b'\r') => return true,
            // U+2028 and U+2029 end in 0xA8 / 0xA9 after 0xE2 0x80.
            Some(0xA8 | 0xA9) if k1 >= 2 && bytes.get(k1 - 2..k1) == Some(&[0xE2, 0x80]) => {
                return true
            }
            // No-break spaces (U+00A0 is C2 A0) count as white space.
            Some(0xA0) if k1 >= 1 && bytes.get(k1 - 1) == Some(&0xC2) => k = k1 - 1,
            _ => return false,
        }
    }
    false
}

/// What starts at a byte that is neither an ASCII letter, digit nor space.
enum Other {
    /// White space of `len` bytes.
    Space {
        len: usize,
        /// The character, when it breaks the line.
        newline: Option<char>,
        /// A space that may group digits ("115 526"), as one ASCII space does.
        group: bool,
    },
    /// A token: kind, end, first character, and whether it needs lower-casing.
    Token(Kind, usize, char, bool),
    /// Not a char boundary: cannot happen in a `&str`, ends the walk.
    End,
}

/// Reads what starts at byte `i` when it is not ASCII letter, digit or space
/// (out of line: rare next to the ASCII paths of [`tokenize`]).
#[inline(never)]
fn other_token(text: &str, bytes: &[u8], i: usize) -> Other {
    let Some((c, len)) = char_at(text, bytes, i) else {
        return Other::End;
    };
    if is_other_space(c) {
        let newline = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}').then_some(c);
        return Other::Space {
            len,
            newline,
            group: is_group_space(c),
        };
    }
    if is_letter(c) {
        let (end, odd_hyphen) = word_end(text, bytes, i + len);
        Other::Token(Kind::Word, end, c, odd_hyphen || is_upper(c))
    } else {
        Other::Token(Kind::Punct, i + len, c, false)
    }
}

/// Splits `text` into tokens. Linear in the length of the text. Lower-cased
/// words are written to `arena` (one buffer, not one allocation per word).
///
/// This is the only loop over every byte of the reports, so ASCII, which is
/// most of French prose, takes short paths that decode nothing.
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn tokenize<'a>(text: &'a str, arena: &'a mut String) -> Stream<'a> {
    let bytes = text.as_bytes();
    arena.clear();
    // About one token per six bytes of French prose.
    let mut tokens: Vec<Token<'a>> = Vec::with_capacity(text.len() / 5 + 4);
    // Tokens whose lower-cased text is in the arena, placed once it is complete.
    let mut lowered: Vec<(usize, usize, usize)> = Vec::new();
    let mut numbers = Vec::new();
    let mut lines = Vec::new();
    let mut parens = Vec::new();
    // Where each paragraph starts in the four lists; indices pushed to the
    // last three are counted from `base`, the paragraph's first token.
    let mut paragraphs = vec![[0usize; 4]];
    let mut base = 0;
    let mut gap = Gap::Newline;
    let mut para_start = true;
    let mut sentence = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (kind, end, first, lower) = match b {
            b' ' => {
                gap = match gap {
                    Gap::None => Gap::Space,
                    Gap::Newline => Gap::Newline,
                    Gap::Space | Gap::Spaces => Gap::Spaces,
                };
                i += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                let (end, odd_hyphen) = word_end(text, bytes, i + 1);
                (
                    Kind::Word,
                    end,
                    char::from(b),
                    odd_hyphen || b.is_ascii_uppercase(),
                )
            }
            b'0'..=b'9' => {
                let mut end = i + 1;
                while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
                (Kind::Num, end, char::from(b), false)
            }
            // ASCII punctuation: letters and digits matched above.
            b'!'..=b'~' => {
                if b == b'(' || b == b')' {
                    parens.push(tokens.len() - base);
                }
                (Kind::Punct, i + 1, char::from(b), false)
            }
            // The French apostrophe "’" (U+2019), in every other sentence.
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => {
                (Kind::Punct, i + 3, '’', false)
            }
            _ => match other_token(text, bytes, i) {
                Other::Space {
                    len,
                    newline,
                    group,
                } => {
                    // A paragraph separator, or a blank line: a new paragraph.
                    if !para_start
                        && (newline == Some(PARAGRAPH_SEPARATOR)
                            || newline.is_some() && blank_line_ends_at(bytes, i, newline))
                        && !tokens.is_empty()
                    {
                        // The next token starts a paragraph.
                        para_start = true;
                        base = tokens.len();
                        paragraphs.push([base, numbers.len(), lines.len(), parens.len()]);
                    }
                    gap = match (gap, newline) {
                        (Gap::Newline, _) | (_, Some(_)) => Gap::Newline,
                        (Gap::None, None) if group => Gap::Space,
                        _ => Gap::Spaces,
                    };
                    i += len;
                    continue;
                }
                Other::Token(kind, end, first, lower) => (kind, end, first, lower),
                Other::End => break,
            },
        };
        let slice = text.get(i..end).unwrap_or("");
        // Only a paragraph start or punctuation before a gap can end a sentence.
        let after_punct = gap != Gap::None && tokens.last().is_some_and(|p| p.kind == Kind::Punct);
        if (para_start || after_punct) && ends_sentence(&tokens, first, gap, para_start) {
            sentence += 1;
        }
        if kind == Kind::Num {
            numbers.push(tokens.len() - base);
        }
        if gap == Gap::Newline {
            lines.push(tokens.len() - base);
        }
        if lower {
            lower_into(arena, &mut lowered, tokens.len(), slice);
        }
        tokens.push(Token {
            kind,
            start: i,
            text: slice,
            lower: slice,
            gap,
            para_start,
            first,
            sentence,
        });
        para_start = false;
        // A single ASCII space before the next token, the commonest gap.
        if bytes.get(end) == Some(&b' ') && bytes.get(end + 1) != Some(&b' ') {
            gap = Gap::Space;
            i = end + 1;
        } else {
            gap = Gap::None;
            i = end;
        }
    }
    let arena: &'a String = arena;
    for (k, a, b) in lowered {
        if let (Some(t), Some(lower)) = (tokens.get_mut(k), arena.get(a..b)) {
            t.lower = lower;
        }
    }
    Stream {
        list: tokens,
        paragraphs,
        numbers,
        lines,
        parens,
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art", "par", "al", "sect", "p", "pp", "chap", "vol", "no", "n", "m", "mme", "cf", "etc",
    "env", "ex", "paragr", "st", "dr", "mm", "réf", "doc",
];

/// Writes the lower-cased `word` to the arena and notes where it is for token
/// `k` (out of line: one word in ten starts with a capital).
#[inline(never)]
fn lower_into(arena: &mut String, lowered: &mut Vec<(usize, usize, usize)>, k: usize, word: &str) {
    let a = arena.len();
    push_lowered(arena, word);
    lowered.push((k, a, arena.len()));
}

/// True when a token after `tokens` (with the given first character and gap)
/// starts a new sentence: a sentence ends at `.`, `!`, `?` (not after an
/// abbreviation) or `…` followed by a space, and at the end of a paragraph.
#[inline(never)]
fn ends_sentence(tokens: &[Token<'_>], first: char, gap: Gap, para_start: bool) -> bool {
    let [.., p] = tokens else {
        return false;
    };
    if para_start {
        return true;
    }
    if gap == Gap::None || p.kind != Kind::Punct {
        return false;
    }
    match p.first {
        '!' | '?' | '…' => true,
        '.' => {
            let abbrev = match tokens {
                [.., w, p] => {
                    p.gap == Gap::None
                        && w.kind == Kind::Word
                        && (ABBREVIATIONS.contains(&w.lower)
                            // An initial: "K. B. Syzdykov".
                            || w.text.chars().count() == 1 && w.first.is_uppercase())
                }
                _ => false,
            };
            !abbrev || first.is_uppercase() && gap == Gap::Newline
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation_with_gaps() {
        let mut arena = String::new();
        let stream = tokenize(
            "plus de 115\u{a0}526 en 2022, vingt-deux d’enfants",
            &mut arena,
        );
        let t = stream.single();
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
    fn counts_ascii_letters_eight_at_a_time_as_one_at_a_time() {
        let mut bytes: Vec<u8> = (0..=255).collect();
        bytes.extend(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{");
        for start in 0..bytes.len() {
            for len in [0, 1, 7, 8, 9, 16, 17, 40] {
                let mut sample: Vec<u8> = bytes.iter().skip(start).take(len).copied().collect();
                sample.splice(0..0, b"Kazakhstan".iter().copied());
                let slow = sample
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                assert_eq!(ascii_letters(&sample), slow, "{sample:?}");
            }
        }
    }

    #[test]
    fn a_trailing_hyphen_is_not_part_of_a_word() {
        let mut arena = String::new();
        let stream = tokenize("Kazakhstan-2050 anti- x", &mut arena);
        let t = stream.single();
        assert_eq!(t[0].text, "Kazakhstan");
        assert!(t[1].is_punct('-'));
    }
}
