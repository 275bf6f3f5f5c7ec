//! Units: what each figure measures (`count` unless the words after it say
//! otherwise: `%`, tenge, dollars, years, days, hours, "fois", ranks…).
//!
//! Owns the reading of the word that follows a number. Invariant: a range's low
//! end takes the unit of its high end ("de 7 à 10 %", "de trois à sept ans").

use super::numerals::Mention;
use super::qualifier::Pair;
use super::tokens::{Kind, Token};
use super::{Qualifier, Unit};

/// The unit named by a word (lower case).
fn unit_word(w: &str) -> Option<Unit> {
    Some(match w {
        "tenge" | "tenges" | "kzt" | "₸" => Unit::Tenge,
        "dollars" | "dollar" | "usd" | "$" => Unit::Usd,
        "euros" | "euro" | "eur" | "€" => Unit::Eur,
        "roubles" | "rouble" | "yuans" | "francs" | "livres" | "mci" | "indices" | "indice"
        | "salaires" | "som" | "soms" | "unités" | "mensualités" => Unit::OtherMoney,
        "ans" | "an" | "années" | "année" => Unit::Years,
        "jours" | "jour" => Unit::Days,
        "heures" | "heure" | "h" => Unit::Hours,
        "fois" => Unit::Ratio,
        "mois" | "semaines" | "semaine" | "minutes" | "minute" | "points" | "place" | "rang"
        | "position" | "km" | "kilomètres" | "mètres" | "m" | "m2" | "m²" | "hectares" | "ha"
        | "tonnes" | "kg" | "litres" | "degrés" | "kilogrammes" | "mégawatts" | "mw" | "kw"
        | "gigawatts" | "km²" | "secondes" => Unit::Other,
        _ => return None,
    })
}

/// The unit given by the tokens after token `last`.
fn unit_after(tokens: &[Token<'_>], last: usize) -> Option<Unit> {
    let mut k = last + 1;
    let t = tokens.get(k)?;
    // "3,1 milliards de tenge", "5 000 dollars des États-Unis".
    if t.is_word(&["de", "d"]) {
        k += 1;
        if tokens
            .get(k)
            .is_some_and(|t| t.is_punct('’') || t.is_punct('\''))
        {
            k += 1;
        }
        let w = tokens.get(k)?;
        return match unit_word(w.lower) {
            Some(Unit::Tenge | Unit::Usd | Unit::Eur) => unit_word(w.lower),
            Some(Unit::OtherMoney) if w.lower != "salaires" => Some(Unit::OtherMoney),
            _ => None,
        };
    }
    if t.kind == Kind::Punct && !matches!(t.first_char(), '$' | '€' | '₸') {
        return None;
    }
    let u = unit_word(t.lower)?;
    if u == Unit::Ratio {
        // "deux fois par an" counts; "30 fois l'indice de référence" is money.
        let n = tokens.get(k + 1).map(|t| t.lower).unwrap_or("");
        let mut j = k + 1;
        while tokens
            .get(j)
            .is_some_and(|t| t.is_word(&["l", "le", "la"]) || t.is_punct('’'))
        {
            j += 1;
        }
        if tokens
            .get(j)
            .is_some_and(|t| t.is_word(&["indice", "indices", "salaire", "montant"]))
        {
            return Some(Unit::OtherMoney);
        }
        return if n == "par" { None } else { Some(Unit::Ratio) };
    }
    if u == Unit::OtherMoney {
        // "30 indices de calcul mensuels", "2 salaires minimums".
        let n = tokens.get(k + 1).map(|t| t.lower).unwrap_or("");
        let n2 = tokens.get(k + 2).map(|t| t.lower).unwrap_or("");
        let money = match t.lower {
            "indices" | "indice" => n == "de" && matches!(n2, "calcul" | "référence"),
            "salaires" => n.starts_with("minim"),
            "unités" => n.starts_with("comptable"),
            _ => true,
        };
        return money.then_some(Unit::OtherMoney);
    }
    Some(u)
}

fn has_multiplier(tokens: &[Token<'_>], m: &Mention) -> bool {
    tokens
        .get(m.last)
        .is_some_and(|t| t.is_word(&["millions", "million", "milliards", "milliard"]))
}

/// The unit of each mention, in order.
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn assign(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    qualifiers: &[Qualifier],
    pairs: &[Option<Pair>],
) -> Vec<Unit> {
    let mut out: Vec<Unit> = mentions
        .iter()
        .map(|m| {
            m.unit
                .or_else(|| unit_after(tokens, m.last))
                .unwrap_or(Unit::Count)
        })
        .collect();
    // Money before the number: "$ 100", "USD 5 000".
    for (i, m) in mentions.iter().enumerate() {
        if out[i] == Unit::Count && m.first > 0 {
            if let Some(p) = tokens.get(m.first - 1) {
                if matches!(p.first_char(), '$' | '€' | '₸') || p.is_word(&["usd", "eur", "kzt"])
                {
                    out[i] = unit_word(p.lower).unwrap_or(Unit::Count);
                }
            }
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        // "parmi les 10 premiers": a rank.
        if out[i] == Unit::Count
            && tokens
                .get(m.last + 1)
                .is_some_and(|t| t.is_word(&["premiers", "premières"]))
            && m.first > 0
            && tokens[m.first - 1].is_word(&["les"])
        {
            out[i] = Unit::Other;
        }
        // "divisé par 1,3", "multiplié par 2": a factor.
        if out[i] == Unit::Count && m.first >= 2 {
            let p = &tokens[m.first - 1];
            let pp = &tokens[m.first - 2];
            if p.is_word(&["par"])
                && (pp.lower.starts_with("divis") || pp.lower.starts_with("multipli"))
            {
                out[i] = Unit::Ratio;
            }
        }
    }
    for i in (1..mentions.len()).rev() {
        let low = qualifiers.get(i - 1) == Some(&Qualifier::RangeLow);
        let high = qualifiers.get(i) == Some(&Qualifier::RangeHigh);
        let from_to = pairs.get(i - 1).copied().flatten() == Some(Pair::FromTo);
        if (low && high || from_to) && out[i - 1] == Unit::Count {
            out[i - 1] = out[i];
        }
    }
    // Money carries along a list of amounts with the same multiplier:
    // "(195 millions de tenge en 2009, 900 millions en 2010 …)".
    for i in 1..mentions.len() {
        let (p, m) = (&mentions[i - 1], &mentions[i]);
        if out[i] == Unit::Count
            && matches!(
                out[i - 1],
                Unit::Tenge | Unit::Usd | Unit::Eur | Unit::OtherMoney
            )
            && has_multiplier(tokens, m)
            && has_multiplier(tokens, p)
            && m.first - p.last <= 10
        {
            out[i] = out[i - 1];
        }
    }
    out
}
