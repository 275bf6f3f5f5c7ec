//! Subjects: the short French noun phrase that says what a figure counts
//! ("ordonnances de protection", "cas de violence domestique", "Ouzbeks").
//!
//! Owns the choice of that phrase. Invariant: the subject is words of the same
//! sentence, at most a few of them, and may be empty when the text names none.

use super::numerals::Mention;
use super::tokens::{sentence, Kind, Token};

super::tokens::word_set! {
    /// Words that end a noun phrase (prepositions, verbs, conjunctions, pronouns).
    fn is_stop_word = [
        "en",
        "à",
        "au",
        "aux",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "contre",
        "dont",
        "qui",
        "que",
        "qu",
        "et",
        "ou",
        "ont",
        "sont",
        "a",
        "est",
        "été",
        "ne",
        "n",
        "se",
        "s",
        "était",
        "étaient",
        "sera",
        "seront",
        "soit",
        "selon",
        "entre",
        "chez",
        "sans",
        "sous",
        "vers",
        "depuis",
        "pendant",
        "lors",
        "après",
        "avant",
        "respectivement",
        "environ",
        "plus",
        "moins",
        "y",
        "compris",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "ce",
        "cette",
        "ces",
        "leur",
        "leurs",
        "son",
        "sa",
        "ses",
        "ainsi",
        "comme",
        "dès",
        "jusqu",
        "afin",
        "parmi",
        "grâce",
    ]
}

/// Words that cannot start a subject (units, multipliers, articles).
const NOT_FIRST: &[&str] = &[
    "de",
    "d",
    "des",
    "du",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "millions",
    "milliards",
    "mille",
];

fn is_stop(t: &Token<'_>) -> bool {
    t.kind != Kind::Word || is_stop_word(t.lower)
}

/// A noun phrase starting at token `k`: a noun and its "de …" complements.
fn phrase_at(
    tokens: &[Token<'_>],
    text_of: &dyn Fn(usize, usize) -> String,
    k: usize,
) -> Option<String> {
    // The words of the sentence that holds the token before the phrase: a
    // subject never comes from the next sentence.
    let sid = k.checked_sub(1).and_then(|p| sentence(tokens, p));
    let at = |j: usize| {
        tokens
            .get(j)
            .filter(|t| sid.is_none_or(|sid| t.sentence == sid))
    };
    let mut k = k;
    // "% des indicateurs", "milliards de tenge", "d’enfants".
    while at(k).is_some_and(|t| t.is_word(NOT_FIRST) || t.is_punct('’') || t.is_punct('\'')) {
        k += 1;
    }
    let first = at(k)?;
    if is_stop(first) || first.text.chars().count() < 2 {
        return None;
    }
    let start = k;
    let mut end = k;
    let mut j = k + 1;
    let mut words = 1;
    while let Some(t) = at(j) {
        if words >= 5 {
            break;
        }
        if t.is_punct('’') || t.is_punct('\'') {
            j += 1;
            continue;
        }
        if t.is_word(&["de", "d", "des", "du"]) {
            // Keep "de X" only when a content word follows.
            let mut n = j + 1;
            while at(n).is_some_and(|t| {
                t.is_punct('’') || t.is_punct('\'') || t.is_word(&["la", "l", "les"])
            }) {
                n += 1;
            }
            match at(n) {
                Some(w) if !is_stop(w) && w.kind == Kind::Word => {
                    end = n;
                    j = n + 1;
                    words += 2;
                    continue;
                }
                _ => break,
            }
        }
        if is_stop(t) || t.text.chars().next().is_some_and(char::is_uppercase) && words > 1 {
            break;
        }
        // Participles and verbs end the phrase: "ont été", "délivrées".
        if t.lower.ends_with("ées") || t.lower.ends_with("és") && t.lower.len() > 4 && words >= 2
        {
            break;
        }
        end = j;
        j += 1;
        words += 1;
    }
    let s = text_of(start, end);
    (!s.is_empty()).then_some(s)
}

/// The subject of each mention, in order.
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn assign(tokens: &[Token<'_>], mentions: &[Mention]) -> Vec<String> {
    let text_of = |a: usize, b: usize| -> String {
        let mut s = String::new();
        for (k, t) in tokens.iter().enumerate().take(b + 1).skip(a) {
            if k > a && t.gap != super::tokens::Gap::None {
                s.push(' ');
            }
            s.push_str(t.text);
        }
        s
    };
    let mut out: Vec<String> = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let mut k = m.last + 1;
        // Skip a unit word already read: "ans", "%" are not subjects, what follows is.
        if tokens.get(k).is_some_and(|t| t.is_punct('%')) {
            k += 1;
        }
        let mut subject = phrase_at(tokens, &text_of, k);
        if subject.is_none() {
            // "le nombre de X … est passé de N": the phrase after "nombre de".
            let sid = sentence(tokens, m.first);
            let mut j = m.first;
            while j > 0 && m.first - j < 40 {
                j -= 1;
                if sentence(tokens, j) != sid {
                    break;
                }
                if tokens[j].is_word(&["nombre", "total", "taux", "part", "proportion"]) {
                    subject = phrase_at(tokens, &text_of, j + 1);
                    if subject.is_some() {
                        break;
                    }
                }
            }
        }
        if subject.is_none() && i > 0 {
            // A number in a list shares the subject of the one before it.
            let prev = &mentions[i - 1];
            if sentence(tokens, prev.first) == sentence(tokens, m.first) && m.first - prev.last < 12
            {
                subject = out.last().cloned().filter(|s| !s.is_empty());
            }
        }
        out.push(subject.unwrap_or_default());
    }
    share_forward(tokens, mentions, &mut out);
    pair_respectively(tokens, mentions, &mut out);
    out
}

/// Whether only "et" and punctuation stand between two mentions.
fn joined(tokens: &[Token<'_>], before: &Mention, after: &Mention) -> bool {
    (before.last + 1..after.first).all(|j| {
        tokens
            .get(j)
            .is_some_and(|t| t.kind == Kind::Punct || t.is_word(&["et"]))
    })
}

/// "12 et 15 plaintes": a figure with no subject of its own, joined by "et" or a
/// comma to the next, counts the same thing.
fn share_forward(tokens: &[Token<'_>], mentions: &[Mention], out: &mut [String]) {
    for i in (0..mentions.len().saturating_sub(1)).rev() {
        let (m, next) = (&mentions[i], &mentions[i + 1]);
        if out[i].is_empty()
            && sentence(tokens, m.first) == sentence(tokens, next.first)
            && joined(tokens, m, next)
        {
            out[i] = out[i + 1].clone();
        }
    }
}

/// "70 000 ordonnances … à 80 000 auteurs … (contre 64 000 et 6 600,
/// respectivement, en 2018)": a group of figures joined by "et" or commas and
/// followed by "respectivement" takes, in order, the subjects of as many figures
/// before it in the same sentence. A group with no such figures before it
/// ("12 et 15 plaintes en 2011 et 2012 respectivement") keeps its own subject.
fn pair_respectively(tokens: &[Token<'_>], mentions: &[Mention], out: &mut [String]) {
    let sentence_of = |m: &Mention| sentence(tokens, m.first);
    for (last, m) in mentions.iter().enumerate() {
        let mut k = m.last + 1;
        while tokens.get(k).is_some_and(|t| t.kind == Kind::Punct) {
            k += 1;
        }
        if !tokens
            .get(k)
            .is_some_and(|t| t.is_word(&["respectivement"]))
        {
            continue;
        }
        let mut first = last;
        while first > 0 {
            let (prev, next) = (&mentions[first - 1], &mentions[first]);
            let joined = (prev.last + 1..next.first).all(|j| {
                tokens
                    .get(j)
                    .is_some_and(|t| t.kind == Kind::Punct || t.is_word(&["et"]))
            });
            if !joined || sentence_of(prev) != sentence_of(m) {
                break;
            }
            first -= 1;
        }
        let size = last + 1 - first;
        if size < 2 || first < size {
            continue;
        }
        let earlier = first - size..first;
        let usable = earlier.clone().all(|j| {
            sentence_of(&mentions[j]) == sentence_of(m) && out.get(j).is_some_and(|s| !s.is_empty())
        });
        if usable {
            for (group, before) in (first..=last).zip(earlier) {
                out[group] = out[before].clone();
            }
        }
    }
}
