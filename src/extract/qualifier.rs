//! Qualifiers: how the text bounds each figure ("plus de", "environ", "jusqu'à",
//! "de 7 à 10 %", "en hausse de", "d'ici à 2030").
//!
//! Owns the reading of the words around a number that bound or qualify it.
//! Invariant: looks only at a few tokens on either side, within the sentence.

use super::numerals::Mention;
use super::tokens::{sentence, Kind, Token};
use super::Qualifier;

super::tokens::word_set! {
    /// Verbs of change before "de"/"par": "a diminué de 13 000". Before "de X à Y"
    /// they move from X to Y ("a augmenté de 30 à 60").
    fn is_change_verb = [
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
        "crû",
        "grimpé",
        "décru",
        "fléchi",
        "augmenter",
        "diminuer",
        "réduire",
        "baisser",
        "progresser",
    ]
}

super::tokens::word_set! {
    /// Nouns of change before "de": "une hausse de 12 %". Before "de X à Y" they
    /// give a range ("une diminution de 7 à 10 %"), not a movement.
    fn is_change_noun = [
        "hausse",
        "baisse",
        "augmentation",
        "diminution",
        "réduction",
        "croissance",
        "recul",
        "progression",
        "accroissement",
        "repli",
        "contraction",
        "chute",
    ]
}

super::tokens::word_set! {
    /// Verbs of movement that state no change by themselves: "est passé de X à Y".
    fn is_move_verb = [
        "passé",
        "passée",
        "passés",
        "passées",
        "passant",
        "passe",
        "passent",
        "passer",
        "évolué",
        "évoluant",
        "porté",
        "portée",
        "portés",
        "portées",
        "ramené",
        "ramenée",
        "ramenés",
        "ramenées",
        "allant",
    ]
}

/// Whether `word` leads a movement "from X to Y", whose two values are exact.
fn moves_from_to(word: &str) -> bool {
    is_move_verb(word) || is_change_verb(word)
}

fn word_at<'a>(tokens: &'a [Token<'_>], k: Option<usize>) -> &'a str {
    k.and_then(|k| tokens.get(k)).map(|t| t.lower).unwrap_or("")
}

/// Up to `N` token indices, on the stack: [`before`] runs for every number, and
/// an allocation each time cost more than the look itself.
struct Near<const N: usize> {
    indices: [usize; N],
    len: usize,
}

impl<const N: usize> std::ops::Deref for Near<N> {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        self.indices.get(..self.len).unwrap_or_default()
    }
}

/// Indices of the (up to) `N` tokens before `i` in the same sentence, nearest first,
/// with elided "d’"/"l’"/"jusqu’" read as their words (the apostrophe is skipped).
fn before<const N: usize>(tokens: &[Token<'_>], i: usize) -> Near<N> {
    let sid = sentence(tokens, i);
    let mut out = Near {
        indices: [0; N],
        len: 0,
    };
    let mut k = i;
    while k > 0 && out.len < N {
        k -= 1;
        if sentence(tokens, k) != sid {
            break;
        }
        let t = &tokens[k];
        if t.kind == Kind::Punct && matches!(t.first_char(), '’' | '\'') {
            continue;
        }
        if let Some(slot) = out.indices.get_mut(out.len) {
            *slot = k;
            out.len += 1;
        }
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
        ("au", "plus") | ("au", "maximum") | ("plus", "tard") => return Some(Qualifier::AtMost),
        ("parmi", "les") => return Some(Qualifier::AtMost),
        _ => {}
    }
    // "dans un délai de trois jours", "délai maximal de", "dans les cinq jours".
    if de && (w1 == "délai" || w2 == "délai") {
        return Some(Qualifier::AtMost);
    }
    if w0 == "les" && w1 == "dans" && prev_is_time_limit(tokens, prev) {
        return Some(Qualifier::AtMost);
    }
    // "maximum de 8 000", "un montant maximal équivalent à cinq".
    if prev.iter().take(4).any(|&k| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word(&["maximal", "maximale", "maximum", "maximaux"]))
    }) {
        return Some(Qualifier::AtMost);
    }
    // "jusqu'à l'âge de 3 ans".
    if de
        && w1 == "âge"
        && prev
            .iter()
            .take(5)
            .any(|&k| tokens.get(k).is_some_and(|t| t.is_word(&["jusqu"])))
    {
        return Some(Qualifier::AtMost);
    }
    if w0 == "les" && matches!(w1, "avoisine" | "avoisinent" | "atteint") && w1 != "atteint" {
        return Some(Qualifier::Approx);
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
        | "avoisinant" | "avoisine" | "avoisinent" | "env" => return Some(Qualifier::Approx),
        "dépasser" | "excéder" => {
            return if prev.iter().take(4).any(|&k| {
                tokens
                    .get(k)
                    .is_some_and(|t| t.is_word(&["ne", "n", "pas", "sans"]))
            }) {
                Some(Qualifier::AtMost)
            } else {
                Some(Qualifier::MoreThan)
            };
        }
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

/// "dans les cinq jours suivant": the caller passes the tokens before the number;
/// a limit only when a unit of time follows it.
fn prev_is_time_limit(tokens: &[Token<'_>], prev: &[usize]) -> bool {
    let Some(&k) = prev.first() else { return false };
    // prev[0] is "les": the number follows it, and its unit follows the number.
    let mut j = k + 2;
    while tokens
        .get(j)
        .is_some_and(|t| t.kind == Kind::Num || t.is_word(&["-"]))
    {
        j += 1;
    }
    tokens
        .get(j)
        .is_some_and(|t| t.is_word(&["jours", "heures", "mois", "ans", "semaines", "jour"]))
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
        "de" | "d" | "par" => is_change_verb(w(n + 1)) || is_change_noun(w(n + 1)),
        // "en hausse de" is read above; "diminué de moitié" lands here too.
        _ => false,
    }
}

/// True when the figure is a goal: "d'ici à 2030", "à l'horizon 2030 prévoit",
/// "devraient", "s'est fixé pour objectif de", "il est prévu de porter".
fn is_target(tokens: &[Token<'_>], m: &Mention) -> bool {
    let sid = sentence(tokens, m.first);
    let mut k = m.last + 1;
    let mut steps = 0;
    while let Some(t) = tokens.get(k) {
        if steps > 12 || sentence(tokens, k) != sid {
            break;
        }
        if t.kind == Kind::Punct && matches!(t.first_char(), ';' | ':' | '(' | ',') {
            break;
        }
        if t.kind == Kind::Num && steps > 0 && !is_year_token(t) {
            break;
        }
        if t.is_word(&["horizon", "devrait", "devraient", "devra", "devront"]) {
            return true;
        }
        if t.is_word(&["ici"]) && k > 1 && tokens[k - 2].is_word(&["d"]) {
            return true;
        }
        k += 1;
        steps += 1;
    }
    let prev = before::<45>(tokens, m.first);
    let w = |n: usize| word_at(tokens, prev.get(n).copied());
    for n in 0..prev.len() {
        match w(n) {
            "devrait" | "devraient" | "devra" | "devront" if n < 10 => return true,
            "porter"
                if n < 8
                    && prev[n + 1..].iter().take(4).any(|&k| {
                        tokens
                            .get(k)
                            .is_some_and(|t| t.is_word(&["prévu", "prévoit", "prévoient", "vise"]))
                    }) =>
            {
                return true
            }
            "objectif" | "objectifs" if n > 0 => {
                // "pour objectif de créer", "objectifs concrets :"; not "34 objectifs au lieu de 16".
                let after = w(n - 1);
                if matches!(
                    after,
                    "de" | "d" | ":" | "concrets" | "fixés" | "visant" | "consistant"
                ) {
                    return true;
                }
                // "l'objectif pour 2018 était de 30 %": the goal set for a year.
                let year_after = n >= 2
                    && prev
                        .get(n - 2)
                        .and_then(|&k| tokens.get(k))
                        .is_some_and(is_year_token);
                if w(n) == "objectif" && after == "pour" && year_after {
                    return true;
                }
            }
            // "le document … à l'horizon 2030 prévoit …".
            "prévoit" | "prévoient" | "fixe" | "fixent" | "vise" | "visent"
                if prev[n + 1..]
                    .iter()
                    .take(12)
                    .any(|&k| tokens.get(k).is_some_and(|t| t.is_word(&["horizon"]))) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

fn is_year_token(t: &Token<'_>) -> bool {
    t.kind == Kind::Num && t.text.len() == 4 && matches!(t.text.get(..2), Some("19" | "20"))
}

/// True when only "à", "-" or "et" (after "entre") separates two numbers.
/// How two adjacent numbers relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pair {
    /// "de 7 à 10 %": a range.
    Range,
    /// "passé de 303 à 896": a former and a new value.
    FromTo,
}

fn pair_of(tokens: &[Token<'_>], a: &Mention, b: &Mention) -> Option<Pair> {
    if b.first != a.last + 2 {
        return None;
    }
    let sep = tokens.get(a.last + 1)?;
    let near = before::<4>(tokens, a.first);
    let mut prev = Near::<4> {
        indices: [0; 4],
        len: 0,
    };
    for &k in near.iter().filter(|&&k| !tokens[k].is_punct('(')) {
        if let Some(slot) = prev.indices.get_mut(prev.len) {
            *slot = k;
            prev.len += 1;
        }
    }
    let w = |n: usize| word_at(tokens, prev.get(n).copied());
    let from_to = matches!(w(0), "de" | "d") && moves_from_to(w(1)) || moves_from_to(w(0));
    let to = sep.is_word(&["à"]);
    if from_to && to {
        return Some(Pair::FromTo);
    }
    if a.value >= b.value && a.unit == b.unit {
        return None;
    }
    if to || sep.is_punct('-') || sep.is_punct('–') {
        return Some(Pair::Range);
    }
    (sep.is_word(&["et"]) && w(0) == "entre").then_some(Pair::Range)
}

super::tokens::word_set! {
    /// Auxiliaries and common finite verbs: between two numbers, they mean each
    /// number has its own clause ("Environ 70 000 ordonnances ont été délivrées et
    /// les tribunaux ont imposé … à 80 000 auteurs").
    fn is_finite_verb = [
        "a", "ont", "est", "sont", "été", "était", "étaient", "avait", "avaient",
        "sera", "seront", "fut", "furent", "compte", "comptait", "comptent",
        "représente", "représentent", "représentait", "atteint", "atteignait",
    ]
}

/// Whether the approximation before `a` also bounds `b`: they are coordinated
/// ("environ 70 000 et 80 000", "environ 70 000 hommes et 80 000 femmes",
/// "environ 300, 400 ou 500 cas") within one clause: at most four words apart, joined
/// by "et", "ou" or a comma, with no verb, parenthesis, "dont" or other number word
/// between them (each of which gives the second number a clause of its own). The
/// second number must be round as well: "Environ 17 000 élèves et 597 directeurs"
/// counts the directors to the unit, which no one writes of an estimate.
fn distributes(tokens: &[Token<'_>], a: &Mention, b: &Mention) -> bool {
    if !is_round(b.value) {
        return false;
    }
    let Some(between) = tokens.get(a.last + 1..b.first) else {
        return false;
    };
    if between.is_empty()
        || between.len() > 4
        || sentence(tokens, a.last) != sentence(tokens, b.first)
    {
        return false;
    }
    let joined = between
        .last()
        .is_some_and(|t| t.is_word(&["et", "ou"]) || t.is_punct(','));
    let clause_of_its_own = between.iter().any(|t| {
        (t.kind == Kind::Word && (is_finite_verb(t.lower) || t.lower == "dont"))
            || t.kind == Kind::Num
            || (t.kind == Kind::Punct && !t.is_punct(','))
    });
    joined && !clause_of_its_own
}

/// Whether a value looks rounded: a whole number ending in zeros from its third
/// digit on (400, 80 000, 17 500), or one of two digits ending in zero (30).
fn is_round(value: f64) -> bool {
    if value.fract() != 0.0 || value < 10.0 {
        return false;
    }
    let digits = value.log10().floor() as i32 + 1;
    let unit = 10f64.powi((digits - 3).max(1));
    value % unit == 0.0
}

/// The qualifier of each mention, in order, and for each mention whether it
/// starts a pair with the next one.
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn assign(
    tokens: &[Token<'_>],
    mentions: &[Mention],
) -> (Vec<Qualifier>, Vec<Option<Pair>>) {
    let mut out: Vec<Option<Qualifier>> = mentions.iter().map(|m| m.qualifier).collect();
    let mut pairs: Vec<Option<Pair>> = vec![None; mentions.len()];
    // Ranges first: they win over the words before the low end.
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        if out[i - 1].is_some() || out[i].is_some() {
            continue;
        }
        let pair = pair_of(tokens, a, b);
        pairs[i - 1] = pair;
        if pair == Some(Pair::Range) {
            out[i - 1] = Some(Qualifier::RangeLow);
            out[i] = Some(Qualifier::RangeHigh);
        }
    }
    // Whether the figure before is a part of a change listed after "dont".
    let mut after_change_part = false;
    for (i, m) in mentions.iter().enumerate() {
        let change_part = std::mem::take(&mut after_change_part);
        let preset = out[i];
        if matches!(
            preset,
            Some(Qualifier::RangeLow | Qualifier::RangeHigh | Qualifier::Change)
        ) {
            continue;
        }
        let prev = before::<8>(tokens, m.first);
        let mut q = if is_change(tokens, &prev) {
            Some(Qualifier::Change)
        } else {
            from_words_before(tokens, &prev)
        };
        // "ne peut être détenue plus de soixante-douze heures": a limit.
        if q == Some(Qualifier::MoreThan)
            && prev
                .iter()
                .skip(2)
                .take(6)
                .any(|&k| tokens.get(k).is_some_and(|t| t.is_word(&["ne", "n"])))
        {
            q = Some(Qualifier::AtMost);
        }
        // "et plus", "ou plus" after the number; "12 % de plus qu'en 2017".
        let after = |n: usize| tokens.get(m.last + n).map(|t| t.lower).unwrap_or("");
        if q.is_none() {
            if matches!(after(1), "et" | "ou") && after(2) == "plus" {
                q = Some(Qualifier::AtLeast);
            } else if after(1) == "de" && matches!(after(2), "plus" | "moins") {
                q = Some(Qualifier::Change);
            }
        }
        // "les 10 premiers": a rank of at most 10.
        if q.is_none() && after(1) == "premiers" && word_at(tokens, prev.first().copied()) == "les"
        {
            q = Some(Qualifier::AtMost);
        }
        if q.is_none() {
            q = preset;
        }
        // An amount in parentheses converting the one before it: same bound
        // ("maximum de 8 000 unités comptables mensuelles (19 millions de tenge)").
        if q.is_none() && i > 0 && m.first >= 1 && tokens[m.first - 1].is_punct('(') {
            let p = &mentions[i - 1];
            let currency = (m.last + 1..m.last + 4).any(|k| {
                tokens
                    .get(k)
                    .is_some_and(|t| t.is_word(&["tenge", "dollars", "euros", "usd", "eur"]))
            });
            let same_sentence = sentence(tokens, p.first) == sentence(tokens, m.first);
            if currency && same_sentence && m.first > p.last && m.first - p.last <= 6 {
                q = out[i - 1].filter(|q| matches!(q, Qualifier::AtMost | Qualifier::AtLeast));
            }
        }
        // "de 1 183 fonctionnaires, dont 591 en 2010": parts of a change are changes.
        // (Within the sentence: the qualifier never passes to another.)
        if q.is_none()
            && i > 0
            && word_at(tokens, prev.first().copied()) == "dont"
            && sentence(tokens, mentions[i - 1].first) == sentence(tokens, m.first)
        {
            q = out[i - 1].filter(|q| *q == Qualifier::Change);
            after_change_part = q.is_some();
        }
        // "…, dont 591 en 2010 et 592 en 2011": the next yearly part as well.
        if q.is_none() && i > 0 && change_part {
            let between = tokens.get(mentions[i - 1].last + 1..m.first).unwrap_or(&[]);
            let yearly_list = between.len() <= 4
                && between
                    .iter()
                    .any(|t| t.is_word(&["et"]) || t.is_punct(','))
                && between
                    .iter()
                    .all(|t| t.is_word(&["en", "et"]) || t.is_punct(',') || is_year_token(t));
            if yearly_list {
                q = Some(Qualifier::Change);
                after_change_part = true;
            }
        }
        let from_pair_low = i > 0 && pairs[i - 1] == Some(Pair::FromTo);
        if q != Some(Qualifier::AtMost)
            && !pairs[i].is_some_and(|p| p == Pair::FromTo)
            && is_target(tokens, m)
            && (from_pair_low || !matches!(q, Some(Qualifier::Approx)))
        {
            q = Some(Qualifier::Target);
        }
        out[i] = q;
        // "environ 70 000 hommes et 80 000 femmes": one "environ" for both.
        if q.is_none()
            && i > 0
            && out[i - 1] == Some(Qualifier::Approx)
            && distributes(tokens, &mentions[i - 1], m)
        {
            out[i] = Some(Qualifier::Approx);
        }
    }
    (
        out.into_iter()
            .map(|q| q.unwrap_or(Qualifier::Exact))
            .collect(),
        pairs,
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract_text, Qualifier};

    fn qualifiers(text: &str) -> Vec<(String, Qualifier)> {
        extract_text(text, Some(2019))
            .into_iter()
            .map(|f| (f.verbatim, f.qualifier))
            .collect()
    }

    #[test]
    fn environ_bounds_every_number_of_a_coordination() {
        use Qualifier::{Approx, Exact};
        let pair = |a: &str, qa, b: &str, qb| vec![(a.to_string(), qa), (b.to_string(), qb)];
        assert_eq!(
            qualifiers("Environ 70 000 hommes et 80 000 femmes ont été aidés."),
            pair("70 000", Approx, "80 000", Approx)
        );
        assert_eq!(
            qualifiers("On compte environ 300 ou 400 cas par an."),
            pair("300", Approx, "400", Approx)
        );
        // Each number in its own clause: "environ" bounds the first only.
        assert_eq!(
            qualifiers("Environ 70 000 ordonnances de protection ont été délivrées et les tribunaux ont imposé des règles de conduite à 80 000 auteurs de violences familiales."),
            pair("70 000", Approx, "80 000", Exact)
        );
        // A number counted to the unit is no estimate.
        assert_eq!(
            qualifiers("Environ 17 000 élèves et 597 directeurs d’école ont participé."),
            pair("17 000", Approx, "597", Exact)
        );
        // A part of the approximate whole is stated as is.
        assert_eq!(
            qualifiers("Environ 70 000 personnes, dont 30 000 femmes, ont été aidées."),
            pair("70 000", Approx, "30 000", Exact)
        );
        // The second number's own words win.
        assert_eq!(
            qualifiers("Environ 70 000 hommes et plus de 80 000 femmes."),
            pair("70 000", Approx, "80 000", Qualifier::MoreThan)
        );
    }
}
