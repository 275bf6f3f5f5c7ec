//! Partial periods: the months a dated figure covers when the text says they are
//! not a whole calendar year ("au cours des huit premiers mois de 2025", "premier
//! semestre de 2024", "de juillet à décembre 2024", "de 2022 à la fin d'août
//! 2025", "au 1er juillet 2025").
//!
//! Invariant: a period is only ever read from the words that state the fact's own
//! (last) year, inside the fact's sentence and a bounded window around its number:
//! time linear in the text, no rule keyed on one sentence. A whole calendar year,
//! or a stock at a year boundary ("au 1er janvier", "au 31 décembre"), is no
//! period: that is what a yearly figure already means.

use serde::{Serialize, Serializer};

/// A month of a year, serialised `"2025-08"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 (January) to 12 (December).
    pub month: u8,
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The months a figure covers, `from` and `to` inclusive, when they are not one
/// whole calendar year. A stock counted on a day ("au 1er juillet 2025") has
/// `from == to` and that day in `as_of`.
///
/// Serialised as `{"from":"2025-01","to":"2025-08"}`, with `"as_of":"2025-07-01"`
/// for a stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: Month,
    pub to: Month,
    /// The day of `to` a stock was counted on.
    pub as_of: Option<u8>,
}

impl Period {
    /// The months `from` to `to` (1 to 12) of one year.
    pub fn months(year: i32, from: u8, to: u8) -> Period {
        Period {
            from: Month { year, month: from },
            to: Month { year, month: to },
            as_of: None,
        }
    }

    /// ISO 8601: `"2025-01/2025-08"` for months, `"2025-07-01"` for a stock's day.
    pub fn iso(&self) -> String {
        match self.as_of {
            Some(day) => format!("{}-{day:02}", self.to),
            None => format!("{}/{}", self.from, self.to),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("from", &self.from)?;
        map.serialize_entry("to", &self.to)?;
        if let Some(day) = self.as_of {
            map.serialize_entry("as_of", &format!("{}-{day:02}", self.to))?;
        }
        map.end()
    }
}

use super::{Fact, Year, YearSource};
use std::cell::Cell;

/// How far around a number (in bytes, each side) its sentence is read for a period.
const WINDOW: usize = 320;

/// What the period rules need of a whole text, found in one walk of it: where
/// sentences end, and the words a time expression can end on. Each fact then
/// finds its sentence window by a search forward from the previous fact's (facts
/// come in text order; [`super::partition_from`]), and most facts (those with no
/// such word in their window) are done without reading their window's words.
pub(crate) struct Index {
    /// Each character that ends a sentence ([`ends_sentence`]): its byte range.
    stops: Vec<(usize, usize)>,
    /// Each run of letters and digits that can end a time expression: a year,
    /// "année" or a month ([`anchors`]), in text order.
    anchors: Vec<Candidate>,
    /// The answers to the last questions, in `stops` (before and after a
    /// number) and `anchors`: facts come in text order, so each is searched
    /// forward from there ([`super::partition_from`]).
    cursors: [Cell<usize>; 3],
}

/// A word that can anchor a time expression, at bytes `start..end`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    /// The year the word is, if it is one.
    year: Option<i32>,
}

impl Index {
    /// One walk of `text`.
    pub(crate) fn new(text: &str) -> Index {
        let mut stops = Vec::new();
        let mut anchors = Vec::new();
        let mut run: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let after = i + c.len_utf8();
            if c.is_alphanumeric() {
                run.get_or_insert(i);
                continue;
            }
            if let Some(s) = run.take() {
                anchors.extend(candidate(text, s, i));
            }
            if ends_sentence(c, text.get(after..).unwrap_or("")) {
                stops.push((i, after));
            }
        }
        if let Some(s) = run {
            anchors.extend(candidate(text, s, text.len()));
        }
        Index {
            stops,
            anchors,
            cursors: Default::default(),
        }
    }

    /// `items.partition_point(pred)`, searched from cursor `cursor`'s last answer.
    fn search<T>(&self, cursor: usize, items: &[T], pred: impl Fn(&T) -> bool) -> usize {
        let Some(cell) = self.cursors.get(cursor) else {
            return items.partition_point(pred);
        };
        let mut hint = cell.get();
        let at = super::partition_from(items, &mut hint, pred);
        cell.set(hint);
        at
    }

    /// The part of `text` around `start..end` that belongs to the same sentence
    /// (or clause after a semicolon), at most [`WINDOW`] bytes each side: after
    /// the last sentence end before the number, up to the first after it.
    fn sentence_window(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let lo = floor(start.saturating_sub(WINDOW));
        let hi = floor((end + WINDOW).min(text.len()));
        // The last stop wholly inside `lo..start`, the first wholly inside `end..hi`.
        let before = self.search(0, &self.stops, |&(_, e)| e <= start);
        let begin = before
            .checked_sub(1)
            .and_then(|k| self.stops.get(k))
            .filter(|&&(s, _)| s >= lo)
            .map_or(lo, |&(_, e)| e);
        let after = self.search(1, &self.stops, |&(s, _)| s < end);
        let finish = self
            .stops
            .get(after)
            .filter(|&&(_, e)| e <= hi)
            .map_or(hi, |&(s, _)| s);
        (begin, finish)
    }

    /// Whether the words of `text[lo..hi]` may hold an anchor for `year`: false
    /// only when none does. A word cut by the window's edge is read as cut.
    fn may_anchor(&self, text: &str, lo: usize, hi: usize, year: i32) -> bool {
        let first = self.search(2, &self.anchors, |c| c.end <= lo);
        let inside = self
            .anchors
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.start < hi)
            .any(|c| c.year.is_none_or(|y| y == year) || c.start < lo || c.end > hi);
        if inside {
            return true;
        }
        // A longer word cut by an edge may leave an anchor ("12025" from "2025").
        let alphanumeric = |at: usize| {
            text.get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphanumeric)
        };
        let last_before = |at: usize| {
            text.get(..at)
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_alphanumeric)
        };
        let window = text.get(lo..hi).unwrap_or("");
        let cut_start = lo > 0 && last_before(lo) && alphanumeric(lo);
        let cut_end = hi < text.len() && last_before(hi) && alphanumeric(hi);
        let head = window
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(window.len());
        let tail = window
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        (cut_start && candidate(text, lo, lo + head).is_some())
            || (cut_end && candidate(text, lo + tail, hi).is_some())
    }
}

/// The run of letters and digits `text[start..end]` as an anchor candidate: a
/// year 1900–2100, "année", or a month's name (any case).
fn candidate(text: &str, start: usize, end: usize) -> Option<Candidate> {
    let word = text.get(start..end)?;
    if let Some(year) = is_year(word) {
        return Some(Candidate {
            start,
            end,
            year: Some(year),
        });
    }
    // The names have 3 to 9 letters (lower-casing never shortens a word) and
    // start with one of these: most words are turned away before any compare.
    let first = word.chars().next()?.to_lowercase().next()?;
    if !"jfmasond".contains(first) || word.chars().nth(9).is_some() {
        return None;
    }
    let lower_is = |name: &str| word.chars().flat_map(char::to_lowercase).eq(name.chars());
    (lower_is("année") || MONTHS.iter().flat_map(|m| m.iter()).any(|m| lower_is(m))).then_some(
        Candidate {
            start,
            end,
            year: None,
        },
    )
}

/// A four-digit year 1900–2100.
fn is_year(word: &str) -> Option<i32> {
    if word.len() != 4 {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Sets the `period` of every fact whose year the text qualifies as part of a
/// year. Linear: `index` was made of `text` in one walk, and each fact reads at
/// most a bounded window of `text` around its number.
pub(crate) fn assign(text: &str, index: &Index, facts: &mut [Fact]) {
    for fact in facts.iter_mut() {
        fact.period = of(text, index, fact);
    }
}

/// The period of one fact, if its words give one.
fn of(text: &str, index: &Index, fact: &Fact) -> Option<Period> {
    let (first_year, last_year) = match fact.year? {
        Year::Single(y) => (y, y),
        Year::Period(a, b) => (a, b),
    };
    let (lo, hi) = index.sentence_window(text, fact.start, fact.end);
    if !index.may_anchor(text, lo, hi, last_year) {
        return None;
    }
    let words = words(text.get(lo..hi)?, lo);
    // The number's own position among the words.
    let at = words.partition_point(|w| w.start < fact.start);
    let implied = fact.year_source == Some(YearSource::Implied);
    let mut best: Option<(usize, Period)> = None;
    for anchor in anchors(&words, last_year) {
        let Some((phrase_start, mut period)) = read_back(&words, anchor) else {
            continue;
        };
        // An implied year only takes a period that nothing dated stands between.
        if implied && year_between(&words, at, phrase_start, anchor.end) {
            continue;
        }
        // "pour la période 2022-2024 et les six premiers mois de 2025": the
        // stated span starts the period.
        if first_year < period.from.year {
            period.from = Month {
                year: first_year,
                month: 1,
            };
        }
        let distance = words
            .get(anchor.end)
            .map_or(usize::MAX, |w| w.start.abs_diff(fact.start));
        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, period));
        }
    }
    best.map(|(_, p)| p)
}

/// Whether `c` ends a sentence, `rest` being the text after it.
fn ends_sentence(c: char, rest: &str) -> bool {
    match c {
        // The paragraph separator of `extract_document`, and line ends.
        '\u{2029}' | '\n' | ';' => true,
        '.' | '!' | '?' => {
            let mut next = rest.chars();
            next.next().is_some_and(char::is_whitespace)
                && next
                    .take(16)
                    .find(|c| !c.is_whitespace())
                    .is_none_or(|c| c.is_uppercase() || c == '«')
        }
        _ => false,
    }
}

/// The French month names, January first, as words are lower-cased.
const MONTHS: [&[&str]; 12] = [
    &["janvier"],
    &["février", "fevrier"],
    &["mars"],
    &["avril"],
    &["mai"],
    &["juin"],
    &["juillet"],
    &["août", "aout"],
    &["septembre"],
    &["octobre"],
    &["novembre"],
    &["décembre", "decembre"],
];

/// A word of the window: a run of letters and digits, or one other non-space
/// character, lower-cased (borrowed from the text when it already is).
#[derive(Debug)]
struct Word<'a> {
    start: usize,
    lower: std::borrow::Cow<'a, str>,
}

impl Word<'_> {
    fn is(&self, words: &[&str]) -> bool {
        words.contains(&&*self.lower)
    }

    fn year(&self) -> Option<i32> {
        is_year(&self.lower)
    }

    fn month(&self) -> Option<u8> {
        // A `match`, not a table searched in turn: asked of every word of every
        // fact's window, and a match compiles to a test of the length first.
        Some(match &*self.lower {
            "janvier" => 1,
            "février" | "fevrier" => 2,
            "mars" => 3,
            "avril" => 4,
            "mai" => 5,
            "juin" => 6,
            "juillet" => 7,
            "août" | "aout" => 8,
            "septembre" => 9,
            "octobre" => 10,
            "novembre" => 11,
            "décembre" | "decembre" => 12,
            _ => return None,
        })
    }

    /// A day of the month: "1er", "premier", "15".
    fn day(&self) -> Option<u8> {
        if self.is(&["1er", "premier"]) {
            return Some(1);
        }
        let d: u8 = self.lower.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A count of months or quarters: "huit", "8".
    fn count(&self) -> Option<u8> {
        const WORDS: [&str; 11] = [
            "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
            "douze",
        ];
        if let Some(i) = WORDS.iter().position(|w| self.lower == *w) {
            return u8::try_from(i + 2).ok();
        }
        let n: u8 = self.lower.parse().ok()?;
        (1..=12).contains(&n).then_some(n)
    }

    /// An ordinal: "premier" → 1, "deuxième"/"second" → 2, "dernier" → `last`.
    fn ordinal(&self, last: u8) -> Option<u8> {
        Some(match &*self.lower {
            "premier" | "1er" => 1,
            "deuxième" | "deuxieme" | "second" | "2e" => 2,
            "troisième" | "troisieme" | "3e" => 3,
            "quatrième" | "quatrieme" | "4e" => 4,
            "dernier" => last,
            _ => return None,
        })
    }
}

/// The words of `window` (which starts at byte `offset` of the text). A word
/// already in lower case is borrowed, not copied.
fn words(window: &str, offset: usize) -> Vec<Word<'_>> {
    use std::borrow::Cow;
    let mut out: Vec<Word> = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in window
        .char_indices()
        .chain(std::iter::once((window.len(), ' ')))
    {
        if c.is_alphanumeric() {
            run.get_or_insert(i);
            continue;
        }
        if let Some(s) = run.take() {
            let word = window.get(s..i).unwrap_or("");
            // Each character its own lower case (only an upper-case Σ lowers
            // differently inside a string, and it is not its own lower case).
            let unchanged = |c: char| {
                let mut lower = c.to_lowercase();
                lower.next() == Some(c) && lower.next().is_none()
            };
            let lower = if word.chars().all(unchanged) {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.to_lowercase())
            };
            out.push(Word {
                start: offset + s,
                lower,
            });
        }
        if !c.is_whitespace() && i < window.len() {
            // Apostrophes and dashes of every kind read alike.
            let lower = match c {
                '’' | 'ʼ' | '‘' => Cow::Borrowed("'"),
                '–' | '—' | '‑' | '‐' => Cow::Borrowed("-"),
                c => Cow::Borrowed(window.get(i..i + c.len_utf8()).unwrap_or("")),
            };
            out.push(Word {
                start: offset + i,
                lower,
            });
        }
    }
    out
}

/// Where a time expression ending in `year` stops: `end` is the index of its last
/// word; `before` the index of the last word before the year itself (the year
/// may be left unsaid: "au 1er juillet", "du premier semestre de cette année").
#[derive(Debug, Clone, Copy)]
struct Anchor {
    end: usize,
    before: usize,
    year: i32,
}

/// Every place in `words` where a time expression may end in `year`.
fn anchors(words: &[Word], year: i32) -> Vec<Anchor> {
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if w.year() == Some(year) {
            if let Some(before) = k.checked_sub(1) {
                out.push(Anchor {
                    end: k,
                    before,
                    year,
                });
            }
        } else if w.is(&["année"]) && k >= 2 {
            // "de cette année", "de l'année": the fact's own year.
            let before = match (&words[k - 2], &words[k - 1]) {
                (_, this) if this.is(&["cette"]) => Some(k - 2),
                (l, apostrophe) if l.is(&["l"]) && apostrophe.is(&["'"]) => k.checked_sub(3),
                _ => None,
            };
            if let Some(before) = before {
                out.push(Anchor {
                    end: k,
                    before,
                    year,
                });
            }
        } else if w.month().is_some() && words.get(k + 1).is_none_or(|n| n.year().is_none()) {
            // "Au 1er juillet, 136 centres": a month with its year left unsaid.
            out.push(Anchor {
                end: k,
                before: k,
                year,
            });
        }
    }
    out
}

/// Reads a time expression backwards from `anchor.before`: its first word and its
/// period. `None` for a whole year, a single month or a day that dates an event
/// ("en juillet 2025", "le 5 juillet 2024", "du 20 février 2015").
fn read_back(words: &[Word], anchor: Anchor) -> Option<(usize, Period)> {
    let year = anchor.year;
    let at = |i: usize| words.get(i);
    let month = |m: u8| Month { year, month: m };
    let mut j = anchor.before;
    // "mois de 2025", "semestre de cette année": the "de" before the year.
    if j < anchor.end && at(j)?.is(&["de"]) {
        j = j.checked_sub(1)?;
    }
    let w = at(j)?;
    let span = |from: u8, to: u8| Period {
        from: month(from),
        to: month(to),
        as_of: None,
    };
    let (start, period) = if w.is(&["mois"]) {
        // "(les) huit premiers mois", "(le) premier mois", "trois derniers mois".
        let kind = at(j.checked_sub(1)?)?;
        if kind.is(&["premier"]) {
            (j - 1, span(1, 1))
        } else {
            let n = at(j.checked_sub(2)?)?.count()?;
            match &*kind.lower {
                "premiers" if n < 12 => (j - 2, span(1, n)),
                "derniers" if n < 12 => (j - 2, span(13 - n, 12)),
                _ => return None,
            }
        }
    } else if w.is(&["semestre"]) {
        let n = at(j.checked_sub(1)?)?.ordinal(2)?;
        (j - 1, span(6 * n - 5, 6 * n))
    } else if w.is(&["trimestre"]) {
        let n = at(j.checked_sub(1)?)?.ordinal(4).filter(|n| *n <= 4)?;
        (j - 1, span(3 * n - 2, 3 * n))
    } else if w.is(&["trimestres"]) {
        // "les trois premiers trimestres".
        let n = at(j.checked_sub(2)?)?.count().filter(|n| *n < 4)?;
        at(j - 1)?.is(&["premiers"]).then_some(())?;
        (j - 2, span(1, 3 * n))
    } else if let Some(to) = w.month() {
        return read_back_from_month(words, j, year, to);
    } else {
        return None;
    };
    Some(extend_start(words, start, period))
}

/// The expressions that end in a month `to` of `year` (the word at `j`).
fn read_back_from_month(words: &[Word], j: usize, year: i32, to: u8) -> Option<(usize, Period)> {
    let at = |i: usize| j.checked_sub(i).and_then(|k| words.get(k));
    let end = Month { year, month: to };
    // "au 1er juillet 2025": a stock counted on a day. At a year boundary it is
    // what a yearly figure means anyway.
    if let (Some(day), Some(au)) = (at(1).and_then(Word::day), at(2)) {
        let boundary = (to == 1 && day == 1) || (to == 12 && day == 31);
        if au.is(&["au"]) && !boundary {
            let period = Period {
                from: end,
                to: end,
                as_of: Some(day),
            };
            return Some((j - 2, period));
        }
        return None;
    }
    // "à la fin d'août 2025": the month is the last one counted.
    let mut k = 1;
    if at(1).is_some_and(|w| w.is(&["de", "d", "'"])) {
        while at(k).is_some_and(|w| w.is(&["de", "d", "'"])) {
            k += 1;
        }
        if !at(k).is_some_and(|w| w.is(&["fin"])) {
            return None;
        }
        k += 1;
        if at(k).is_some_and(|w| w.is(&["la"])) {
            k += 1;
        }
    }
    // The word that links the first month (or year) to the last.
    if !at(k).is_some_and(|w| w.is(&["-", "à", "au", "et", "jusqu"])) {
        return None;
    }
    let first = at(k + 1)?;
    let from = if let Some(m) = first.month() {
        // "de juillet à décembre 2024", "janvier-juin 2024".
        Month { year, month: m }
    } else if let Some(y) = first.year() {
        // "entre septembre 2020 et mai 2022", "2020 – juillet 2025".
        match at(k + 2).and_then(Word::month) {
            Some(m) => {
                k += 1;
                Month { year: y, month: m }
            }
            None => Month { year: y, month: 1 },
        }
    } else {
        return None;
    };
    if from > end || (from.month == 1 && to == 12) {
        return None;
    }
    let period = Period {
        from,
        to: end,
        as_of: None,
    };
    Some(extend_start(words, j - (k + 1), period))
}

/// "de 2022 à la fin du premier semestre de 2025", "pour la période 2022-2024 et
/// les six premiers mois de 2025": the years just before a part of a year start
/// the period.
fn extend_start(words: &[Word], start: usize, mut period: Period) -> (usize, Period) {
    const LINKS: [&str; 16] = [
        "à", "au", "aux", "la", "fin", "du", "de", "d", "'", "des", "les", "le", "et", "-",
        "jusqu", "cours",
    ];
    let mut first = start;
    for k in (start.saturating_sub(8)..start).rev() {
        let Some(w) = words.get(k) else { break };
        if let Some(y) = w.year().filter(|y| *y < period.from.year) {
            period.from = Month { year: y, month: 1 };
            first = k;
        } else if !w.is(&LINKS) {
            break;
        }
    }
    (first, period)
}

/// Whether a year other than those of the phrase `start..=end` stands between the
/// number (word index `at`) and the phrase.
fn year_between(words: &[Word], at: usize, start: usize, end: usize) -> bool {
    let (lo, hi) = if at <= start {
        (at, start)
    } else {
        (end + 1, at)
    };
    words
        .get(lo..hi)
        .is_some_and(|between| between.iter().any(|w| w.year().is_some()))
}

#[cfg(test)]
mod tests {
    use super::super::extract_text;
    use super::*;

    /// The period of the fact written `number` in `text` (reference year 2025).
    fn period_of(text: &str, number: &str) -> Result<Option<String>, String> {
        let facts = extract_text(text, Some(2025));
        let fact = facts
            .iter()
            .find(|f| f.verbatim == number)
            .ok_or_else(|| format!("no fact {number:?} in {facts:?}"))?;
        Ok(fact.period.map(|p| match p.as_of {
            Some(d) => format!("{}-{d:02}", p.to),
            None => format!("{}..{}", p.from, p.to),
        }))
    }

    fn assert_period(text: &str, number: &str, expected: Option<&str>) -> Result<(), String> {
        let got = period_of(text, number)?;
        if got.as_deref() == expected {
            Ok(())
        } else {
            Err(format!(
                "{number} in {text:?}: {got:?}, expected {expected:?}"
            ))
        }
    }

    #[test]
    fn first_months_of_a_year() -> Result<(), String> {
        let list = "(1 655 en 2020, 676 en 2024 et 396 au cours des huit premiers mois de 2025).";
        assert_period(list, "396", Some("2025-01..2025-08"))?;
        assert_period(list, "676", None)?;
        assert_period(
            "Au cours des quatre premiers mois de 2025, plus de 14 900 personnes ont bénéficié de ces mesures.",
            "14 900",
            Some("2025-01..2025-04"),
        )
    }

    #[test]
    fn semesters_and_quarters() -> Result<(), String> {
        let s = "En 2024, les femmes rurales ont reçu 41,2 % des microcrédits ; au premier semestre 2025, la proportion était de 44 %.";
        assert_period(s, "44 %", Some("2025-01..2025-06"))?;
        assert_period(s, "41,2 %", None)?;
        assert_period(
            "Au cours du deuxième trimestre de 2024, 310 plaintes ont été reçues.",
            "310",
            Some("2024-04..2024-06"),
        )?;
        assert_period(
            "La satisfaction s’élevait à 84,3 % à la fin du premier semestre de cette année.",
            "84,3 %",
            Some("2025-01..2025-06"),
        )?;
        assert_period(
            "Le second semestre de 2023 a vu 75 ouvertures.",
            "75",
            Some("2023-07..2023-12"),
        )
    }

    #[test]
    fn spans_ending_in_a_month() -> Result<(), String> {
        assert_period(
            "De juillet à décembre 2024, 835 personnes sans papiers ont été identifiées.",
            "835",
            Some("2024-07..2024-12"),
        )?;
        assert_period(
            "Entre septembre 2020 et mai 2022, 8 822 personnes ont été identifiées.",
            "8 822",
            Some("2020-09..2022-05"),
        )?;
        assert_period(
            "Au total, 29 449 apatrides, dont 1 154 enfants de moins de 18 ans, ont été enregistrés de 2022 à la fin d’août 2025.",
            "29 449",
            Some("2022-01..2025-08"),
        )?;
        assert_period(
            "Pour la période 2020 – juillet 2025, 1 200 cas ont été signalés.",
            "1 200",
            Some("2020-01..2025-07"),
        )?;
        assert_period(
            "De janvier à juin 2024, 54 affaires ont été jugées.",
            "54",
            Some("2024-01..2024-06"),
        )
    }

    #[test]
    fn a_hyphen_joins_two_months() {
        // Read on a fact dated by hand: the year reader does not yet date
        // "janvier-juin 2024" (it takes the hyphenated months for one word).
        let text = "En janvier-juin 2024, 54 affaires ont été jugées.";
        let start = text.find("54").unwrap_or(0);
        let fact = Fact {
            start,
            end: start + 2,
            value: 54.0,
            verbatim: "54".into(),
            unit: super::super::Unit::Count,
            qualifier: super::super::Qualifier::Exact,
            year: Some(Year::Single(2024)),
            year_source: Some(YearSource::Stated),
            subject: String::new(),
            period: None,
        };
        let period =
            of(text, &Index::new(text), &fact).map(|p| (p.from.to_string(), p.to.to_string()));
        assert_eq!(period, Some(("2024-01".into(), "2024-06".into())));
    }

    #[test]
    fn years_before_a_part_of_a_year_start_the_period() -> Result<(), String> {
        assert_period(
            "Pour la période 2022-2024 et les six premiers mois de 2025, les tribunaux ont rendu 86 jugements.",
            "86",
            Some("2022-01..2025-06"),
        )?;
        assert_period(
            "Au total, de 2022 à la fin du premier semestre de 2025, quelque 10 000 décisions ont été rendues.",
            "10 000",
            Some("2022-01..2025-06"),
        )
    }

    #[test]
    fn stocks_counted_on_a_day() -> Result<(), String> {
        assert_period(
            "Au 1er juillet 2025, 56,2 % des agents de l’État étaient des femmes.",
            "56,2 %",
            Some("2025-07-01"),
        )?;
        // The year left unsaid is the report's.
        assert_period(
            "Au 1er juillet, 136 centres étaient opérationnels.",
            "136",
            Some("2025-07-01"),
        )?;
        // At a year boundary a stock is what a yearly figure means.
        assert_period(
            "Au 1er janvier 2013, 491 personnes bénéficiaient du statut de réfugié.",
            "491",
            None,
        )?;
        assert_period(
            "Au 31 décembre 2024, 491 personnes bénéficiaient du statut de réfugié.",
            "491",
            None,
        )
    }

    #[test]
    fn dates_of_events_are_no_periods() -> Result<(), String> {
        assert_period(
            "En septembre 2024, 120 bourses supplémentaires ont été attribuées.",
            "120",
            None,
        )?;
        assert_period("La loi du 5 juillet 2024 a créé 14 centres.", "14", None)?;
        // A whole year is no period, however it is said.
        assert_period(
            "De janvier à décembre 2024, 64 000 ordonnances ont été prises.",
            "64 000",
            None,
        )
    }

    #[test]
    fn an_implied_year_takes_no_period_across_other_years() -> Result<(), String> {
        let s = "L’enquête menée au premier semestre de 2025 a montré que la cohabitation est calme (60,9 %). 75,5 % des personnes interrogées n’ont noté aucune violation.";
        assert_period(s, "60,9 %", Some("2025-01..2025-06"))?;
        assert_period(s, "75,5 %", Some("2025-01..2025-06"))?;
        let s = "Au cours des cinq dernières années, plus de 7 000 apatrides ont obtenu la nationalité (1 655 en 2020, 676 en 2024 et 396 au cours des huit premiers mois de 2025).";
        assert_period(s, "7 000", None)?;
        assert_period(s, "396", Some("2025-01..2025-08"))
    }

    #[test]
    fn periods_serialise_as_months() -> Result<(), serde_json::Error> {
        let p = Period::months(2025, 1, 8);
        assert_eq!(
            serde_json::to_string(&p)?,
            r#"{"from":"2025-01","to":"2025-08"}"#
        );
        let stock = Period {
            as_of: Some(1),
            from: p.to,
            ..p
        };
        assert_eq!(
            serde_json::to_string(&stock)?,
            r#"{"from":"2025-08","to":"2025-08","as_of":"2025-08-01"}"#
        );
        Ok(())
    }

    /// The sentence window as it was read before [`Index`]: walking the window's
    /// characters around each number.
    fn walked_window(text: &str, start: usize, end: usize) -> (usize, usize) {
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let lo = floor(start.saturating_sub(WINDOW));
        let hi = floor((end + WINDOW).min(text.len()));
        let before = text.get(lo..start).unwrap_or("");
        let after = text.get(end..hi).unwrap_or("");
        let rest = |at: usize| text.get(at..).unwrap_or("");
        let begin = before
            .char_indices()
            .rev()
            .find(|&(i, c)| ends_sentence(c, rest(lo + i + c.len_utf8())))
            .map_or(lo, |(i, c)| lo + i + c.len_utf8());
        let finish = after
            .char_indices()
            .find(|&(i, c)| ends_sentence(c, rest(end + i + c.len_utf8())))
            .map_or(hi, |(i, _)| end + i);
        (begin, finish)
    }

    /// A text of `n` pieces drawn from dates, months, years, punctuation and
    /// words cut anywhere, by a fixed pseudo-random sequence.
    fn random_text(seed: &mut u64, n: usize) -> String {
        const PIECES: [&str; 40] = [
            "janvier",
            "Juillet",
            "AOÛT",
            "août",
            "aout",
            "décembre",
            "Décembre",
            "mai",
            "semai",
            "2025",
            "2024",
            "12025",
            "20251",
            "1899",
            "année",
            "ANNÉE",
            "l",
            "'",
            "’",
            "cette",
            "au",
            "1er",
            "premier",
            "premiers",
            "huit",
            "mois",
            "de",
            "d",
            "semestre",
            "trimestre",
            "à",
            "-",
            "–",
            "la",
            "fin",
            ". ",
            ". En",
            "; ",
            "\n",
            "\u{2029}",
        ];
        let mut text = String::new();
        for _ in 0..n {
            *seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let k = usize::try_from(*seed >> 33).unwrap_or(0);
            text.push_str(PIECES.get(k % PIECES.len()).copied().unwrap_or(""));
            // Mostly spaces between pieces; sometimes none, so that words join.
            if k % 7 != 0 {
                text.push(' ');
            }
        }
        text
    }

    /// The period of `fact` as it was read before [`Index`]: every window's
    /// words read in full.
    fn walked_period(text: &str, fact: &Fact) -> Option<Period> {
        let (start, end) = (fact.start, fact.end);
        let year = match fact.year? {
            Year::Single(y) | Year::Period(_, y) => y,
        };
        let (lo, hi) = walked_window(text, start, end);
        let words = words(text.get(lo..hi)?, lo);
        let at = words.partition_point(|w| w.start < start);
        anchors(&words, year)
            .into_iter()
            .filter_map(|a| {
                let (phrase, p) = read_back(&words, a)?;
                let skip = fact.year_source == Some(YearSource::Implied)
                    && year_between(&words, at, phrase, a.end);
                let d = words.get(a.end)?.start.abs_diff(start);
                (!skip).then_some((d, p))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, p)| p)
    }

    #[test]
    fn a_year_cut_by_the_window_edge_is_read_as_cut() {
        // "20251" cut after "2025" by the window's end: the walk read "2025",
        // so the index must not skip the window for want of a whole year.
        let phrase = "les huit premiers mois de ";
        // The window ends `WINDOW` bytes after "12", just after "2025".
        let target = 2 + WINDOW - "2025".len() - phrase.len();
        let mut text = String::from("12 ");
        while text.len() + 2 <= target {
            text.push_str("x ");
        }
        while text.len() < target {
            text.push(' ');
        }
        text.push_str(phrase);
        text.push_str("20251 cas.");
        let fact = Fact {
            start: 0,
            end: 2,
            value: 12.0,
            verbatim: "12".into(),
            unit: super::super::Unit::Count,
            qualifier: super::super::Qualifier::Exact,
            year: Some(Year::Single(2025)),
            year_source: Some(YearSource::Stated),
            subject: String::new(),
            period: None,
        };
        let (_, hi) = walked_window(&text, 0, 2);
        assert_eq!(text.get(hi - 4..hi), Some("2025"), "{text:?}");
        let walked = walked_period(&text, &fact);
        assert!(walked.is_some());
        assert_eq!(of(&text, &Index::new(&text), &fact), walked);
    }

    #[test]
    fn the_index_reads_the_windows_and_periods_the_walk_read() {
        let mut seed = 13;
        let mut dated = 0;
        for round in 0..300 {
            // Long texts too, so that windows are cut inside words.
            let text = random_text(&mut seed, 20 + round % 7 * 60);
            let index = Index::new(&text);
            for (start, word) in text.match_indices(|c: char| c.is_ascii_digit()) {
                let end = start + word.len();
                assert_eq!(
                    index.sentence_window(&text, start, end),
                    walked_window(&text, start, end),
                    "{text:?} at {start}"
                );
                for (year, source) in [
                    (2025, YearSource::Stated),
                    (2024, YearSource::Implied),
                    (1999, YearSource::Implied),
                ] {
                    let fact = Fact {
                        start,
                        end,
                        value: 1.0,
                        verbatim: word.into(),
                        unit: super::super::Unit::Count,
                        qualifier: super::super::Qualifier::Exact,
                        year: Some(Year::Single(year)),
                        year_source: Some(source),
                        subject: String::new(),
                        period: None,
                    };
                    let walked = walked_period(&text, &fact);
                    let indexed = of(&text, &index, &fact);
                    dated += usize::from(indexed.is_some());
                    assert_eq!(indexed, walked, "{text:?} at {start} for {year}");
                }
            }
        }
        // The texts do hold periods: the comparison is not of two `None`s.
        assert!(dated > 20, "{dated} periods");
    }

    #[test]
    fn a_word_is_borrowed_when_already_lower_case() {
        let text = "Au 1er Juillet 2025 – l’ANNÉE été";
        for w in words(text, 0) {
            let raw = text
                .get(w.start..)
                .and_then(|t| t.split(' ').next())
                .unwrap_or("");
            let borrowed = matches!(w.lower, std::borrow::Cow::Borrowed(_));
            assert_eq!(borrowed, w.lower.len() == 1 || raw == &*w.lower, "{w:?}");
        }
        let lower: Vec<String> = words(text, 0)
            .into_iter()
            .map(|w| w.lower.into_owned())
            .collect();
        assert_eq!(
            lower,
            ["au", "1er", "juillet", "2025", "-", "l", "'", "année", "été"]
        );
    }
}
