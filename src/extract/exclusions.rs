//! Exclusions: numbers that are not figures. Article, law, decree, order,
//! resolution, paragraph and recommendation numbers (and the lists that follow
//! them), dates and years, list markers, page headers and footers, hotline numbers,
//! names in quotes.
//!
//! Owns the judgement "this number is an identifier, not a quantity". Invariant:
//! it only marks mentions excluded, never changes their value or extent.

use super::numerals::{Form, Mention};
use super::tokens::{Gap, Kind, Token, Tokens};
use crate::document::cover::MONTHS;

super::tokens::word_set! {
    /// Words after which a number identifies a text or a part of one.
    fn is_id_keyword = [
        "art",
        "article",
        "articles",
        "paragraphe",
        "paragraphes",
        "paragr",
        "alinéa",
        "alinéas",
        "point",
        "points",
        "loi",
        "lois",
        "décret",
        "décrets",
        "arrêté",
        "arrêtés",
        "ordonnance",
        "résolution",
        "résolutions",
        "recommandation",
        "recommandations",
        "décision",
        "décisions",
        "chapitre",
        "chapitres",
        "chap",
        "section",
        "sections",
        "sect",
        "annexe",
        "annexes",
        "partie",
        "parties",
        "titre",
        "livre",
        "page",
        "pages",
        "pp",
        "protocole",
        "objectif",
        "objectifs",
        "cible",
        "cibles",
        "tableau",
        "tableaux",
        "figure",
        "graphique",
        "encadré",
        "rubrique",
        "volume",
        "vol",
        "règle",
        "règles",
        "principe",
        "principes",
        "observation",
        "question",
        "questions",
        "numéro",
        "numéros",
        "no",
        "nos",
        "nº",
        "n°",
        "session",
        "sessions",
        "séance",
        "appendice",
        "chiffre",
    ]
}

/// Abbreviations that identify only when followed by a full stop ("par. 49", "p. 3").
const ID_ABBREVIATIONS: &[&str] = &["par", "p", "al", "art", "sect", "chap", "vol", "n", "no"];

/// Words that introduce a phone or hotline number.
const PHONE_WORDS: &[&str] = &[
    "numéro",
    "ligne",
    "hotline",
    "téléphone",
    "tél",
    "appel",
    "fax",
    "court",
];

/// True for a month name.
pub(crate) fn is_month(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && MONTHS.contains(&t.lower)
}

/// Separators allowed inside a list of identifiers ("articles 121, 122 et 124").
fn is_list_separator(t: &Token<'_>) -> bool {
    matches!(t.kind, Kind::Punct) && matches!(t.first_char(), ',' | '-' | '–' | '/' | '(' | ')')
        || t.is_word(&["et", "ou", "à", "au", "aux"])
}

/// True when the number at token `i` is introduced by an identifier keyword.
fn introduced_by_keyword(tokens: &[Token<'_>], i: usize) -> bool {
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let t = &tokens[k];
        match t.kind {
            Kind::Punct => match t.first_char() {
                '(' | '«' | '°' | 'º' | '’' | '\'' => continue,
                '.' => {
                    // "par. 49", "art. 108": an abbreviation glued to its stop.
                    let abbr = k > 0
                        && t.gap == Gap::None
                        && tokens[k - 1].kind == Kind::Word
                        && ID_ABBREVIATIONS.contains(&tokens[k - 1].lower);
                    return abbr || k > 0 && is_id_keyword(tokens[k - 1].lower);
                }
                _ => return false,
            },
            Kind::Word => {
                if is_id_keyword(t.lower) {
                    return true;
                }
                // "n° 5", "nos 3": the sign glued to a word.
                if matches!(t.lower, "n" | "l") {
                    continue;
                }
                return false;
            }
            Kind::Num => return false,
        }
    }
    false
}

/// True when token `i` is in a parenthesis holding only bare numbers and
/// separators, itself shortly after an identifier keyword.
fn in_identifier_parenthesis(tokens: &[Token<'_>], i: usize) -> bool {
    let mut a = i;
    while a > 0 && i - a < 30 {
        a -= 1;
        let t = &tokens[a];
        if t.is_punct('(') {
            break;
        }
        if !(t.kind == Kind::Num || is_list_separator(t)) || t.is_punct(')') {
            return false;
        }
    }
    if !tokens.get(a).is_some_and(|t| t.is_punct('(')) {
        return false;
    }
    let mut b = i;
    let mut numbers = 0;
    while let Some(t) = tokens.get(b) {
        if t.is_punct(')') {
            break;
        }
        if t.kind == Kind::Num {
            numbers += 1;
        } else if !is_list_separator(t) || t.is_punct('(') {
            return false;
        }
        b += 1;
    }
    let near = &tokens[a.saturating_sub(8)..a];
    let phone = near
        .iter()
        .any(|t| t.kind == Kind::Word && t.lower.starts_with("téléphon"));
    phone
        || numbers >= 2
            && near
                .iter()
                .any(|t| t.kind == Kind::Word && is_id_keyword(t.lower))
}

/// For each token, true when it is a digit run that identifies something: after
/// an identifier keyword, or in a list that follows one.
fn identifier_tokens(tokens: &Tokens<'_, '_>) -> Vec<bool> {
    let mut ident = vec![false; tokens.len()];
    let mut i = 0;
    while let Some(next) = tokens.next_number(i) {
        i = next;
        // The chunk of glued tokens holding this number.
        let mut end = i + 1;
        while tokens.get(end).is_some_and(|t| t.gap == Gap::None) {
            end += 1;
        }
        let mut is_ident = introduced_by_keyword(tokens, i);
        // A number grouped with spaces ("8 701") is a quantity, never an identifier.
        let grouped = end == i + 1
            && tokens
                .get(end)
                .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::Space && n.text.len() == 3);
        if !is_ident && !grouped {
            // In a list: separators back to a number already known as identifier,
            // skipping a title in parentheses or quotes ("347-1 (Torture) et 308").
            let mut k = i;
            let mut seen_sep = false;
            let mut steps = 0;
            while k > 0 && steps < 30 {
                k -= 1;
                steps += 1;
                let t = &tokens[k];
                if t.kind == Kind::Num {
                    is_ident = ident[k] && (seen_sep || t.gap == Gap::None);
                    break;
                }
                if t.is_punct(')') || t.is_punct('»') {
                    let open = if t.is_punct(')') { '(' } else { '«' };
                    let mut j = k;
                    let mut found = false;
                    while j > 0 && k - j < 15 {
                        j -= 1;
                        if tokens[j].is_punct(open) {
                            found = true;
                            break;
                        }
                        if tokens[j].kind == Kind::Num {
                            break;
                        }
                    }
                    if !found {
                        break;
                    }
                    k = j;
                    continue;
                }
                if !is_list_separator(t) || steps > 4 && !seen_sep {
                    break;
                }
                seen_sep = true;
            }
        }
        // "(121, 122, 124 et 134)" after "Les articles du Code pénal … modifiés".
        if !is_ident && !grouped {
            is_ident = in_identifier_parenthesis(tokens, i);
        }
        if is_ident {
            for (k, t) in tokens.iter().enumerate().take(end).skip(i) {
                if t.kind == Kind::Num {
                    ident[k] = true;
                }
            }
        }
        i = end;
    }
    ident
}

/// True when a line has no lower-case word but a symbol: a page header or
/// footer left in raw text ("6 GE.19-17926", "A/HRC/WG.6/34/KAZ/1"), or a line
/// holding a lone number (a page number).
fn is_header_line(line: &[Token<'_>]) -> bool {
    let has_prose = line
        .iter()
        .any(|t| t.kind == Kind::Word && t.text.chars().any(|c| !super::tokens::is_upper(c)));
    // A symbol: "A/HRC/…", "GE.19-17926" (letters glued to a stop and digits).
    !has_prose
        && (line.len() <= 1
            || line.iter().any(|t| t.is_punct('/'))
            || line.windows(3).any(|w| {
                w[0].kind == Kind::Word
                    && w[1].is_punct('.')
                    && w[1].gap == Gap::None
                    && w[2].kind == Kind::Num
                    && w[2].gap == Gap::None
            }))
}

/// Answers "is token k on a header line?", reading each line asked about once
/// (lines are found from the tokenizer's index of line starts).
struct HeaderLines {
    /// The last line read: its token range and verdict.
    line: std::ops::Range<usize>,
    header: bool,
}

impl HeaderLines {
    fn new() -> Self {
        HeaderLines {
            line: 0..0,
            header: false,
        }
    }

    fn contains(&mut self, tokens: &Tokens<'_, '_>, k: usize) -> bool {
        if !self.line.contains(&k) {
            let after = tokens.lines.partition_point(|&start| start <= k);
            let a = after
                .checked_sub(1)
                .and_then(|p| tokens.lines.get(p))
                .copied()
                .unwrap_or(0);
            let b = tokens.lines.get(after).copied().unwrap_or(tokens.len());
            self.header = tokens.get(a..b).is_some_and(is_header_line);
            self.line = a..b;
        }
        self.header
    }
}

/// A line break after a full stop, or a new paragraph: parentheses left open
/// before it are forgotten (a stray "(" never spans the rest of the text).
fn resets_parentheses(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.para_start || t.gap == Gap::Newline && k > 0 && tokens[k - 1].is_punct('.')
    })
}

/// The depth of open parentheses at each mention's first token (its own
/// parenthesis not counted), in one walk over the line starts and parentheses
/// (the tokenizer's indices): mentions are in text order.
fn paren_depths(tokens: &Tokens<'_, '_>, mentions: &[Mention]) -> Vec<usize> {
    let mut out = Vec::with_capacity(mentions.len());
    let mut depth: usize = 0;
    let mut lines = tokens.lines.iter().copied().peekable();
    let mut parens = tokens.parens.iter().copied().peekable();
    for m in mentions {
        // The tokens before the mention that may change the depth, in order.
        loop {
            let next = match (lines.peek(), parens.peek()) {
                (Some(&l), Some(&p)) => l.min(p),
                (Some(&l), None) => l,
                (None, Some(&p)) => p,
                (None, None) => break,
            };
            if next >= m.first {
                break;
            }
            lines.next_if_eq(&next);
            parens.next_if_eq(&next);
            if resets_parentheses(tokens, next) {
                depth = 0;
            }
            if tokens[next].is_punct('(') {
                depth += 1;
            } else if tokens[next].is_punct(')') {
                depth = depth.saturating_sub(1);
            }
        }
        out.push(if resets_parentheses(tokens, m.first) {
            0
        } else {
            depth
        });
    }
    out
}

const TIME_NOUNS: &[&str] = &[
    "années",
    "ans",
    "an",
    "mois",
    "semaines",
    "jours",
    "décennies",
    "semestres",
    "trimestres",
    "heures",
];

/// "ces quatre dernières années", "les six premiers mois", "En quatre ans",
/// "Depuis quatre ans": a span of time, not a figure.
fn is_time_expression(tokens: &[Token<'_>], m: &Mention) -> bool {
    let w = |k: usize| tokens.get(k).map(|t| t.lower).unwrap_or("");
    let ordinal_adj = matches!(
        w(m.last + 1),
        "dernières" | "derniers" | "premières" | "premiers" | "prochaines" | "prochains"
    );
    if ordinal_adj && TIME_NOUNS.contains(&w(m.last + 2)) {
        return true;
    }
    let before = m.first.checked_sub(1).map(w).unwrap_or("");
    matches!(before, "en" | "depuis")
        && matches!(w(m.last + 1), "ans" | "années" | "mois" | "semaines")
        && (m.first < 2 || !tokens[m.first - 2].is_word(&["plus", "moins"]))
}

/// "aux environs de 15 heures", "à 20 h 30": a time of day.
fn is_time_of_day(tokens: &[Token<'_>], m: &Mention) -> bool {
    let w = |k: usize| tokens.get(k).map(|t| t.lower).unwrap_or("");
    let next = w(m.last + 1);
    if next == "h" && tokens.get(m.last + 2).is_some_and(|t| t.kind == Kind::Num) {
        return true;
    }
    if m.first >= 2 && w(m.first - 1) == "h" && tokens[m.first - 2].kind == Kind::Num {
        return true;
    }
    if !matches!(next, "heures" | "heure" | "h") {
        return false;
    }
    let p1 = m.first.checked_sub(1).map(w).unwrap_or("");
    let p2 = m.first.checked_sub(2).map(w).unwrap_or("");
    let p3 = m.first.checked_sub(3).map(w).unwrap_or("");
    (p1 == "de" && p2 == "environs")
        || p1 == "vers"
        || (p1 == "à" && p2 != "jusqu" && p3 != "jusqu")
}

/// True when a lone "un"/"une" stands in a list of counts: "220 personnes, un
/// orphelin et 76 …", "18 établissements, un centre et une prison", "dont une …",
/// "une seule fois".
fn in_list_of_counts(tokens: &[Token<'_>], mentions: &[Mention], idx: usize) -> bool {
    let Some(m) = mentions.get(idx) else {
        return false;
    };
    let w = |k: usize| tokens.get(k).map(|t| t.lower).unwrap_or("");
    if matches!(w(m.last + 1), "seule" | "seul") && w(m.last + 2) == "fois" {
        return true;
    }
    // "n'excédant pas un an": one unit of time.
    if matches!(w(m.last + 1), "an" | "jour" | "mois" | "heure" | "semaine") {
        return true;
    }
    let prev = m.first.checked_sub(1).map(w).unwrap_or("");
    if prev == "dont" {
        return true;
    }
    if !(prev == "," || prev == "et") {
        return false;
    }
    // The list item before: a counted number within a few words ("220 personnes,
    // un orphelin"), or a counted "un" ("un centre … et une prison").
    let earlier = idx
        .checked_sub(1)
        .and_then(|p| mentions.get(p))
        .is_some_and(|p| {
            !p.excluded
                && if prev == "," {
                    m.first - p.last <= 8
                } else {
                    // "…, 110 personnes handicapées et un orphelin": the last item
                    // of a list of counts.
                    let listed = p.first > 0 && tokens[p.first - 1].is_punct(',');
                    (p.article || listed) && m.first - p.last <= 6
                }
        });
    let later = mentions.get(idx + 1).is_some_and(|n| {
        n.first - m.last <= 6
            && !n.article
            && (m.last + 1..n.first).any(|k| tokens[k].is_word(&["et"]) || tokens[k].is_punct(','))
    });
    earlier || later
}

/// Marks the mentions that are not figures.
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn apply(tokens: &Tokens<'_, '_>, mentions: &mut [Mention]) {
    let ident = identifier_tokens(tokens);
    let mut header = HeaderLines::new();
    let paren_depth_at = paren_depths(tokens, mentions);
    let mut previous_excluded_range_low = false;
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        let first = m.first;
        let Some(t) = tokens.get(first) else { continue };
        let next = tokens.get(m.last + 1);
        let prev = first.checked_sub(1).and_then(|p| tokens.get(p));
        let mut excluded = false;
        // Years themselves.
        if m.year_like {
            excluded = true;
        }
        // Identifiers and their lists.
        if t.kind == Kind::Num && ident.get(first).copied().unwrap_or(false) {
            excluded = true;
        }
        // The high half of a glued range whose low half is an identifier.
        if m.glued_range_high && previous_excluded_range_low {
            excluded = true;
        }
        // Dates: "le 9 juin", "10 décembre 1984", "les 10 et 11 octobre".
        if m.form == Form::PlainDigits && next.is_some_and(is_month) {
            excluded = true;
        }
        if m.form == Form::PlainDigits
            && next.is_some_and(|n| n.is_word(&["et", "au"]) || n.is_punct(','))
            && tokens.get(m.last + 2).is_some_and(|n| n.kind == Kind::Num)
            && tokens.get(m.last + 3).is_some_and(is_month)
        {
            excluded = true;
        }
        if is_time_expression(tokens, m) || is_time_of_day(tokens, m) {
            excluded = true;
        }
        if m.article && !in_list_of_counts(tokens, mentions, idx) {
            excluded = true;
        }
        // Names and hotlines in quotes: "(le « 111 »)".
        let quoted = prev.is_some_and(|p| p.is_punct('«') || p.is_punct('“'))
            && next.is_some_and(|n| n.is_punct('»') || n.is_punct('”'));
        if quoted {
            excluded = true;
        }
        // Phone and hotline numbers.
        if m.form == Form::PlainDigits && m.value >= 100.0 {
            let mut k = first;
            let mut steps = 0;
            while k > 0 && steps < 3 {
                k -= 1;
                steps += 1;
                if tokens[k].is_word(PHONE_WORDS) {
                    excluded = true;
                    break;
                }
                if !(tokens[k].kind == Kind::Punct || tokens[k].is_word(&["le", "au", "du"])) {
                    break;
                }
            }
        }
        // List markers: "1)" with no opening parenthesis, "2." opening a line.
        if t.kind == Kind::Num && m.form == Form::PlainDigits {
            let glued_next = tokens.get(first + 1).filter(|n| n.gap == Gap::None);
            let line_start = t.gap == Gap::Newline
                || prev
                    .is_some_and(|p| p.kind == Kind::Punct && matches!(p.first_char(), ';' | ':'));
            if let Some(n) = glued_next {
                if n.is_punct(')') && paren_depth_at.get(idx).copied().unwrap_or(0) == 0 {
                    excluded = true;
                }
                if line_start && (n.is_punct('.') || n.is_punct(')')) {
                    excluded = true;
                }
            }
        }
        // Page headers and footers left in raw text.
        if t.kind == Kind::Num && header.contains(tokens, first) {
            excluded = true;
        }
        // "24 heures sur 24", "7 jours sur 7": the second number is an idiom.
        if let (Some(p), Some(pp)) = (
            first.checked_sub(1).and_then(|k| tokens.get(k)),
            first.checked_sub(3).and_then(|k| tokens.get(k)),
        ) {
            if p.is_word(&["sur"]) && pp.text == t.text && pp.kind == t.kind {
                excluded = true;
            }
        }
        previous_excluded_range_low = m.glued_range_low && excluded;
        if let Some(m) = mentions.get_mut(idx) {
            m.excluded = excluded;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::numerals::scan;
    use super::super::tokens::tokenize;
    use super::*;

    fn kept(text: &str) -> Vec<f64> {
        let mut arena = String::new();
        let stream = tokenize(text, &mut arena);
        let toks = stream.single();
        let mut m = scan(&toks, toks.numbers.len());
        apply(&toks, &mut m);
        m.iter().filter(|m| !m.excluded).map(|m| m.value).collect()
    }

    #[test]
    fn drops_article_law_decree_and_their_lists() {
        assert!(kept("l’article 108-1 du Code pénal").is_empty());
        assert!(kept("le décret no 611 et la loi no 322-I").is_empty());
        assert!(kept("(art. 127, 434, 435, 440, 482 et 485)").is_empty());
        assert!(kept("le paragraphe 3 de l’article 347-1").is_empty());
        assert!(kept("l’arrêté no 31").is_empty());
        assert!(kept("la résolution 60/251").is_empty());
    }

    #[test]
    fn drops_references_dates_and_years() {
        assert!(kept("(voir par. 49 ci-dessus)").is_empty());
        assert!(kept("Recommandations 125.49 à 125.55").is_empty());
        assert!(kept("le 10 décembre 1984, en 2012").is_empty());
    }

    #[test]
    fn drops_markers_headers_hotlines_and_symbols() {
        assert!(kept("suivantes : 1) la loi").is_empty());
        assert!(kept("6 GE.19-17926\nA/HRC/WG.6/34/KAZ/1").is_empty());
        assert!(kept("une permanence (le « 111 »)").is_empty());
        assert!(kept("voir https://www.gov.kz/2019/page12").is_empty());
        assert_eq!(kept("ouverte 24 heures sur 24"), [24.0]);
    }

    #[test]
    fn keeps_figures_next_to_identifiers() {
        assert_eq!(
            kept("de 16 976 infractions au titre de l’article 73-1"),
            [16976.0]
        );
        assert_eq!(kept("(art. 51) et 45 personnes"), [45.0]);
    }
}
