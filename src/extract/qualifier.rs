//! Qualifiers: how the text bounds each figure ("plus de", "environ", "jusqu'à",
//! "de 7 à 10 %", "en hausse de", "d'ici à 2030").
//!
//! Owns the reading of the words around a number that bound or qualify it.
//! Invariant: looks only at a few tokens on either side, within the sentence.

use super::numerals::Mention;
use super::tokens::{Kind, Token};
use super::Qualifier;

/// Verbs and nouns of change before "de"/"par": "a diminué de 13 000".
const CHANGE_WORDS: &[&str] = &[
    "augmenté",
    "augmentée",
    "augmentés",
    "augmentées",
    "diminué",
    "diminuée",
    "diminués",
    "diminuées",
    "baissé",
    "réduit",
    "réduite",
    "réduits",
    "réduites",
    "accru",
    "accrue",
    "accrus",
    "accrues",
    "progressé",
    "reculé",
    "chuté",
    "régressé",
    "hausse",
    "baisse",
    "augmentation",
    "diminution",
    "réduction",
    "croissance",
    "recul",
    "progression",
    "accroissement",
    "divisé",
    "divisée",
    "divisés",
    "divisées",
    "multiplié",
    "multipliée",
    "multipliés",
    "multipliées",
    "augmente",
    "diminue",
    "baisse",
    "crû",
    "grimpé",
    "décru",
    "fléchi",
    "repli",
    "contraction",
    "chute",
];

/// Verbs of movement "from X to Y": the two values are exact, not a range.
const FROM_TO_WORDS: &[&str] = &[
    "passé",
    "passée",
    "passés",
    "passées",
    "passant",
    "passe",
    "passent",
    "évolué",
    "porté",
    "portée",
    "portés",
    "portées",
    "ramené",
    "ramenée",
    "ramenés",
    "ramenées",
];

fn word_at<'a>(tokens: &'a [Token<'_>], k: Option<usize>) -> &'a str {
    k.and_then(|k| tokens.get(k))
        .map(|t| t.lower.as_str())
        .unwrap_or("")
}

/// Indices of the (up to) `n` tokens before `i` in the same sentence, nearest first,
/// with elided "d’"/"l’"/"jusqu’" read as their words (the apostrophe is skipped).
fn before(tokens: &[Token<'_>], sentences: &[u32], i: usize, n: usize) -> Vec<usize> {
    let sid = sentences.get(i).copied();
    let mut out = Vec::with_capacity(n);
    let mut k = i;
    while k > 0 && out.len() < n {
        k -= 1;
        if sentences.get(k).copied() != sid {
            break;
        }
        let t = &tokens[k];
        if t.kind == Kind::Punct && matches!(t.first_char(), '’' | '\'') {
            continue;
        }
        out.push(k);
    }
    out
}

/// The qualifier given by the words just before a number.
fn from_words_before(tokens: &[Token<'_>], prev: &[usize]) -> Option<Qualifier> {
    let w = |n: usize| word_at(tokens, prev.get(n).copied());
    let (w0, w1, w2) = (w(0), w(1), w(2));
    let de = matches!(w0, "de" | "d");
    // Two-word phrases ending just before the number.
    match (w1, w0) {
        ("au", "moins") | ("au", "minimum") => return Some(Qualifier::AtLeast),
        ("au", "plus") | ("au", "maximum") => return Some(Qualifier::AtMost),
        ("à", "partir") => {}
        _ => {}
    }
    if de {
        match w1 {
            "plus" if w2 == "pas" => return Some(Qualifier::AtMost),
            "plus" => return Some(Qualifier::MoreThan),
            "moins" if w2 == "pas" => return Some(Qualifier::AtLeast),
            "moins" => return Some(Qualifier::LessThan),
            "près" | "autour" | "ordre" => return Some(Qualifier::Approx),
            "partir" if w2 == "à" => return Some(Qualifier::AtLeast),
            "delà" | "au-delà" => return Some(Qualifier::MoreThan),
            _ => {}
        }
    }
    match w0 {
        "environ" | "quelque" | "approximativement" | "quasiment" | "pratiquement" | "presque"
        | "avoisinant" | "env" => return Some(Qualifier::Approx),
        "jusqu" | "jusque" => return Some(Qualifier::AtMost),
        "≤" | "⩽" => return Some(Qualifier::AtMost),
        "≥" | "⩾" => return Some(Qualifier::AtLeast),
        "<" => return Some(Qualifier::LessThan),
        ">" => return Some(Qualifier::MoreThan),
        "maximum" | "maximal" | "maximale" => return Some(Qualifier::AtMost),
        "minimum" | "minimal" | "minimale" => return Some(Qualifier::AtLeast),
        "à" => match w1 {
            "jusqu" => return Some(Qualifier::AtMost),
            "supérieur" | "supérieure" | "supérieurs" | "supérieures" => {
                return Some(Qualifier::MoreThan)
            }
            "inférieur" | "inférieure" | "inférieurs" | "inférieures" => {
                return Some(Qualifier::LessThan)
            }
            "égal" | "égale" | "égaux" if w2 == "ou" => {
                let w3 = w(3);
                return if w3.starts_with("inférieur") {
                    Some(Qualifier::AtMost)
                } else if w3.starts_with("supérieur") {
                    Some(Qualifier::AtLeast)
                } else {
                    None
                };
            }
            "plafonné" | "plafonnée" | "limité" | "limitée" => return Some(Qualifier::AtMost),
            _ => {}
        },
        "dépassant" | "dépasse" | "dépassent" | "excédant" | "excède" => {
            return if matches!(w1, "ne" | "n") || w(2) == "ne" {
                Some(Qualifier::AtMost)
            } else {
                Some(Qualifier::MoreThan)
            };
        }
        "pas" if matches!(w1, "dépassant" | "excédant" | "dépasse" | "excède") => {
            return Some(Qualifier::AtMost)
        }
        _ => {}
    }
    None
}

/// True when a word of change governs the number: "en hausse de", "divisé par".
fn is_change(tokens: &[Token<'_>], prev: &[usize]) -> bool {
    let w = |n: usize| word_at(tokens, prev.get(n).copied());
    let mut n = 0;
    // Skip the bound words: "a augmenté de plus de 12 %".
    if matches!(w(0), "de" | "d") && matches!(w(1), "plus" | "moins" | "près") {
        n = 2;
    }
    if matches!(w(n), "environ" | "presque") {
        n += 1;
    }
    match w(n) {
        "de" | "d" | "par" => CHANGE_WORDS.contains(&w(n + 1)),
        // "en hausse de" is read above; "diminué de moitié" lands here too.
        _ => false,
    }
}

/// True when the figure is a goal: "d'ici à 2030", "à l'horizon 2030".
fn is_target(tokens: &[Token<'_>], sentences: &[u32], m: &Mention) -> bool {
    let sid = sentences.get(m.first).copied();
    let mut k = m.last + 1;
    let mut steps = 0;
    while let Some(t) = tokens.get(k) {
        if steps > 12 || sentences.get(k).copied() != sid {
            break;
        }
        if t.kind == Kind::Punct && matches!(t.first_char(), ';' | ':' | '(') {
            break;
        }
        if t.kind == Kind::Num && steps > 0 && !is_year_token(t) {
            break;
        }
        if t.is_word(&["horizon"]) {
            return true;
        }
        if t.is_word(&["ici"]) && k > 1 && tokens[k - 2].is_word(&["d"]) {
            return true;
        }
        k += 1;
        steps += 1;
    }
    let prev = before(tokens, sentences, m.first, 6);
    prev.iter().any(|&k| {
        tokens.get(k).is_some_and(|t| {
            t.is_word(&[
                "objectif",
                "objectifs",
                "cible",
                "atteindre",
                "porter",
                "viser",
                "vise",
                "visant",
            ])
        })
    })
}

fn is_year_token(t: &Token<'_>) -> bool {
    t.kind == Kind::Num && t.text.len() == 4 && matches!(t.text.get(..2), Some("19" | "20"))
}

/// True when only "à", "-" or "et" (after "entre") separates two numbers.
fn is_range(tokens: &[Token<'_>], sentences: &[u32], a: &Mention, b: &Mention) -> bool {
    if b.first != a.last + 2 || a.value >= b.value && a.unit == b.unit {
        return false;
    }
    let Some(sep) = tokens.get(a.last + 1) else {
        return false;
    };
    let prev = before(tokens, sentences, a.first, 3);
    let w = |n: usize| word_at(tokens, prev.get(n).copied());
    let from_to = matches!(w(0), "de" | "d") && FROM_TO_WORDS.contains(&w(1))
        || FROM_TO_WORDS.contains(&w(0));
    if from_to {
        return false;
    }
    if sep.is_word(&["à"]) || sep.is_punct('-') || sep.is_punct('–') {
        return true;
    }
    sep.is_word(&["et"]) && w(0) == "entre"
}

/// The qualifier of each mention, in order.
pub(crate) fn assign(
    tokens: &[Token<'_>],
    sentences: &[u32],
    mentions: &[Mention],
) -> Vec<Qualifier> {
    let mut out: Vec<Option<Qualifier>> = mentions.iter().map(|m| m.qualifier).collect();
    // Ranges first: they win over the words before the low end.
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        if out[i - 1].is_none() && out[i].is_none() && is_range(tokens, sentences, a, b) {
            out[i - 1] = Some(Qualifier::RangeLow);
            out[i] = Some(Qualifier::RangeHigh);
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let prev = before(tokens, sentences, m.first, 5);
        let mut q = if is_change(tokens, &prev) {
            Some(Qualifier::Change)
        } else {
            from_words_before(tokens, &prev)
        };
        // "et plus", "ou plus" after the number.
        if q.is_none() {
            let a = tokens.get(m.last + 1);
            let b = tokens.get(m.last + 2);
            if a.is_some_and(|t| t.is_word(&["et", "ou"]))
                && b.is_some_and(|t| t.is_word(&["plus"]))
            {
                q = Some(Qualifier::AtLeast);
            }
        }
        if matches!(q, None | Some(Qualifier::Change)) && is_target(tokens, sentences, m) {
            q = Some(Qualifier::Target);
        }
        out[i] = q;
    }
    out.into_iter()
        .map(|q| q.unwrap_or(Qualifier::Exact))
        .collect()
}
