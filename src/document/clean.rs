//! Clean text that remembers where it came from.
//!
//! [`TextBuilder`] receives pieces of original lines and produces the clean text of a
//! paragraph or heading: indentation and trailing blanks dropped, every run of white
//! space (tabs, U+00A0, U+202F, …) turned into one ASCII space, invisible characters
//! (zero-width space, BOM, soft hyphen) dropped, and hard-wrapped lines joined. Each
//! character it writes is recorded against its line and column in the original file
//! as a list of [`Span`]s: a span says "from this byte of clean text on, characters
//! come from consecutive columns of this line", so the map costs one entry per line
//! joined or irregularity removed, not one per byte.

/// A run of clean text whose characters come from consecutive columns of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Byte offset in the clean text where the run starts.
    pub start: usize,
    /// 1-based line in the original file.
    pub line: usize,
    /// 1-based column (in chars) of the run's first character.
    pub column: usize,
}

/// How two consecutive lines of one paragraph are put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// Hard-wrapped lines of one printed paragraph: a space, or nothing after a hyphen.
    Wrapped,
    /// Lines that each hold a printed paragraph of their own (list items, the several
    /// answer paragraphs under one question label): a newline.
    Paragraphs,
}

/// True for characters that take no room on the page and are simply dropped.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// True for characters that clean text turns into a plain space (all Unicode white
/// space — tab, U+00A0, U+202F, U+2009 … — and control characters such as form feed).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// True for the characters cleaning changes: [`is_space`] or [`is_invisible`].
fn is_special(c: char) -> bool {
    match u32::from(c) {
        0x21..=0x7E => false,
        // Exactly the characters of `is_space` and `is_invisible`, listed, as this
        // runs for every character that is not plain ASCII.
        0x00..=0x20
        | 0x7F..=0xA0
        | 0xAD
        | 0x1680
        | 0x2000..=0x200D
        | 0x2028
        | 0x2029
        | 0x202F
        | 0x205F
        | 0x2060
        | 0x3000
        | 0xFEFF => true,
        _ => false,
    }
}

/// The run of characters from byte `from` of `s` that cleaning leaves as they are,
/// up to the first one it changes (white space other than a single ASCII space before
/// a character that stays, and invisible characters) or the end: the byte where the
/// run ends, and how many characters it holds.
///
/// The text is scanned a byte at a time: visible ASCII and the bytes of most other
/// characters need no decoding, and characters are counted as the bytes that do not
/// continue one.
fn verbatim_run(s: &str, from: usize) -> (usize, usize) {
    let bytes = s.as_bytes();
    let (mut i, mut continuations) = (from, 0);
    loop {
        // Most of a report is visible ASCII and single spaces: such bytes are skipped
        // eight at a time, with no character to count.
        if let Some(word) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let plain = plain_prefix(u64::from_le_bytes(word));
            i += plain;
            if plain == 8 {
                continue;
            }
        }
        // The byte that stopped the skip (or one of the last seven), on its own.
        let Some(&b) = bytes.get(i) else {
            break;
        };
        match b {
            b'!'..=b'~' => {}
            b' ' => match bytes.get(i + 1) {
                Some(b'!'..=b'~') => i += 1,
                _ if s
                    .get(i + 1..)
                    .and_then(|r| r.chars().next())
                    .is_none_or(is_special) =>
                {
                    break
                }
                _ => {}
            },
            // The lead bytes of the only multi-byte characters `is_special` may accept
            // (U+0080–U+00BF, U+1680, U+2000–U+2FFF, U+3000, U+FEFF); the bytes that
            // follow a lead byte never look like one, so are skipped one at a time.
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                if s.get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(is_special)
                {
                    break;
                }
            }
            0x80..=0xBF => continuations += 1,
            0xC0.. => {}
            // ASCII control characters.
            _ => break,
        }
        i += 1;
    }
    (i, i - from - continuations)
}

/// How many of eight bytes of text (`word`, little-endian) `verbatim_run` can skip
/// without a look at each: the leading ones that are visible ASCII, or a space
/// followed by visible ASCII. All eight bytes are tested at once, in the high bit of
/// each.
fn plain_prefix(word: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = !word & HIGH;
    // Seven-bit values, so that no sum or difference below carries into the next
    // byte.
    let low = word & !HIGH;
    let from_0x21 = (low | HIGH).wrapping_sub(0x21 * ONES);
    let not_0x7f = !low.wrapping_add(ONES);
    let visible = ascii & from_0x21 & not_0x7f;
    let not_space = (low ^ (0x20 * ONES)).wrapping_add(0x7F * ONES);
    let spaces = ascii & !not_space;
    let skippable = visible | (spaces & (visible >> 8));
    // The first byte that is not skippable; 64 / 8 if there is none.
    (!skippable & HIGH).trailing_zeros() as usize / 8
}

/// True when `s` has more than `n` characters. They are counted only when its length
/// in bytes leaves a doubt: a character takes one to four bytes.
pub(crate) fn more_chars_than(s: &str, n: usize) -> bool {
    s.len() > n && (s.len() / 4 > n || s.chars().count() > n)
}

/// True when a line holds nothing visible.
pub(crate) fn is_blank(line: &str) -> bool {
    line.chars().all(is_trimmed)
}

/// The line without its leading and trailing white space (in the sense of [`is_space`])
/// and invisible characters.
pub(crate) fn trim(line: &str) -> &str {
    match (line.as_bytes().first(), line.as_bytes().last()) {
        // Nothing to trim: the common case, as lines are trimmed many times over.
        (Some(b'!'..=b'~'), Some(b'!'..=b'~')) => line,
        _ => trim_end(trim_start(line)),
    }
}

/// True for the characters [`trim`] removes.
fn is_trimmed(c: char) -> bool {
    is_space(c) || is_invisible(c)
}

/// True for the ASCII bytes [`trim`] removes: all of ASCII white space and control.
fn is_ascii_blank(b: &u8) -> bool {
    matches!(b, 0x00..=0x20 | 0x7F)
}

/// The line without its leading white space and invisible characters. Trimming is
/// done many times per line, so ASCII blanks are skipped a byte at a time, and
/// characters are decoded only when the line then starts with a non-ASCII one.
fn trim_start(line: &str) -> &str {
    let blanks = line.bytes().take_while(is_ascii_blank).count();
    let rest = line.get(blanks..).unwrap_or("");
    match rest.as_bytes().first() {
        Some(0x80..) => rest.trim_start_matches(is_trimmed),
        _ => rest,
    }
}

/// The line without its trailing white space and invisible characters (as
/// [`trim_start`]).
fn trim_end(line: &str) -> &str {
    let blanks = line.bytes().rev().take_while(is_ascii_blank).count();
    let rest = line.get(..line.len() - blanks).unwrap_or("");
    match rest.as_bytes().last() {
        Some(0x80..) => rest.trim_end_matches(is_trimmed),
        _ => rest,
    }
}

/// Word-processor markup left in the text by the extraction: bookmark anchors such
/// as `[bookmark: SUB531010300]`. Byte ranges in `piece`.
fn markup_ranges(piece: &str) -> Vec<std::ops::Range<usize>> {
    const OPEN: &str = "[bookmark:";
    let mut ranges = Vec::new();
    if !piece.contains('[') {
        return ranges;
    }
    let mut from = 0;
    while let Some(found) = piece.get(from..).and_then(|rest| rest.find(OPEN)) {
        let start = from + found;
        // Look for the closing bracket nearby only, so that an unclosed anchor costs
        // no more than its neighbourhood.
        let close = piece
            .as_bytes()
            .get(start..)
            .and_then(|rest| rest.iter().take(200).position(|b| *b == b']'));
        match close {
            Some(len) => {
                ranges.push(start..start + len + 1);
                from = start + len + 1;
            }
            None => from = start + OPEN.len(),
        }
    }
    ranges
}

/// Hyphens after which a wrapped line is joined to the next without a space.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Builds clean text and its map back to the original file.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    spans: Vec<Span>,
    /// Position the next character must have to extend the current span.
    expect: Option<(usize, usize)>,
    /// Position of the last character written (for the separator of the next join).
    last: Option<(usize, usize)>,
    /// The last line piece ended with a soft hyphen: join without a space.
    soft_break: bool,
}

impl TextBuilder {
    /// An empty builder.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    fn push_char(&mut self, c: char, line: usize, column: usize) {
        if self.expect != Some((line, column)) {
            self.spans.push(Span {
                start: self.text.len(),
                line,
                column,
            });
        }
        self.text.push(c);
        self.expect = Some((line, column + 1));
        self.last = Some((line, column));
    }

    /// Appends `piece`, the part of line `line` that starts at char column `column`,
    /// joining it to what is already there as `join` says.
    pub(crate) fn push_line(&mut self, piece: &str, line: usize, column: usize, join: Join) {
        if piece.contains("[bookmark:") {
            self.push_careful(piece, line, column, join);
            return;
        }
        let start = trim_start(piece);
        let inner = trim_end(start);
        if inner.is_empty() {
            return;
        }
        let lead = piece.len() - start.len();
        let mut col = column + piece.get(..lead).map_or(0, |p| p.chars().count());
        let tail = piece.get(lead + inner.len()..).unwrap_or("");
        self.separate(join);
        // Copy the maximal runs that need no cleaning as slices, and clean what lies
        // between them. A run's column is known from the characters written before it.
        let mut at = 0;
        loop {
            let (end, chars) = verbatim_run(inner, at);
            if let Some(run) = inner.get(at..end).filter(|run| !run.is_empty()) {
                self.write(run, line, col, chars);
            }
            col += chars;
            at = end;
            if at >= inner.len() {
                break;
            }
            // Consume the whole run of white space and invisible characters.
            let mut space_col = None;
            while let Some(c) = inner.get(at..).and_then(|r| r.chars().next()) {
                if is_space(c) {
                    space_col.get_or_insert(col);
                } else if !is_invisible(c) {
                    break;
                }
                at += c.len_utf8();
                col += 1;
            }
            if let Some(space_col) = space_col {
                self.push_char(' ', line, space_col);
            }
        }
        self.soft_break = tail.contains('\u{AD}');
    }

    /// `push_line` for a piece that holds markup to drop: one character at a time.
    fn push_careful(&mut self, piece: &str, line: usize, column: usize, join: Join) {
        let mut started = false;
        let mut pending_space: Option<(usize, bool)> = None; // (column, was one ASCII space)
        let mut soft_break = false;
        // Characters copied verbatim are written a slice at a time: (start byte,
        // start column, end byte) of the run not yet written.
        let mut run: Option<(usize, usize, usize)> = None;
        let markup = markup_ranges(piece);
        let mut markup = markup.iter().peekable();
        for (offset, (byte, c)) in piece.char_indices().enumerate() {
            let col = column + offset;
            while markup.peek().is_some_and(|r| r.end <= byte) {
                markup.next();
            }
            if markup.peek().is_some_and(|r| r.contains(&byte)) {
                self.flush(piece, line, run.take());
                continue;
            }
            if is_invisible(c) {
                self.flush(piece, line, run.take());
                soft_break = c == '\u{AD}';
                continue;
            }
            if is_space(c) {
                pending_space = match pending_space {
                    None => Some((col, c == ' ')),
                    Some((start, _)) => Some((start, false)),
                };
                continue;
            }
            if !started {
                started = true;
                self.separate(join);
            } else if let Some((space_col, single)) = pending_space {
                // One plain space inside a run is copied with it; anything else is
                // written as one space of its own.
                if !(single && run.is_some()) {
                    self.flush(piece, line, run.take());
                    self.push_char(' ', line, space_col);
                }
            }
            pending_space = None;
            soft_break = false;
            let end = byte + c.len_utf8();
            run = Some(match run {
                Some((start, start_col, _)) => (start, start_col, end),
                None => (byte, col, end),
            });
        }
        self.flush(piece, line, run);
        if started {
            self.soft_break = soft_break;
        }
    }

    /// Writes a verbatim run of `piece` (see `push_careful`): (start byte, start
    /// column, end byte).
    fn flush(&mut self, piece: &str, line: usize, run: Option<(usize, usize, usize)>) {
        if let Some((start, column, end)) = run {
            if let Some(slice) = piece.get(start..end) {
                self.write(slice, line, column, slice.chars().count());
            }
        }
    }

    /// Writes `run`, `chars` characters long, that comes verbatim from line `line`
    /// from column `column` on.
    fn write(&mut self, run: &str, line: usize, column: usize, chars: usize) {
        if self.expect != Some((line, column)) {
            self.spans.push(Span {
                start: self.text.len(),
                line,
                column,
            });
        }
        self.text.push_str(run);
        let last = column + chars.saturating_sub(1);
        self.expect = Some((line, last + 1));
        self.last = Some((line, last));
    }

    /// Writes the separator between the text so far and a new line's first character.
    fn separate(&mut self, join: Join) {
        let Some((line, column)) = self.last else {
            return;
        };
        let after_hyphen = {
            let mut rev = self.text.chars().rev();
            match (rev.next(), rev.next()) {
                (Some(h), Some(before)) => is_hyphen(h) && before.is_alphanumeric(),
                _ => false,
            }
        };
        match join {
            Join::Wrapped if self.soft_break || after_hyphen => {}
            Join::Wrapped => self.push_char(' ', line, column + 1),
            Join::Paragraphs => self.push_char('\n', line, column + 1),
        }
        self.soft_break = false;
    }

    /// The clean text and its span map, each copied to an allocation of its exact
    /// size. The builder is left empty but keeps its buffers, so that building many
    /// paragraphs one after another grows them only a few times.
    pub(crate) fn take(&mut self) -> (String, Vec<Span>) {
        let taken = (self.text.as_str().to_owned(), self.spans.to_vec());
        self.text.clear();
        self.spans.clear();
        self.expect = None;
        self.last = None;
        self.soft_break = false;
        taken
    }
}

/// The position of the character that holds byte `offset` of `text`, by `spans`.
pub(crate) fn position(text: &str, spans: &[Span], offset: usize) -> Option<(usize, usize)> {
    Positions::new(text, spans).at(offset)
}

/// Answers [`position`] for many offsets of one text: the characters counted
/// for one are kept for the next, so offsets asked in increasing order cost one
/// walk over the text in all, however long a span is.
pub(crate) struct Positions<'t> {
    text: &'t str,
    spans: &'t [Span],
    /// The span of the last answer, a byte in it, and the characters from the
    /// span's start to that byte.
    span: usize,
    byte: usize,
    chars: usize,
}

impl<'t> Positions<'t> {
    pub(crate) fn new(text: &'t str, spans: &'t [Span]) -> Self {
        Positions {
            text,
            spans,
            span: usize::MAX,
            byte: 0,
            chars: 0,
        }
    }

    /// The position of the character that holds byte `offset`.
    pub(crate) fn at(&mut self, offset: usize) -> Option<(usize, usize)> {
        if offset >= self.text.len() {
            return None;
        }
        let mut start = offset;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let index = self
            .spans
            .partition_point(|s| s.start <= start)
            .checked_sub(1)?;
        let span = self.spans.get(index)?;
        if index != self.span || start < self.byte {
            (self.span, self.byte, self.chars) = (index, span.start, 0);
        }
        self.chars += self.text.get(self.byte..start)?.chars().count();
        self.byte = start;
        Some((span.line, span.column + self.chars))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(pieces: &[(&str, usize)], join: Join) -> (String, Vec<Span>) {
        let mut b = TextBuilder::new();
        for (piece, line) in pieces {
            b.push_line(piece, *line, 1, join);
        }
        b.take()
    }

    #[test]
    fn positions_asked_in_any_order_are_those_asked_one_by_one() {
        let (text, spans) = build(
            &[("l’école à 12 km", 3), ("déjà 4 500 élèves", 4), ("ça", 9)],
            Join::Paragraphs,
        );
        let fresh = |offset: usize| {
            // Counted from the span's start, without the cursor.
            let index = spans
                .partition_point(|s| s.start <= offset)
                .checked_sub(1)?;
            let span = spans.get(index)?;
            let mut start = offset;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            Some((
                span.line,
                span.column + text.get(span.start..start)?.chars().count(),
            ))
        };
        let forward: Vec<usize> = (0..=text.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let zigzag: Vec<usize> = forward.iter().map(|i| (i * 7) % (text.len() + 1)).collect();
        for order in [forward, backward, zigzag] {
            let mut cursor = Positions::new(&text, &spans);
            for offset in order {
                let want = if offset < text.len() {
                    fresh(offset)
                } else {
                    None
                };
                assert_eq!(cursor.at(offset), want, "offset {offset}");
            }
        }
    }

    #[test]
    fn white_space_runs_become_one_space_and_digit_groups_survive() {
        let (text, _) = build(&[("\tsoit\u{a0}115\u{202f}526  cas\t ", 1)], Join::Wrapped);
        assert_eq!(text, "soit 115 526 cas");
    }

    #[test]
    fn wrapped_lines_join_with_a_space_but_not_after_a_hyphen() {
        let (text, _) = build(
            &[
                ("la stratégie Kazakhstan-", 1),
                ("2050 et la non-", 3),
                ("discrimination", 5),
            ],
            Join::Wrapped,
        );
        assert_eq!(
            text,
            "la stratégie Kazakhstan-2050 et la non-discrimination"
        );
    }

    #[test]
    fn a_spaced_dash_at_the_end_of_a_line_keeps_its_space() {
        let (text, _) = build(&[("2019 -", 1), ("2023", 2)], Join::Wrapped);
        assert_eq!(text, "2019 - 2023");
    }

    #[test]
    fn a_soft_hyphen_at_the_end_of_a_line_is_a_word_break() {
        let (text, _) = build(&[("dévelop\u{ad}", 1), ("pement", 2)], Join::Wrapped);
        assert_eq!(text, "développement");
    }

    #[test]
    fn paragraph_lines_join_with_a_newline() {
        let (text, _) = build(&[("\tUn.", 1), ("\tDeux.", 2)], Join::Paragraphs);
        assert_eq!(text, "Un.\nDeux.");
    }

    #[test]
    fn every_byte_maps_back_to_its_line_and_column() {
        let mut b = TextBuilder::new();
        b.push_line("  ab\u{a0}\u{a0}cé", 4, 1, Join::Wrapped);
        b.push_line("d", 6, 3, Join::Wrapped);
        let (text, spans) = b.take();
        assert_eq!(text, "ab cé d");
        let at = |o| position(&text, &spans, o);
        assert_eq!(at(0), Some((4, 3))); // a
        assert_eq!(at(2), Some((4, 5))); // the first of the two NBSPs
        assert_eq!(at(3), Some((4, 7))); // c
        assert_eq!(at(4), Some((4, 8))); // é, first byte
        assert_eq!(at(5), Some((4, 8))); // é, second byte
        assert_eq!(at(6), Some((4, 9))); // join space: just past the line's last char
        assert_eq!(at(7), Some((6, 3))); // d
        assert_eq!(at(8), None);
    }

    #[test]
    fn the_fast_path_agrees_with_the_careful_one() {
        for piece in [
            "l’État a veillé",
            "a\u{a0}b",
            "a\u{202f}b",
            "a  b",
            "a\tb",
            "x\u{2009}y",
            "\u{feff}a",
            "a\u{200b}b",
            "é è ’",
            " \t lead and trail \u{a0}",
            "a \u{200b} b",
            "a\u{ad}b",
            "\u{0}x\u{7f}y",
            "日本 語  🦀",
        ] {
            let mut slow = String::new();
            let mut prev_space = false;
            for c in piece.chars() {
                if is_invisible(c) {
                    continue;
                }
                if is_space(c) {
                    prev_space = true;
                    continue;
                }
                if prev_space && !slow.is_empty() {
                    slow.push(' ');
                }
                prev_space = false;
                slow.push(c);
            }
            let (fast, fast_spans) = build(&[(piece, 1)], Join::Wrapped);
            assert_eq!(fast, slow, "{piece:?}");
            let mut careful = TextBuilder::new();
            careful.push_careful(piece, 1, 1, Join::Wrapped);
            let (careful, careful_spans) = careful.take();
            assert_eq!(fast, careful, "{piece:?}");
            for offset in 0..fast.len() {
                assert_eq!(
                    position(&fast, &fast_spans, offset),
                    position(&careful, &careful_spans, offset),
                    "{piece:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn bookmark_anchors_are_dropped() {
        let (text, spans) = build(&[("[bookmark: SUB5310]En 2012, le", 1)], Join::Wrapped);
        assert_eq!(text, "En 2012, le");
        assert_eq!(position(&text, &spans, 0), Some((1, 20)));
        let (text, _) = build(&[("voir [bookmark: sans fin", 1)], Join::Wrapped);
        assert_eq!(text, "voir [bookmark: sans fin");
        let unclosed = "[bookmark:".repeat(100_000);
        let started = std::time::Instant::now();
        let (text, _) = build(&[(&unclosed, 1)], Join::Wrapped);
        assert_eq!(text, unclosed);
        assert!(
            started.elapsed().as_secs() < 5,
            "unclosed anchors are linear"
        );
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let (text, spans) = build(&[("\u{feff}a\u{200b}b", 1)], Join::Wrapped);
        assert_eq!(text, "ab");
        assert_eq!(position(&text, &spans, 1), Some((1, 4)));
    }

    #[test]
    fn the_quick_filter_misses_no_special_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(
                is_special(c),
                is_space(c) || is_invisible(c),
                "{:X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn the_byte_scan_stops_where_the_character_scan_does() {
        // What `verbatim_run` finds, one character at a time.
        fn slow(s: &str) -> (usize, usize) {
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let stop = chars.iter().enumerate().find_map(|(k, (at, c))| {
                let next = chars.get(k + 1).map(|(_, n)| *n);
                let kept_space = *c == ' ' && next.is_some_and(|n| !is_special(n));
                (is_special(*c) && !kept_space).then_some((*at, k))
            });
            stop.unwrap_or((s.len(), chars.len()))
        }
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("a{c}b"),
                format!("é {c}"),
                format!("{c} "),
                format!("{c}"),
                // Long enough for the eight-byte steps, before and after `c`.
                format!("une phrase de{c}huit octets ou plus, {c} et {c}{c}x"),
            ] {
                assert_eq!(verbatim_run(&s, 0), slow(&s), "{:X}", u32::from(c));
            }
        }
    }

    #[test]
    fn the_eight_byte_skip_agrees_with_a_byte_by_byte_one() {
        // Every byte value at every place, among plain letters, spaces and one another.
        let mut words = Vec::new();
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [*b"abcdefgh", *b"a b c d ", *b" a b c d", *b"~!~!\xff\x7f!~"] {
                    let mut w = fill;
                    if let Some(slot) = w.get_mut(at) {
                        *slot = b;
                    }
                    words.push(w);
                    if let Some(next) = w.get_mut(at + 1) {
                        *next = b' ';
                    }
                    words.push(w);
                }
            }
        }
        let visible = |b: Option<&u8>| b.is_some_and(|b| (b'!'..=b'~').contains(b));
        for w in words {
            let expected = (0..8)
                .take_while(|&k| {
                    visible(w.get(k)) || (w.get(k) == Some(&b' ') && visible(w.get(k + 1)))
                })
                .count();
            assert_eq!(plain_prefix(u64::from_le_bytes(w)), expected, "{w:?}");
        }
    }

    #[test]
    fn trim_removes_what_trim_matches_would() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!(" {c}x{c}\t"),
                format!("\u{a0}{c} {c}\u{200b}"),
                format!("{c}{c} é"),
            ] {
                assert_eq!(trim(&s), s.trim_matches(is_trimmed), "{:X}", u32::from(c));
            }
        }
    }

    #[test]
    fn more_chars_than_counts_characters_not_bytes() {
        for s in ["", "a", "é", "日本語", "🦀🦀", "abcdefgh", "é🦀a日"] {
            for n in 0..10 {
                assert_eq!(more_chars_than(s, n), s.chars().nth(n).is_some(), "{s} {n}");
            }
        }
    }

    #[test]
    fn blank_and_trim_know_unicode_spaces() {
        assert!(is_blank(" \u{a0}\t\u{200b}\u{c}"));
        assert!(!is_blank(" x "));
        assert_eq!(trim("\u{a0} x\u{202f}"), "x");
    }
}
