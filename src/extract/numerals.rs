//! French numerals: numbers in digits ("115 526", "71,2 %", "20,3 millions") and
//! in words ("trois mille", "une dizaine", "la moitié", "deux tiers").
//!
//! Owns the reading of a number's value and extent. Invariant: a mention covers
//! whole tokens; it says nothing yet about whether the number is a figure.

use super::tokens::{next_where, Gap, Kind, Token};
use super::{Qualifier, Unit};
use text2num::lang::French;
use text2num::LangInterpreter;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Digits without grouping, decimals or multiplier ("2018", "49").
    PlainDigits,
    /// Any other digit form ("3 262", "7,5", "20 millions").
    Digits,
    /// Words ("trois", "deux mille").
    Words,
    /// An ordinal ("quatrième", "4e") kept because it ranks ("quatrième place").
    Ordinal,
    /// "une dizaine", "des milliers", "la moitié", "deux tiers".
    Idiom,
}

/// A number found in the text, before any judgement of whether it is a figure.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Index of the first token of the number.
    pub first: usize,
    /// Index of the last token of the verbatim (multiplier and `%` included).
    pub last: usize,
    pub value: f64,
    pub form: Form,
    /// Unit the number itself carries (`%`, a fraction).
    pub unit: Option<Unit>,
    /// Qualifier the number itself carries ("une dizaine", "des milliers").
    pub qualifier: Option<Qualifier>,
    /// Second half of a glued range "7-10": index of the low mention's partner.
    pub glued_range_low: bool,
    pub glued_range_high: bool,
    /// True when the digits are a bare integer that could be a year (1900..=2100).
    pub year_like: bool,
    /// A lone "un"/"une": an article unless it stands in a list of counts.
    pub article: bool,
    /// Set by the exclusion rules.
    pub excluded: bool,
}

const CLOSERS: &[char] = &[
    ')', '»', '"', '”', ']', '.', ',', ';', ':', '!', '?', '…', '’', '*',
];
const OPENERS: &[char] = &['(', '«', '"', '“', '[', '‘', '„'];
const ORDINAL_SUFFIXES: &[&str] = &[
    "e", "er", "re", "ère", "ème", "ième", "eme", "es", "èmes", "ers", "res", "è", "me",
];
/// Words after which an ordinal ranks something, so it is a figure.
const RANK_WORDS: &[&str] = &["place", "rang", "position", "places", "rangs"];

fn is_cardinal_word(w: &str) -> bool {
    matches!(
        w,
        "un" | "une"
            | "deux"
            | "trois"
            | "quatre"
            | "cinq"
            | "six"
            | "sept"
            | "huit"
            | "neuf"
            | "dix"
            | "onze"
            | "douze"
            | "treize"
            | "quatorze"
            | "quinze"
            | "seize"
            | "vingt"
            | "vingts"
            | "trente"
            | "quarante"
            | "cinquante"
            | "soixante"
            | "septante"
            | "huitante"
            | "octante"
            | "nonante"
            | "cent"
            | "cents"
            | "mille"
            | "million"
            | "millions"
            | "milliard"
            | "milliards"
    )
}

/// True when a word's first two letters may begin a number word ("deux",
/// "vingt-deux", "cinquième"), an idiom ("dizaine", "moitié") or a multiple
/// ("doublé"). Most words fail here, so [`scan`] asks nothing more of them.
#[inline(always)]
fn may_be_numeric(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        [b'u', b'n', ..]
            | [b'd', b'e' | b'i' | b'o', ..]
            | [b't', b'r', ..]
            | [b'q', b'u', ..]
            | [b'c', b'i' | b'e', ..]
            | [b's', b'i' | b'e' | b'o', ..]
            | [b'h', b'u', ..]
            | [b'n', b'e' | b'o', ..]
            | [b'o', b'n' | b'c', ..]
            | [b'v', b'i', ..]
            | [b'm', b'i' | b'o', ..]
    )
}

fn is_number_word(w: &str) -> bool {
    if !may_be_numeric(w) {
        return false;
    }
    if is_cardinal_word(w) {
        return true;
    }
    if ordinal_stem(w).is_some_and(is_ordinal_stem) {
        return true;
    }
    // "vingt-deux", "trente-et-un" (a byte loop: the words are short).
    w.bytes().any(|b| b == b'-') && w.split('-').all(|p| p == "et" || is_number_word(p))
}

fn is_ordinal_stem(stem: &str) -> bool {
    if is_cardinal_word(stem) || matches!(stem, "cinqu" | "neuv" | "un") {
        return true;
    }
    // "quatr" + "ième", "onz" + "ième": the cardinal lost its final "e". Put it
    // back in a buffer on the stack (no cardinal is 16 bytes long).
    let mut buf = [b'e'; 16];
    let Some(head) = buf.get_mut(..stem.len()) else {
        return false;
    };
    head.copy_from_slice(stem.as_bytes());
    buf.get(..stem.len() + 1)
        .and_then(|b| std::str::from_utf8(b).ok())
        .is_some_and(is_cardinal_word)
}

fn ordinal_stem(w: &str) -> Option<&str> {
    w.strip_suffix("ièmes").or_else(|| w.strip_suffix("ième"))
}

fn is_ordinal_word(w: &str) -> bool {
    w.ends_with("ième")
        || w.ends_with("ièmes")
        || matches!(w, "premier" | "première" | "premiers" | "premières")
}

/// Multiplier words after a number in digits.
fn multiplier(w: &str) -> Option<f64> {
    match w {
        "mille" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "milliard" | "milliards" => Some(1e9),
        "billion" | "billions" => Some(1e12),
        _ => None,
    }
}

/// "une dizaine", "une centaine", "un millier".
fn approx_noun(w: &str) -> Option<f64> {
    if !matches!(
        w.as_bytes().first(),
        Some(b'd' | b'q' | b'v' | b't' | b'c' | b's' | b'm')
    ) {
        return None;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    match w {
        "dizaine" => Some(10.0),
        "douzaine" => Some(12.0),
        "quinzaine" => Some(15.0),
        "vingtaine" => Some(20.0),
        "trentaine" => Some(30.0),
        "quarantaine" => Some(40.0),
        "cinquantaine" => Some(50.0),
        "soixantaine" => Some(60.0),
        "centaine" => Some(100.0),
        "millier" => Some(1000.0),
        "million" => Some(1e6),
        "milliard" => Some(1e9),
        _ => None,
    }
}

/// Reads words as a French number with text2num; None if they are not one.
fn words_value(words: &[&str]) -> Option<f64> {
    let french = French::new();
    let digits = french.exec_group(words.iter().copied()).ok()?;
    if digits.is_ordinal() {
        return None;
    }
    let mut value = 0.0_f64;
    for d in digits.iter() {
        value = value * 10.0 + f64::from(d.saturating_sub(b'0'));
    }
    Some(value)
}

/// Parses digits with optional decimal part into a number.
fn digits_value(int: &str, dec: Option<&str>) -> f64 {
    with_decimals(append_digits(0.0, int), dec)
}

/// `value` with the decimal digits `dec` after its comma.
fn with_decimals(mut value: f64, dec: Option<&str>) -> f64 {
    if let Some(dec) = dec {
        let mut scale = 0.1_f64;
        for b in dec.bytes() {
            value += f64::from(b.saturating_sub(b'0')) * scale;
            scale /= 10.0;
        }
    }
    value
}

/// `value` with the digits of `group` written after it ("115", "526" → 115526).
fn append_digits(mut value: f64, group: &str) -> f64 {
    for b in group.bytes() {
        value = value * 10.0 + f64::from(b.saturating_sub(b'0'));
    }
    value
}

struct Scanner<'t, 'a> {
    tokens: &'t [Token<'a>],
    out: Vec<Mention>,
}

impl<'a> Scanner<'_, 'a> {
    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i)
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// The index one past the chunk (run of glued tokens) containing `i`.
    fn chunk_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while self.glued(j) {
            j += 1;
        }
        j
    }

    fn chunk_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && self.tokens.get(j).is_some_and(|t| t.gap == Gap::None) {
            j -= 1;
        }
        j
    }

    fn push(&mut self, m: Mention) {
        self.out.push(m);
    }

    /// Scans a number in digits starting at token `i`; returns the next index.
    fn digits(&mut self, i: usize) -> usize {
        let cs = self.chunk_start(i);
        let ce = self.chunk_end(i);
        // Anything but opening punctuation glued before: a symbol or reference.
        let clean_lead = (cs..i).all(|k| {
            self.tok(k)
                .is_some_and(|t| t.kind == Kind::Punct && OPENERS.contains(&t.first_char()))
        });
        if !clean_lead {
            return ce;
        }
        // The integer part, group by group, and its number of digits.
        let (mut int, mut int_len) = (0.0_f64, 0);
        let mut j = i;
        let mut grouped = false;
        // Thousands groups: "115 526", "3 262 000".
        while let Some(t) = self.tok(j) {
            int = append_digits(int, t.text);
            int_len += t.text.len();
            let lead_ok = grouped || t.text.len() <= 3;
            // A last group of four digits is a typo for three ("48 6864"), never a year.
            let next_is_group = self.tok(j + 1).is_some_and(|n| {
                n.kind == Kind::Num
                    && n.gap == Gap::Space
                    && (n.text.len() == 3
                        || n.text.len() == 4
                            && !matches!(n.text.get(..2), Some("19" | "20"))
                            && !self.glued(j + 2)
                            && t.text.len() <= 3
                            && !grouped)
            });
            if lead_ok && next_is_group {
                grouped = true;
                j += 1;
            } else {
                break;
            }
        }
        let ce = self.chunk_end(j);
        let mut k = j + 1;
        let mut dec: Option<&str> = None;
        // Decimal comma glued on both sides.
        if k + 1 < ce
            && self.tok(k).is_some_and(|t| t.is_punct(','))
            && self.tok(k + 1).is_some_and(|t| t.kind == Kind::Num)
        {
            dec = self.tok(k + 1).map(|t| t.text);
            k += 2;
        }
        let mut last = k - 1;
        let mut percent = false;
        let mut ordinal = false;
        let mut hyphen_parts: Vec<(usize, f64)> = Vec::new();
        if k < ce {
            let t = &self.tokens[k];
            if t.is_punct('%') {
                percent = true;
                last = k;
                k += 1;
            } else if t.kind == Kind::Word && ORDINAL_SUFFIXES.contains(&t.lower) {
                ordinal = true;
                last = k;
                k += 1;
            } else if (t.is_punct('-') || t.is_punct('–')) && dec.is_none() && !grouped {
                // "7-10", "2017-2019", "73-1": parts joined by hyphens.
                let mut m = k;
                while m + 1 < ce
                    && self
                        .tok(m)
                        .is_some_and(|x| x.is_punct('-') || x.is_punct('–'))
                    && self.tok(m + 1).is_some_and(|x| x.kind == Kind::Num)
                {
                    let text = self.tok(m + 1).map(|x| x.text).unwrap_or("");
                    hyphen_parts.push((m + 1, digits_value(text, None)));
                    m += 2;
                }
                if hyphen_parts.is_empty() {
                    return ce;
                }
                last = m - 1;
                k = m;
                if k < ce && self.tok(k).is_some_and(|x| x.is_punct('%')) {
                    percent = true;
                    last = k;
                    k += 1;
                }
            }
        }
        // The rest of the chunk must be closing punctuation.
        let tail_ok = (k..ce).all(|m| {
            self.tok(m)
                .is_some_and(|t| t.kind == Kind::Punct && CLOSERS.contains(&t.first_char()))
        });
        if !tail_ok {
            return ce;
        }
        let value = with_decimals(int, dec);
        if ordinal {
            let ranks = self
                .tok(last + 1)
                .is_some_and(|n| n.is_word(RANK_WORDS) && n.gap != Gap::None);
            if ranks {
                self.push(simple(i, last, value, Form::Ordinal, Some(Unit::Other)));
            }
            return ce;
        }
        if !hyphen_parts.is_empty() {
            // Two or more numbers glued by hyphens: kept as a range of two, the
            // exclusion and year rules judge identifiers and periods.
            if hyphen_parts.len() == 1 {
                let (hi_idx, hi_val) = hyphen_parts[0];
                let lo_year = (1900.0..=2100.0).contains(&value) && int_len == 4;
                let hi_year = (1900.0..=2100.0).contains(&hi_val);
                let is_range = hi_val > value && !(lo_year || hi_year);
                if is_range {
                    let unit = percent.then_some(Unit::Percent);
                    self.push(Mention {
                        qualifier: Some(Qualifier::RangeLow),
                        glued_range_low: true,
                        ..simple(i, i, value, Form::PlainDigits, unit)
                    });
                    self.push(Mention {
                        qualifier: Some(Qualifier::RangeHigh),
                        glued_range_high: true,
                        ..simple(hi_idx, last, hi_val, Form::PlainDigits, unit)
                    });
                }
            }
            return ce;
        }
        let mut value = value;
        let mut form = if grouped || dec.is_some() {
            Form::Digits
        } else {
            Form::PlainDigits
        };
        let year_like =
            form == Form::PlainDigits && int_len == 4 && (1900.0..=2100.0).contains(&value);
        // Multiplier word: "20,3 millions", "3 mille".
        if !percent {
            if let Some(n) = self.tok(last + 1) {
                if n.kind == Kind::Word && n.gap != Gap::None && n.gap != Gap::Newline {
                    if let Some(mult) = multiplier(n.lower) {
                        value *= mult;
                        last += 1;
                        form = Form::Digits;
                    }
                }
            }
        }
        let unit = if percent || self.percent_after(last) {
            if !percent {
                last = self.percent_end(last);
            }
            Some(Unit::Percent)
        } else {
            None
        };
        self.push(Mention {
            year_like: year_like && unit.is_none() && form == Form::PlainDigits,
            ..simple(i, last, value, form, unit)
        });
        ce.max(last + 1)
    }

    /// True when `%` or "pour cent" follows token `last`.
    fn percent_after(&self, last: usize) -> bool {
        match self.tok(last + 1) {
            Some(t) if t.is_punct('%') && t.gap != Gap::Newline => true,
            Some(t) if t.is_word(&["pour"]) => self
                .tok(last + 2)
                .is_some_and(|c| c.is_word(&["cent"]) || (c.kind == Kind::Num && c.text == "100")),
            _ => false,
        }
    }

    fn percent_end(&self, last: usize) -> usize {
        if self.tok(last + 1).is_some_and(|t| t.is_punct('%')) {
            last + 1
        } else {
            last + 2
        }
    }

    /// Scans a number in words starting at token `i`; returns the next index.
    fn words(&mut self, i: usize) -> usize {
        // Collect the run of number words ("et" only between two of them).
        // The run is tokens i..i + len (at most MAX_RUN words), read into `words`
        // without allocating: this runs for every "un" and "une".
        const MAX_RUN: usize = 12;
        let mut words = [""; MAX_RUN];
        let mut len = 0;
        let mut j = i;
        while let Some(t) = self.tok(j) {
            if j > i && (t.gap == Gap::None || len >= MAX_RUN) {
                break;
            }
            let linking_et = t.is_word(&["et"])
                && len > 0
                && self
                    .tok(j + 1)
                    .is_some_and(|n| n.kind == Kind::Word && is_number_word(n.lower));
            if t.kind == Kind::Word && is_number_word(t.lower) || linking_et {
                if let Some(slot) = words.get_mut(len) {
                    *slot = t.lower;
                }
                len += 1;
                j += 1;
            } else {
                break;
            }
        }
        if len == 0 {
            return i + 1;
        }
        // Longest prefix that text2num reads as one number.
        let mut n = len;
        while n > 0 {
            let words = words.get(..n).unwrap_or(&[]);
            let first = words.first().copied().unwrap_or("");
            let last_tok = i + n - 1;
            if words.len() == 1 && matches!(first, "un" | "une") {
                if let Some(next) = self.idiom_after_article(i) {
                    return next;
                }
                let mut m = simple(i, i, 1.0, Form::Words, None);
                m.article = true;
                self.push(m);
                return i + 1;
            }
            if words.iter().any(|w| is_ordinal_word(w)) {
                let value = words_value_ordinal(words);
                // "quatrième place", "vingt-neuvième sur 63 pays".
                let ranks = self
                    .tok(last_tok + 1)
                    .is_some_and(|t| t.is_word(RANK_WORDS))
                    || self.tok(last_tok + 1).is_some_and(|t| t.is_word(&["sur"]))
                        && self.tok(last_tok + 2).is_some_and(|t| t.kind == Kind::Num);
                if let (true, Some(value)) = (ranks, value) {
                    self.push(simple(i, last_tok, value, Form::Ordinal, Some(Unit::Other)));
                }
                return last_tok + 1;
            }
            if let Some(value) = words_value(words) {
                // "pour cent" is a percent sign, not a hundred.
                if first == "cent" && i > 0 && self.tok(i - 1).is_some_and(|t| t.is_word(&["pour"]))
                {
                    return i + 1;
                }
                // "deux tiers", "trois quarts", "deux centaines".
                if let Some(idiom) = self.idiom_after_number(i, last_tok, value) {
                    return idiom;
                }
                let mut last = last_tok;
                let unit = if self.percent_after(last) {
                    last = self.percent_end(last);
                    Some(Unit::Percent)
                } else {
                    None
                };
                self.push(simple(i, last, value, Form::Words, unit));
                return last + 1;
            }
            n -= 1;
        }
        i + 1
    }

    /// After "un"/"une": "une dizaine", "un tiers", "un quart", "un million".
    fn idiom_after_article(&mut self, i: usize) -> Option<usize> {
        let next = self.tok(i + 1)?;
        if next.kind != Kind::Word || next.gap == Gap::None {
            return None;
        }
        if let Some(v) = approx_noun(next.lower) {
            let mut m = simple(i, i + 1, v, Form::Idiom, None);
            if v < 1e6 {
                m.qualifier = Some(Qualifier::Approx);
            }
            self.push(m);
            return Some(i + 2);
        }
        let frac = match next.lower {
            "tiers" => 1.0 / 3.0,
            "quart" => 0.25,
            _ => return None,
        };
        self.push(simple(i, i + 1, frac, Form::Idiom, Some(Unit::Ratio)));
        Some(i + 2)
    }

    /// After a number in words: "deux tiers", "trois quarts", "deux centaines".
    fn idiom_after_number(&mut self, i: usize, last: usize, value: f64) -> Option<usize> {
        let next = self.tok(last + 1)?;
        if next.kind != Kind::Word {
            return None;
        }
        let frac = match next.lower {
            "tiers" => Some(value / 3.0),
            "quarts" | "quart" => Some(value / 4.0),
            _ => None,
        };
        if let Some(f) = frac {
            self.push(simple(i, last + 1, f, Form::Idiom, Some(Unit::Ratio)));
            return Some(last + 2);
        }
        let v = approx_noun(next.lower)?;
        if v >= 1e6 {
            return None;
        }
        let mut m = simple(i, last + 1, value * v, Form::Idiom, None);
        m.qualifier = Some(Qualifier::Approx);
        self.push(m);
        Some(last + 2)
    }

    /// "la moitié", "de moitié", "des milliers", "plusieurs centaines".
    fn idiom_word(&mut self, i: usize) -> usize {
        let Some(t) = self.tok(i) else { return i + 1 };
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        if t.lower == "moitié" {
            if let Some(p) = prev {
                if p.is_word(&["la", "de"]) {
                    let first = if p.lower == "la" { i - 1 } else { i };
                    self.push(simple(first, i, 0.5, Form::Idiom, Some(Unit::Ratio)));
                }
            }
            return i + 1;
        }
        let Some(v) = approx_noun(t.lower) else {
            return i + 1;
        };
        if !t.lower.ends_with('s') {
            return i + 1;
        }
        if let Some(p) = prev {
            if p.is_word(&["des", "plusieurs", "quelques", "de"]) {
                // "des milliers de femmes": more than one thousand.
                let followed_by_de = self.tok(i + 1).is_some_and(|n| n.is_word(&["de", "d"]));
                if followed_by_de || p.lower != "de" {
                    let mut m = simple(i, i, v, Form::Idiom, None);
                    m.qualifier = Some(if p.lower == "quelques" {
                        Qualifier::Approx
                    } else {
                        Qualifier::MoreThan
                    });
                    self.push(m);
                }
            }
        }
        i + 1
    }
}

fn words_value_ordinal(words: &[&str]) -> Option<f64> {
    let french = French::new();
    let digits = french.exec_group(words.iter().copied()).ok()?;
    let mut value = 0.0_f64;
    for d in digits.iter() {
        value = value * 10.0 + f64::from(d.saturating_sub(b'0'));
    }
    Some(value)
}

fn simple(first: usize, last: usize, value: f64, form: Form, unit: Option<Unit>) -> Mention {
    Mention {
        first,
        last,
        value,
        form,
        unit,
        qualifier: None,
        glued_range_low: false,
        glued_range_high: false,
        year_like: false,
        article: false,
        excluded: false,
    }
}

/// Finds every number written in digits or words, in text order (`digit_runs`,
/// the number of digit runs, sizes the list).
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn scan(tokens: &[Token<'_>], digit_runs: usize) -> Vec<Mention> {
    let mut s = Scanner {
        tokens,
        // About one mention per digit run: one allocation, no growth.
        out: Vec::with_capacity(digit_runs),
    };
    let mut i = 0;
    // Words that cannot start a number, an idiom or a multiple (most of them)
    // and punctuation are skipped.
    while let Some(next) = next_where(tokens, i, |t| {
        t.kind == Kind::Num || t.kind == Kind::Word && may_be_numeric(t.lower)
    }) {
        i = next;
        let t = &tokens[i];
        i = match t.kind {
            Kind::Num => s.digits(i),
            Kind::Word if is_number_word(t.lower) => s.words(i),
            Kind::Word if t.lower == "moitié" || approx_noun(t.lower).is_some() => s.idiom_word(i),
            Kind::Word if multiple_verb(t.lower).is_some() => {
                let v = multiple_verb(t.lower).unwrap_or(1.0);
                let mut m = simple(i, i, v, Form::Idiom, Some(Unit::Ratio));
                m.qualifier = Some(Qualifier::Change);
                s.out.push(m);
                i + 1
            }
            _ => i + 1,
        }
        .max(i + 1);
    }
    // "un an et demi", "deux ans et demi".
    for m in &mut s.out {
        let w = |k: usize| tokens.get(k).map(|t| t.lower).unwrap_or("");
        if matches!(w(m.last + 1), "an" | "ans")
            && w(m.last + 2) == "et"
            && matches!(w(m.last + 3), "demi" | "demie")
        {
            m.value += 0.5;
            m.last += 3;
            m.unit = Some(Unit::Years);
            m.article = false;
        }
    }
    s.out
}

/// "doublé", "triplé": a change by a factor.
fn multiple_verb(w: &str) -> Option<f64> {
    if !matches!(w.as_bytes().first(), Some(b'd' | b't' | b'q')) {
        return None;
    }
    let stem = w
        .strip_suffix("ées")
        .or_else(|| w.strip_suffix("és"))
        .or_else(|| w.strip_suffix("ée"))
        .or_else(|| w.strip_suffix('é'))?;
    match stem {
        "doubl" => Some(2.0),
        "tripl" => Some(3.0),
        "quadrupl" => Some(4.0),
        "quintupl" => Some(5.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        let mut arena = String::new();
        let stream = tokenize(text, &mut arena);
        let toks = stream.single();
        scan(&toks, toks.numbers.len())
            .iter()
            .filter(|m| !m.article)
            .map(|m| m.value)
            .collect()
    }

    #[test]
    fn the_prefix_filter_lets_every_numeric_word_through() {
        let words = [
            "un",
            "une",
            "deux",
            "trois",
            "quatre",
            "cinq",
            "six",
            "sept",
            "huit",
            "neuf",
            "dix",
            "onze",
            "douze",
            "treize",
            "quatorze",
            "quinze",
            "seize",
            "vingt",
            "vingts",
            "trente",
            "quarante",
            "cinquante",
            "soixante",
            "septante",
            "huitante",
            "octante",
            "nonante",
            "cent",
            "cents",
            "mille",
            "million",
            "millions",
            "milliard",
            "milliards",
            "unième",
            "deuxième",
            "cinquième",
            "neuvième",
            "onzièmes",
            "vingt-deux",
            "dizaine",
            "douzaines",
            "quinzaine",
            "vingtaine",
            "trentaine",
            "quarantaine",
            "cinquantaine",
            "soixantaine",
            "centaines",
            "millier",
            "milliers",
            "moitié",
            "doublé",
            "triplées",
            "quadruplé",
            "quintuplés",
        ];
        for w in words {
            assert!(may_be_numeric(w), "{w}");
        }
        for w in ["de", "la", "cas", "femmes", "en", "plus"] {
            assert!(!is_number_word(w) || w == "de", "{w}");
        }
        assert!(is_number_word("quatrième") && is_number_word("onzième"));
        assert!(!is_number_word("dernière") && !is_number_word("problème"));
    }

    #[test]
    fn reads_grouped_digits_decimals_multipliers_and_percent() {
        assert_eq!(values("115 526 et 75\u{a0}004"), [115526.0, 75004.0]);
        assert_eq!(values("20,3 millions"), [20300000.0]);
        assert_eq!(values("3,1 milliards de tenge"), [3100000000.0]);
        assert_eq!(values("71,2 %"), [71.2]);
        assert_eq!(values("1\u{202f}234,5"), [1234.5]);
    }

    #[test]
    fn does_not_group_a_year_with_the_next_number() {
        assert_eq!(values("En 2012 283 tables"), [2012.0, 283.0]);
    }

    #[test]
    fn reads_numbers_in_words_but_not_the_article() {
        assert_eq!(values("trois mille personnes"), [3000.0]);
        assert_eq!(values("Cinquante-deux plaintes"), [52.0]);
        assert!(values("une loi et un décret").is_empty());
        assert_eq!(values("dix pour cent"), [10.0]);
    }

    #[test]
    fn reads_idioms() {
        assert_eq!(values("une dizaine de rapporteurs"), [10.0]);
        assert_eq!(values("des milliers de femmes"), [1000.0]);
        assert_eq!(values("la moitié des cas"), [0.5]);
        let v = values("deux tiers");
        assert!(v.len() == 1 && (v[0] - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn skips_symbols_references_and_bare_ordinals() {
        assert!(values("A/HRC/WG.6/34/KAZ/1 GE.19-17926 125.49").is_empty());
        assert!(values("6e année, troisième rapport").is_empty());
        assert_eq!(values("quatrième place"), [4.0]);
    }
}
