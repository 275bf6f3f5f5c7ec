//! Years: which year each figure describes. A year stated after the number ("1 059
//! en 2011", "passés de X en 2022 à Y en 2024"), paired in order with a list of
//! numbers ("64 000 et 6 600, respectivement, en 2018"), or stated earlier in the
//! sentence ("En 2012, plus de 44 000 …"); a back-reference ("la même année",
//! "l'année suivante", "l'année dernière", "au cours de la période considérée",
//! "les deux dernières années", "depuis 2016"); the year of the sentence before
//! when the sentence says it continues it ("Parmi elles", "Au total"); otherwise
//! the report's reference year (implied), or none for rules and ages.
//!
//! Owns the reading of year expressions ("en 2018", "entre 2008 et 2012",
//! "2020-2025", "2022/23", "au 1er janvier 2013") and their scope. Invariants: a
//! written year dates only the figures of its own sentence; a year passes to
//! another sentence only through a back-reference or a sentence that says it
//! continues the one before (at most [`CARRY_SENTENCES`] back, never out of the
//! paragraph), and then is `implied` unless the text names it ("la même année");
//! a back-reference to a year the text does not give leaves the figure undated;
//! the dates of laws ("la loi du 9 novembre 2011"), names ("Kazakhstan 2050") and
//! comparison bases ("par rapport à 2016") date nothing. Linear: the numbers, the
//! year expressions and a few head words are each visited once, with a bounded
//! window around each.

use super::exclusions::is_month;
use super::numerals::Mention;
use super::qualifier::Pair;
use super::tokens::{next_where, sentence, Gap, Kind, Token, Tokens};
use super::{Qualifier, Unit, Year, YearSource};

/// What a year expression does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Dates the figures around it.
    Temporal,
    /// The horizon of a goal ("d'ici à 2030").
    Target,
    /// A comparison base ("par rapport à 2016"), a law's date or a name.
    Inert,
}

/// How sure an expression's year is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sure {
    /// Written, or named by a back-reference to a written year ("la même année",
    /// "l'année suivante").
    Stated,
    /// Counted from the report's reference year or period ("l'année dernière",
    /// "depuis 2016", "au cours de la période considérée"): shown as implied.
    Implied,
    /// A back-reference to a year the text does not give (no year before "l'année
    /// suivante", a report whose period is unknown): the figure has no year,
    /// rather than a wrong one.
    Unknown,
}

#[derive(Debug, Clone)]
struct YearExpr {
    first: usize,
    last: usize,
    year: Year,
    role: Role,
    /// Consecutive expressions joined by "," or "et" share a list id.
    list: usize,
    /// Joined to the expression before it in a list ("en 2009 et en 2010").
    joined: bool,
    sure: Sure,
    /// Dates every undated figure of its sentence, before it too: "576 personnes
    /// ont été extradées … au cours de la période considérée".
    sentence_wide: bool,
}

const LEGAL_ACTS: &[&str] = &[
    "loi",
    "lois",
    "décret",
    "décrets",
    "arrêté",
    "ordonnance",
    "résolution",
    "décision",
    "règlement",
    "code",
    "protocole",
    "convention",
    "accord",
    "instruction",
    "directive",
    "amendements",
    "constitutionnelle",
];

/// Words that may stand between a legal act and its date: "loi no 5 du 9 juin 2019".
const DATE_FILLERS: &[&str] = &[
    "du",
    "de",
    "d",
    "le",
    "la",
    "date",
    "daté",
    "datée",
    "no",
    "nº",
    "n",
    "er",
    "présidentiel",
    "gouvernemental",
    "conjoint",
    "constitutionnelle",
    "constitutionnel",
    "en",
];

super::tokens::word_set! {
    /// Words after which a year is a date of the figures around it.
    fn is_temporal_lead = [
        "en",
        "de",
        "d",
        "du",
        "des",
        "depuis",
        "pour",
        "dès",
        "avant",
        "après",
        "entre",
        "et",
        "à",
        "au",
        "aux",
        "fin",
        "début",
        "mi",
        "année",
        "années",
        "an",
        "semestre",
        "trimestre",
        "exercice",
        "période",
        "l",
        "vers",
        "courant",
        "cours",
        "le",
        "la",
        "été",
        "hiver",
        "printemps",
        "automne",
        "ou",
        "contre",
        "sur",
        "er",
        "recensement",
        "ici",
        "horizon",
        "jusqu",
        "dont",
        "soit",
        "puis",
        "universitaire",
        "scolaire",
        "académique",
        "budgétaire",
        "compter",
    ]
}

/// Plans and programmes: a period after them names the plan, it dates no figure.
const PLANS: &[&str] = &[
    "plan",
    "plans",
    "programme",
    "programmes",
    "stratégie",
    "concept",
    "feuille",
    "politique",
    "document",
    "cadre",
    "plan-cadre",
    "projet",
];

/// How many words before "pour la période 2012-2018" a plan's name may start
/// ("Plan d'action visant à garantir les droits et à améliorer la qualité de vie
/// des personnes handicapées pour la période 2012-2018" is 21).
const PLAN_WORDS: usize = 28;

fn year_value(t: &Token<'_>) -> Option<i32> {
    if t.kind != Kind::Num || t.text.len() != 4 {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn lower<'a>(tokens: &'a [Token<'_>], k: usize) -> &'a str {
    tokens.get(k).map(|t| t.lower).unwrap_or("")
}

/// The word before token `k`, skipping elision apostrophes; with its index.
fn prev_word(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = &tokens[j];
        if t.kind == Kind::Punct && matches!(t.first_char(), '’' | '\'') {
            continue;
        }
        return Some(j);
    }
    None
}

fn role_of(tokens: &[Token<'_>], first: usize) -> Role {
    let Some(p) = prev_word(tokens, first) else {
        return Role::Temporal;
    };
    let p1 = lower(tokens, p);
    let p2 = prev_word(tokens, p).map(|k| lower(tokens, k)).unwrap_or("");
    let p3 = prev_word(tokens, p)
        .and_then(|k| prev_word(tokens, k))
        .map(|k| lower(tokens, k))
        .unwrap_or("");
    if p1 == "horizon" || (p1 == "ici" && p2 == "d") || (p1 == "à" && p2 == "ici") {
        return Role::Target;
    }
    if matches!(p1, "de" | "à") && p2 == "fin" && matches!(p3, "la" | "ici" | "à") {
        // "d'ici à la fin de 2025" (p3 is "la" here; look further).
        let far = prev_word(tokens, p)
            .and_then(|k| prev_word(tokens, k))
            .and_then(|k| prev_word(tokens, k));
        let f1 = far.map(|k| lower(tokens, k)).unwrap_or("");
        let f2 = far
            .and_then(|k| prev_word(tokens, k))
            .map(|k| lower(tokens, k))
            .unwrap_or("");
        if f1 == "ici" || f2 == "ici" || p3 == "ici" {
            return Role::Target;
        }
    }
    if p1 == "à"
        && matches!(
            p2,
            "rapport" | "comparé" | "comparativement" | "comparaison"
        )
    {
        return Role::Inert;
    }
    if p1 == "en" && p2 == "jusqu" {
        return Role::Target;
    }
    // "12 % de plus qu'en 2017": a comparison base.
    if p1 == "en" && p2 == "qu" && matches!(p3, "plus" | "moins" | "davantage" | "autant") {
        return Role::Inert;
    }
    // "depuis 2016": a cumulative count, dated by the report (not "depuis janvier 2018").
    if p1 == "depuis" {
        return Role::Inert;
    }
    // "le plan … pour la période 2012-2018", "programme … pour 2012-2015".
    if matches!(p1, "pour" | "période" | "horizon" | "(") || tokens[p].is_punct('(') {
        let mut k = first;
        for _ in 0..PLAN_WORDS {
            let Some(j) = prev_word(tokens, k) else { break };
            if tokens[j].is_word(PLANS) {
                return Role::Inert;
            }
            if tokens[j].kind == Kind::Punct && matches!(tokens[j].first_char(), '.' | ';' | ':') {
                break;
            }
            k = j;
        }
    }
    // A law's date: walk back over the date and its filler words.
    let mut k = first;
    for _ in 0..8 {
        let Some(j) = prev_word(tokens, k) else { break };
        let t = &tokens[j];
        if t.kind == Kind::Word && LEGAL_ACTS.contains(&t.lower) {
            return Role::Inert;
        }
        let filler = t.kind == Kind::Num
            || is_month(t)
            || t.is_word(DATE_FILLERS)
            || t.kind == Kind::Punct && matches!(t.first_char(), ',' | '°');
        if !filler {
            break;
        }
        k = j;
    }
    let pt = &tokens[p];
    let lead_ok = match pt.kind {
        Kind::Punct => !matches!(pt.first_char(), '-' | '–' | '/'),
        Kind::Num => true,
        Kind::Word => is_temporal_lead(p1) || is_month(pt),
    };
    if lead_ok {
        Role::Temporal
    } else {
        Role::Inert
    }
}

/// How many tokens after "depuis 2016" [`past_tense_after`] reads.
const TENSE_WINDOW: usize = 40;

/// Whether the clause after token `k` speaks in a compound past ("ont été
/// ouvertes", "a formé"): what has happened since a year, not what is.
fn past_tense_after(tokens: &[Token<'_>], k: usize) -> bool {
    let sid = sentence(tokens, k);
    tokens
        .get(k + 1..(k + 1 + TENSE_WINDOW).min(tokens.len()))
        .unwrap_or_default()
        .iter()
        .take_while(|t| Some(t.sentence) == sid && !t.is_punct(';'))
        .any(|t| t.is_word(&["a", "ont", "avait", "avaient"]))
}

/// Finds every year expression in the text written with a year, with its role.
fn year_exprs(
    tokens: &Tokens<'_, '_>,
    mentions: &[Mention],
    reference_year: Option<i32>,
) -> Vec<YearExpr> {
    let mut exprs: Vec<YearExpr> = Vec::new();
    let mut in_mention = Forward::new(mentions, 0);
    let mut k = 0;
    while let Some(next) = tokens.next_number(k) {
        k = next;
        let t = &tokens[k];
        let Some(y) = year_value(t) else {
            k += 1;
            continue;
        };
        if in_mention.covering(k).is_some()
            || (t.gap == Gap::None && k > 0 && matches!(tokens[k - 1].kind, Kind::Word | Kind::Num))
        {
            k += 1;
            continue;
        }
        let glued_next = |j: usize| tokens.get(j).filter(|t| t.gap == Gap::None);
        let mut last = k;
        let mut year = Year::Single(y);
        // "2017-2019", "2023/2024", "2022\u{2011}2023" (a non-breaking hyphen), and
        // the school year "2022/23".
        if let (Some(sep), Some(b)) = (glued_next(k + 1), glued_next(k + 2)) {
            if matches!(sep.first_char(), '-' | '–' | '/' | '\u{2011}' | '\u{2010}')
                && sep.kind == Kind::Punct
            {
                let short = (b.kind == Kind::Num && b.text.len() == 2)
                    .then(|| b.text.parse::<i32>().ok())
                    .flatten()
                    .filter(|&yy| yy == (y + 1) % 100)
                    .map(|_| y + 1);
                if let Some(y2) = year_value(b).or(short) {
                    year = Year::Period(y, y2);
                    last = k + 2;
                }
            }
        }
        // "entre 2008 et 2012", "de 2005 à 2012".
        if last == k {
            let p = prev_word(tokens, k).map(|j| lower(tokens, j)).unwrap_or("");
            let n = lower(tokens, k + 1);
            if let Some(y2) = tokens.get(k + 2).and_then(year_value) {
                if (p == "entre" && n == "et") || (matches!(p, "de" | "d") && n == "à") {
                    year = Year::Period(y, y2);
                    last = k + 2;
                }
            }
        }
        // "De 2020 au premier semestre 2025", "de 2023 à la fin de 2025", "entre
        // septembre 2020 et mai 2022".
        if last == k {
            let p = prev_word(tokens, k)
                .map(|j| match prev_word(tokens, j) {
                    Some(i) if is_month(&tokens[j]) => i,
                    _ => j,
                })
                .map(|j| lower(tokens, j))
                .unwrap_or("");
            if matches!(p, "de" | "d" | "entre")
                && matches!(lower(tokens, k + 1), "au" | "à" | "et")
            {
                // "de 2022 à la fin d'août 2025": words and elisions between.
                if let Some(j) =
                    (k + 2..(k + 9).min(tokens.len())).find(|&j| year_value(&tokens[j]).is_some())
                {
                    let between_ok = (k + 2..j).all(|x| {
                        tokens[x].kind == Kind::Word
                            || tokens[x].is_punct('’')
                            || tokens[x].is_punct('\'')
                    });
                    if let (true, Some(y2)) = (between_ok, year_value(&tokens[j])) {
                        year = Year::Period(y, y2);
                        last = j;
                    }
                }
            }
        }
        // "la période 2022-2024 et les six premiers mois de 2025" → 2022-2025.
        if let Year::Period(a, b) = year {
            if lower(tokens, last + 1) == "et" {
                if let Some(j) = (last + 2..(last + 9).min(tokens.len()))
                    .find(|&j| year_value(&tokens[j]).is_some())
                {
                    let between_ok = (last + 2..j).all(|x| tokens[x].kind == Kind::Word);
                    if let (true, Some(y3)) = (between_ok, year_value(&tokens[j])) {
                        if y3 == b + 1 {
                            year = Year::Period(a, y3);
                            last = j;
                        }
                    }
                }
            }
        }
        let mut role = role_of(tokens, k);
        let mut sure = Sure::Stated;
        // "Depuis 2016, plus de 31 000 matériels ont été bloqués": a total from
        // that year to the report's (implied: its end is the reference year). A
        // present tense ("depuis 2023, il existe 15 …") describes the present.
        if role == Role::Inert && prev_word(tokens, k).is_some_and(|p| lower(tokens, p) == "depuis")
        {
            if let (Year::Single(y), Some(r)) = (year, reference_year) {
                if y == r {
                    role = Role::Temporal;
                    sure = Sure::Implied;
                } else if y < r && past_tense_after(tokens, last) {
                    year = Year::Period(y, r);
                    role = Role::Temporal;
                    sure = Sure::Implied;
                }
            }
        }
        // Same list as the previous expression when only "," / "et" / "en" separate them.
        let joined = exprs.last().is_some_and(|prev| {
            (prev.last + 1..k)
                .all(|j| tokens[j].is_punct(',') || tokens[j].is_word(&["et", "en", "ou"]))
                && k - prev.last <= 3
        });
        exprs.push(YearExpr {
            first: k,
            last,
            year,
            role,
            list: 0,
            joined,
            sure,
            sentence_wide: false,
        });
        k = last + 1;
    }
    exprs
}

/// The word after token `k`, skipping elision apostrophes; with its index.
fn next_word(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let mut j = k + 1;
    while let Some(t) = tokens.get(j) {
        if t.kind == Kind::Punct && matches!(t.first_char(), '’' | '\'') {
            j += 1;
            continue;
        }
        return Some(j);
    }
    None
}

/// What a year written without digits counts from.
#[derive(Clone, Copy)]
enum Anchor {
    /// The last year stated before it, plus this many years ("la même année" 0,
    /// "l'année suivante" +1).
    Before(i32),
    /// The report's reference year, plus this many years ("l'année dernière" -1).
    Reference(i32),
    /// The last `n` years to the reference year ("les deux dernières années").
    LastYears(i32),
    /// The report's period ("au cours de la période considérée").
    Period,
}

super::tokens::word_set! {
    /// The words [`back_reference`] reads around (any other word is passed at once).
    fn is_back_reference_head = ["année", "an", "année-là", "période", "dernières"]
}

/// The back-reference that token `k` ends or heads, if any: its anchor and span.
fn back_reference(tokens: &[Token<'_>], k: usize) -> Option<(Anchor, usize, usize)> {
    let t = &tokens[k];
    if t.kind != Kind::Word || !is_back_reference_head(t.lower) {
        return None;
    }
    let word = |j: Option<usize>| j.map_or("", |j| lower(tokens, j));
    let p1 = prev_word(tokens, k);
    let p2 = p1.and_then(|j| prev_word(tokens, j));
    let n1 = next_word(tokens, k);
    let n2 = n1.and_then(|j| next_word(tokens, j));
    let (w_p1, w_p2, w_n1, w_n2) = (word(p1), word(p2), word(n1), word(n2));
    match t.lower {
        "année" | "an" => {
            if t.lower == "année" && w_p1 == "même" && matches!(w_p2, "la" | "cette") {
                return Some((Anchor::Before(0), p2?, k));
            }
            if w_p1 == "l" {
                let step = match (t.lower, w_n1) {
                    ("année", "suivante") => Anchor::Before(1),
                    ("année", "précédente") => Anchor::Before(-1),
                    (_, "dernière" | "dernier" | "passée" | "passé") => Anchor::Reference(-1),
                    ("année", "en") if w_n2 == "cours" => {
                        return Some((Anchor::Reference(0), p1?, n2?));
                    }
                    _ => return None,
                };
                return Some((step, p1?, n1?));
            }
            if t.lower == "année" && w_p1 == "cette" {
                return Some((Anchor::Reference(0), p1?, k));
            }
            None
        }
        "année-là" if w_p1 == "cette" => Some((Anchor::Before(0), p1?, k)),
        "période" if w_p1 == "la" => {
            let last = match (w_n1, w_n2) {
                ("considérée" | "examinée" | "couverte" | "visée" | "étudiée", _) => n1?,
                ("sous", "revue" | "examen") => n2?,
                ("à", "l") => n2
                    .and_then(|j| next_word(tokens, j))
                    .filter(|&j| lower(tokens, j) == "examen")?,
                _ => return None,
            };
            Some((Anchor::Period, p1?, last))
        }
        "dernières" if w_n1 == "années" && matches!(w_p2, "des" | "les" | "ces") => {
            let count = p1?;
            let n = match tokens[count].lower {
                "deux" => 2,
                "trois" => 3,
                "quatre" => 4,
                "cinq" => 5,
                "six" => 6,
                "sept" => 7,
                "huit" => 8,
                "neuf" => 9,
                "dix" => 10,
                digits => digits
                    .parse::<i32>()
                    .ok()
                    .filter(|n| (2..=30).contains(n))?,
            };
            Some((Anchor::LastYears(n), count, n1?))
        }
        _ => None,
    }
}

/// Whether the sentence starting at token `k` says it continues the one before
/// ("Parmi elles", "Au total", "En termes d'âge", "Au cours de cette période",
/// "Dans le même temps"): its figures without a year of their own take that
/// sentence's year.
fn continues(tokens: &[Token<'_>], k: usize) -> bool {
    let w0 = lower(tokens, k);
    let n1 = next_word(tokens, k);
    let w1 = n1.map_or("", |j| lower(tokens, j));
    if matches!(w0, "parmi" | "dont")
        || matches!(
            (w0, w1),
            ("au", "total") | ("en", "termes") | ("sur", "ce" | "ces") | ("chez", "ces")
        )
    {
        return true;
    }
    if (w0, w1) == ("sur", "l") {
        return n1
            .and_then(|j| next_word(tokens, j))
            .is_some_and(|j| lower(tokens, j) == "ensemble");
    }
    // "Au cours de cette période", "Durant la même période", "Dans le même temps".
    let sid = tokens[k].sentence;
    (k..(k + 6).min(tokens.len()))
        .take_while(|&j| tokens[j].sentence == sid && !tokens[j].is_punct(','))
        .any(|j| {
            tokens[j].is_word(&["cette", "même"])
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| n.is_word(&["période", "temps"]))
        })
}

/// The year expressions written without digits (see [`back_reference`]), merged
/// in text order with the `written` ones; and the sentences holding a figure that
/// continue the one before ([`continues`]). Linear: a tight search for the few
/// words that head a back-reference, each read with a few words around it; the
/// last year before each is kept as the search goes; the first word of each
/// sentence with a figure found forward from the one before.
fn with_back_references(
    tokens: &Tokens<'_, '_>,
    mentions: &[Mention],
    written: Vec<YearExpr>,
    dating: &super::Dating,
) -> (Vec<YearExpr>, Vec<u32>) {
    // The sentences holding a figure that continue the one before: each found
    // from its first figure by a search forward from the sentence before
    // (sentence numbers only grow).
    let mut continuing = Vec::new();
    let mut last_sentence = None;
    let mut sentence_start = 0;
    for m in mentions {
        let Some(sid) = sentence(tokens, m.first) else {
            continue;
        };
        if last_sentence.replace(sid) == Some(sid) {
            continue;
        }
        let start = super::partition_from(tokens, &mut sentence_start, |t| t.sentence < sid);
        if start > 0 && continues(tokens, start) {
            continuing.push(sid);
        }
    }
    // The back-references: the few words that head one, found by a tight search.
    let mut found: Vec<YearExpr> = Vec::new();
    let mut w = 0;
    // The last year dating figures before the position, and where it ends.
    let mut before: Option<(Year, Sure, usize)> = None;
    let mut k = 0;
    while let Some(h) = next_where(tokens, k, |t| {
        t.kind == Kind::Word && is_back_reference_head(t.lower)
    }) {
        k = h + 1;
        let Some((anchor, first, last)) = back_reference(tokens, h) else {
            continue;
        };
        while let Some(e) = written.get(w).filter(|e| e.last < first) {
            if e.role == Role::Temporal && before.is_none_or(|(_, _, at)| at < e.last) {
                before = Some((e.year, e.sure, e.last));
            }
            w += 1;
        }
        // Not over a figure, nor over a written year.
        let m = mentions.partition_point(|m| m.last < first);
        let on_figure = mentions.get(m).is_some_and(|m| m.first <= last);
        let on_year = written.get(w).is_some_and(|e| e.first <= last);
        if on_figure || on_year {
            continue;
        }
        let resolved = match (anchor, dating.reference_year) {
            (Anchor::Before(d), _) => match before {
                Some((Year::Single(y), sure, _)) if sure != Sure::Unknown => {
                    Some((Year::Single(y + d), sure))
                }
                _ => None,
            },
            (Anchor::Reference(d), Some(r)) => Some((Year::Single(r + d), Sure::Implied)),
            (Anchor::LastYears(n), Some(r)) => Some((Year::Period(r - n + 1, r), Sure::Implied)),
            (Anchor::Period, _) => dating.period.map(|p| (p, Sure::Implied)),
            (Anchor::Reference(_) | Anchor::LastYears(_), None) => None,
        };
        // Unknown: the figures it dates get no year (the placeholder is never shown).
        let (year, sure) = resolved.unwrap_or((Year::Single(0), Sure::Unknown));
        if sure != Sure::Unknown {
            before = Some((year, sure, last));
        }
        found.push(YearExpr {
            first,
            last,
            year,
            role: Role::Temporal,
            list: 0,
            joined: false,
            sure,
            sentence_wide: matches!(anchor, Anchor::Period),
        });
        k = last + 1;
    }
    // Merged in text order (most paragraphs have none to merge).
    let mut merged = if found.is_empty() {
        written
    } else {
        let mut merged = Vec::with_capacity(written.len() + found.len());
        let mut found = found.into_iter().peekable();
        for e in written {
            while let Some(f) = found.next_if(|f| f.first < e.first) {
                merged.push(f);
            }
            merged.push(e);
        }
        merged.extend(found);
        merged
    };
    // Lists of written years ("en 2009 et en 2010") get one id.
    let mut list = 0;
    for (i, e) in merged.iter_mut().enumerate() {
        if i > 0 && !e.joined {
            list += 1;
        }
        e.list = list;
    }
    (merged, continuing)
}

/// A run of tokens: a mention or a year expression.
trait Span {
    fn first(&self) -> usize;
    fn last(&self) -> usize;
}

impl Span for Mention {
    fn first(&self) -> usize {
        self.first
    }
    fn last(&self) -> usize {
        self.last
    }
}

impl Span for YearExpr {
    fn first(&self) -> usize {
        self.first
    }
    fn last(&self) -> usize {
        self.last
    }
}

/// Finds the span covering each of a series of increasing token indices. Spans
/// are in text order and disjoint, so one walk answers every question: no table
/// with an entry per token.
struct Forward<'s, S> {
    spans: &'s [S],
    next: usize,
}

impl<'s, S: Span> Forward<'s, S> {
    /// Starts at span `from`; the first question must not be before it.
    fn new(spans: &'s [S], from: usize) -> Self {
        Forward { spans, next: from }
    }

    /// Starts at the first span that ends at or after token `k`, searched
    /// forward from `hint`, the answer for the question before (which it then
    /// holds; see [`super::partition_from`]).
    fn at_token(spans: &'s [S], k: usize, hint: &mut usize) -> Self {
        Forward {
            spans,
            next: super::partition_from(spans, hint, |s| s.last() < k),
        }
    }

    /// The index of the span covering token `k` (not below the last question).
    fn covering(&mut self, k: usize) -> Option<usize> {
        while self.spans.get(self.next).is_some_and(|s| s.last() < k) {
            self.next += 1;
        }
        let s = self.spans.get(self.next)?;
        (s.first() <= k).then_some(self.next)
    }

    /// The index of the span starting at token `k` (not below the last question).
    fn starting(&mut self, k: usize) -> Option<usize> {
        self.covering(k)
            .filter(|&i| self.spans.get(i).is_some_and(|s| s.first() == k))
    }
}

/// What a forward look from a number finds first.
enum Ahead {
    /// A year expression that dates it.
    Year(usize),
    /// Another number: its index among the mentions.
    Number(usize),
    Nothing,
}

/// How many tokens [`look_ahead`] reads after a number, at most (the years
/// stated after a figure in the reports are far nearer).
const LOOK_AHEAD_TOKENS: usize = 64;

/// `hint` holds the year expression the look from the mention before started
/// at: mentions come in text order.
fn look_ahead(
    tokens: &[Token<'_>],
    exprs: &[YearExpr],
    mentions: &[Mention],
    i: usize,
    hint: &mut usize,
) -> Ahead {
    let Some(m) = mentions.get(i) else {
        return Ahead::Nothing;
    };
    let sid = sentence(tokens, m.first);
    let mut depth = 0usize;
    let mut words = 0;
    let mut k = m.last + 1;
    let right_after = k;
    let mut group_start: Option<usize> = None;
    let mut at = Forward::at_token(exprs, k, hint);
    let mut mention_at = Forward::new(mentions, i + 1);
    while let Some(t) = tokens.get(k) {
        // A bounded window, parentheses included: a "(" never closed does not
        // send every number to the end of its sentence.
        if sentence(tokens, k) != sid || words > 20 || k - right_after > LOOK_AHEAD_TOKENS {
            break;
        }
        if t.is_punct('(') {
            depth += 1;
            if depth == 1 {
                group_start = Some(k);
            }
            k += 1;
            continue;
        }
        if t.is_punct(')') {
            depth = depth.saturating_sub(1);
            k += 1;
            continue;
        }
        if depth > 0 {
            if mention_at.starting(k).is_some() {
                group_start = None;
            }
            // A year in parentheses right after the number: "(2014)".
            if group_start == Some(right_after) {
                if let Some(e) = at.covering(k) {
                    if exprs[e].role != Role::Inert {
                        return Ahead::Year(e);
                    }
                }
            }
            k += 1;
            continue;
        }
        if t.kind == Kind::Punct {
            match t.first_char() {
                '.' | ';' | ':' | '!' | '?' | '…' => break,
                ',' => {
                    let resp = |j: Option<usize>| {
                        j.and_then(|j| tokens.get(j))
                            .is_some_and(|t| t.is_word(&["respectivement"]))
                    };
                    // "29 449 apatrides, dont 1 154 enfants, ont été enregistrés
                    // de 2022 à …": the part between commas is the whole's detail.
                    if tokens.get(k + 1).is_some_and(|t| t.is_word(&["dont"])) {
                        let close = (k + 2..tokens.len())
                            .take_while(|&j| {
                                sentence(tokens, j) == sid && j - right_after <= LOOK_AHEAD_TOKENS
                            })
                            .find(|&j| {
                                tokens[j].is_punct(',')
                                    || tokens[j].kind == Kind::Punct
                                        && matches!(tokens[j].first_char(), '.' | ';' | ':' | '(')
                            });
                        match close {
                            Some(c) if tokens[c].is_punct(',') => {
                                k = c + 1;
                                continue;
                            }
                            _ => break,
                        }
                    }
                    if !(resp(Some(k + 1)) || resp(k.checked_sub(1))) {
                        break;
                    }
                }
                _ => {}
            }
        }
        if let Some(e) = at.covering(k) {
            if exprs[e].role != Role::Inert {
                return Ahead::Year(e);
            }
            k = exprs[e].last + 1;
            continue;
        }
        if let Some(n) = mention_at.starting(k) {
            return Ahead::Number(n);
        }
        // "… ont été aidées et pour le premier semestre 2025, 1 886": a new clause.
        if t.is_word(&["et", "mais", "tandis", "alors"])
            && words > 0
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word(&["pour", "en", "au", "dans", "durant", "pendant"]))
        {
            break;
        }
        if t.kind == Kind::Word {
            words += 1;
        }
        k += 1;
    }
    Ahead::Nothing
}

/// True when the tokens between two numbers join them in one list ("X et Y",
/// "X femmes, Y hommes").
fn coordinated(tokens: &[Token<'_>], a: &Mention, b: &Mention) -> bool {
    let between = tokens.get(a.last + 1..b.first).unwrap_or(&[]);
    between.len() <= 6
        && between
            .iter()
            .any(|t| t.is_punct(',') || t.is_word(&["et"]))
        && !between.iter().any(|t| t.is_punct('(') || t.is_punct(')'))
}

/// For each mention, the nearest year expression before it in its sentence,
/// outside parentheses closed before it and not taken by a number before it:
/// `(temporal, temporal or target)`. One walk over the mentions, the years
/// and the parentheses in text order (never back to a sentence start per
/// number): a stack of the candidates seen at each parenthesis depth, where a
/// ")" forgets what its group saw and a "(" starts with what its parent sees.
///
/// Calls `found(i, seen)` for each mention `i` in order. The stack holds the
/// groups opened above the sentence's own level (`base`): most paragraphs open
/// none and allocate nothing.
///
/// Also hands `found` the year a sentence that continues the one before
/// (`continuing`, sentence numbers in order) takes from it: the last year outside
/// parentheses of the sentences before, at most [`CARRY_SENTENCES`] back.
fn look_behind_all(
    tokens: &Tokens<'_, '_>,
    exprs: &[YearExpr],
    owned: &[bool],
    mentions: &[Mention],
    continuing: &[u32],
    mut found: impl FnMut(usize, (Option<usize>, Option<usize>), Option<usize>),
) {
    type Seen = (Option<usize>, Option<usize>);
    let mut base: Seen = (None, None);
    let mut stack: Vec<Seen> = Vec::new();
    let mut sentence_id = tokens.first().map_or(0, |t| t.sentence);
    // The last year of the sentences before, and the sentence it was in.
    let mut carry: Option<(usize, u32)> = None;
    let mut next_continuing = 0;
    let mut carried: Option<usize> = None;
    let (mut m, mut e, mut p) = (0, 0, 0);
    loop {
        // The next event in text order; at one token, a number asks before a
        // year starting there is seen (a year counts only before the number).
        let at_m = mentions.get(m).map(|x| x.first);
        let at_e = exprs.get(e).map(|x| x.first);
        let at_p = tokens.parens.get(p).copied();
        let Some(k) = [at_m, at_e, at_p].into_iter().flatten().min() else {
            break;
        };
        let sid = tokens.get(k).map_or(sentence_id, |t| t.sentence);
        if sid != sentence_id {
            if let Some(e) = base.0 {
                carry = Some((e, sentence_id));
            }
            sentence_id = sid;
            stack.clear();
            base = (None, None);
            while continuing.get(next_continuing).is_some_and(|&c| c < sid) {
                next_continuing += 1;
            }
            carried = carry
                .filter(|_| continuing.get(next_continuing) == Some(&sid))
                .filter(|&(_, s)| sid.saturating_sub(s) <= CARRY_SENTENCES)
                .map(|(e, _)| e);
        }
        if at_m == Some(k) {
            found(m, stack.last().copied().unwrap_or(base), carried);
            m += 1;
        } else if at_e == Some(k) {
            let role = exprs.get(e).map(|x| x.role);
            if !owned.get(e).copied().unwrap_or(false) {
                let top = stack.last_mut().unwrap_or(&mut base);
                if role == Some(Role::Temporal) {
                    *top = (Some(e), Some(e));
                } else if role == Some(Role::Target) {
                    top.1 = Some(e);
                }
            }
            e += 1;
        } else {
            if tokens.get(k).is_some_and(|t| t.is_punct('(')) {
                let inherited = stack.last().copied().unwrap_or(base);
                stack.push(inherited);
            } else if stack.pop().is_none() {
                // A ")" never opened in this sentence hides all before it.
                base = (None, None);
            }
            p += 1;
        }
    }
}

/// How many sentences back a sentence that continues another finds its year.
const CARRY_SENTENCES: u32 = 3;

/// Whether a year stated right after a number ("X en 2014") stays with it, or
/// also dates the numbers after it in the sentence.
const OWNED_YEARS_ARE_PRIVATE: bool = false;

super::tokens::word_set! {
    fn is_rule_word = [
        "peine",
        "peines",
        "passible",
        "passibles",
        "emprisonnement",
        "amende",
        "amendes",
        "âge",
        "âgés",
        "âgées",
        "âgé",
        "âgée",
        "délai",
        "délais",
        "durée",
        "maximale",
        "minimale",
        "privation",
    ]
}

/// True when a duration in years, days or hours is an age or a legal term ("de
/// plus de 18 ans", "jusqu'à 10 ans d'emprisonnement", "une peine de cinq ans"):
/// a year stated earlier in the sentence dates the event, not the term.
fn age_or_term(tokens: &[Token<'_>], m: &Mention, unit: Unit, qualifier: Qualifier) -> bool {
    if !matches!(unit, Unit::Years | Unit::Days | Unit::Hours) {
        return false;
    }
    let bound = matches!(
        qualifier,
        Qualifier::AtMost | Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::LessThan
    );
    bound || {
        let sid = sentence(tokens, m.first);
        let lo = m.first.saturating_sub(8);
        let hi = (m.last + 4).min(tokens.len());
        (lo..hi)
            .filter(|&k| sentence(tokens, k) == sid)
            .any(|k| tokens[k].kind == Kind::Word && is_rule_word(tokens[k].lower))
    }
}

/// True when the figure is a rule or has no time: a duration, an age, a limit.
fn timeless(tokens: &[Token<'_>], m: &Mention, unit: Unit, qualifier: Qualifier) -> bool {
    if matches!(unit, Unit::Years | Unit::Days | Unit::Hours) {
        return true;
    }
    let sid = sentence(tokens, m.first);
    let lo = m.first.saturating_sub(25);
    let hi = (m.last + 10).min(tokens.len());
    let rule_sentence = (lo..hi)
        .filter(|&k| sentence(tokens, k) == sid)
        .any(|k| tokens[k].kind == Kind::Word && is_rule_word(tokens[k].lower));
    rule_sentence
        && (matches!(
            qualifier,
            Qualifier::AtMost | Qualifier::AtLeast | Qualifier::RangeLow | Qualifier::RangeHigh
        ) || !matches!(unit, Unit::Count | Unit::Percent))
}

/// What the other modules read about each mention.
pub(crate) struct Readings<'r> {
    pub qualifiers: &'r [Qualifier],
    pub units: &'r [Unit],
    pub pairs: &'r [Option<Pair>],
}

/// The year and its source for each mention, in order.
// A stage of its own in profiles: called once per text, never worth inlining.
#[inline(never)]
pub(crate) fn assign(
    tokens: &Tokens<'_, '_>,
    mentions: &[Mention],
    readings: &Readings<'_>,
    dating: &super::Dating,
) -> Vec<(Option<Year>, Option<YearSource>)> {
    let reference_year = dating.reference_year;
    let qualifiers = readings.qualifiers;
    let units = readings.units;
    let pairs = readings.pairs;
    let written = year_exprs(tokens, mentions, reference_year);
    let (exprs, continuing) = with_back_references(tokens, mentions, written, dating);
    let mut first_ahead = 0;
    let ahead: Vec<Ahead> = (0..mentions.len())
        .map(|i| look_ahead(tokens, &exprs, mentions, i, &mut first_ahead))
        .collect();
    let mut stated: Vec<Option<Year>> = vec![None; mentions.len()];
    // How sure each stated year is (the expression's, or implied when carried).
    let mut sure: Vec<Sure> = vec![Sure::Stated; mentions.len()];
    let mut owned = vec![false; exprs.len()];
    // Numbers followed by their year, alone or as a coordinated list.
    let mut i = 0;
    while i < mentions.len() {
        // The group: i, and the numbers coordinated after it (i..=j).
        let mut j = i;
        while let Ahead::Number(next) = ahead[j] {
            if next != j + 1 || !coordinated(tokens, &mentions[j], &mentions[next]) {
                break;
            }
            j = next;
        }
        let group = i..=j;
        if let Ahead::Year(e) = ahead[j] {
            // The list of years starting at e: e..e + len.
            let len = exprs
                .get(e..)
                .unwrap_or_default()
                .iter()
                .take_while(|x| x.list == exprs[e].list)
                .count();
            let list = e..e + len;
            if list.len() == group.clone().count() {
                for (g, x) in group.zip(list) {
                    stated[g] = Some(exprs[x].year);
                    sure[g] = exprs[x].sure;
                    owned[x] = true;
                }
            } else {
                // One value for several years: "195 millions en 2009 et en 2010".
                let (a, b) = (list.start, list.end.saturating_sub(1));
                let year = if i == j && len > 1 && a != b {
                    match (exprs[a].year, exprs[b].year) {
                        (Year::Single(x), Year::Single(y)) if x < y => Year::Period(x, y),
                        _ => exprs[e].year,
                    }
                } else {
                    exprs[e].year
                };
                for g in group {
                    stated[g] = Some(year);
                    sure[g] = exprs[e].sure;
                }
                owned[e] = true;
            }
        }
        i = j + 1;
    }
    // A range's low end shares its high end's year.
    for i in 1..mentions.len() {
        if qualifiers.get(i - 1) == Some(&Qualifier::RangeLow)
            && qualifiers.get(i) == Some(&Qualifier::RangeHigh)
            && stated[i - 1].is_none()
        {
            stated[i - 1] = stated[i];
            sure[i - 1] = sure[i];
        }
    }
    // Years stated earlier in the sentence.
    if !OWNED_YEARS_ARE_PRIVATE {
        owned.fill(false);
    }
    // (figure, year expression) for the figures a sentence before may date:
    // pushed only in sentences that continue another, so mostly empty.
    let mut carried: Vec<(usize, usize)> = Vec::new();
    look_behind_all(
        tokens,
        &exprs,
        &owned,
        mentions,
        &continuing,
        |i, (temporal, or_target), from_before| {
            let unit = units.get(i).copied().unwrap_or(Unit::Count);
            let q = qualifiers.get(i).copied().unwrap_or(Qualifier::Exact);
            if mentions
                .get(i)
                .is_some_and(|m| age_or_term(tokens, m, unit, q))
            {
                return;
            }
            if let Some(slot) = stated.get_mut(i).filter(|s| s.is_none()) {
                let target = qualifiers.get(i) == Some(&Qualifier::Target);
                let found = if target { or_target } else { temporal };
                if let Some((e, x)) = found.and_then(|e| Some((e, exprs.get(e)?))) {
                    *slot = Some(x.year);
                    if let Some(s) = sure.get_mut(i) {
                        *s = exprs[e].sure;
                    }
                } else if let Some(e) = from_before {
                    carried.push((i, e));
                }
            }
        },
    );
    // "29 449 apatrides, dont 1 154 enfants": a part has its whole's year.
    for i in 1..mentions.len() {
        if stated[i].is_some() || stated[i - 1].is_none() {
            continue;
        }
        let (whole, part) = (&mentions[i - 1], &mentions[i]);
        let between = tokens.get(whole.last + 1..part.first).unwrap_or(&[]);
        // The whole's noun, ", dont", and at most a qualifier ("plus de").
        let dont = between.len() <= 10
            && between
                .iter()
                .position(|t| t.is_word(&["dont"]))
                .is_some_and(|d| {
                    d > 0
                        && between[d - 1].is_punct(',')
                        && between[..d - 1].iter().all(|t| t.kind == Kind::Word)
                        && between[d + 1..].iter().all(|t| {
                            t.is_word(&["plus", "près", "environ", "de", "d"])
                                || t.is_punct('\'')
                                || t.is_punct('’')
                        })
                });
        if dont && sentence(tokens, whole.first) == sentence(tokens, part.first) {
            stated[i] = stated[i - 1];
            sure[i] = sure[i - 1];
        }
    }
    // "576 personnes … au cours de la période considérée": the period dates the
    // undated figures of its whole sentence; then a sentence that continues the
    // one before takes its year, as implied.
    let mut wide = exprs
        .iter()
        .filter(|x| x.sentence_wide)
        .filter_map(|x| Some((sentence(tokens, x.first)?, x)))
        .peekable();
    if wide.peek().is_some() {
        for (i, m) in mentions.iter().enumerate() {
            if stated[i].is_some() {
                continue;
            }
            let sid = sentence(tokens, m.first);
            while wide.next_if(|(s, _)| Some(*s) < sid).is_some() {}
            if let Some((_, x)) = wide.peek().filter(|(s, _)| Some(*s) == sid) {
                stated[i] = Some(x.year);
                sure[i] = x.sure;
            }
        }
    }
    for &(i, e) in &carried {
        if let (Some(slot @ None), Some(x)) = (stated.get_mut(i), exprs.get(e)) {
            *slot = Some(x.year);
            sure[i] = match x.sure {
                Sure::Unknown => Sure::Unknown,
                _ => Sure::Implied,
            };
        }
    }
    // "entre 2005 et 2012, passant de 578 à 285": the former value takes the
    // start of the period, the new value its end.
    // The former value of a "de X à Y" move.
    let former = |i: usize| i + 1 < mentions.len() && pairs.get(i) == Some(&Some(Pair::FromTo));
    for i in 0..mentions.len().saturating_sub(1) {
        if !former(i) {
            continue;
        }
        if let (Some(Year::Period(a, b)), Some(Year::Period(c, d))) = (stated[i], stated[i + 1]) {
            if (a, b) == (c, d) {
                stated[i] = Some(Year::Single(a));
                stated[i + 1] = Some(Year::Single(b));
            }
        }
    }
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| match stated[i] {
            Some(_) if sure[i] == Sure::Unknown => (None, None),
            Some(y) if sure[i] == Sure::Implied => {
                let unit = units.get(i).copied().unwrap_or(Unit::Count);
                let q = qualifiers.get(i).copied().unwrap_or(Qualifier::Exact);
                if timeless(tokens, m, unit, q) {
                    (None, None)
                } else {
                    (Some(y), Some(YearSource::Implied))
                }
            }
            Some(y) => (Some(y), Some(YearSource::Stated)),
            // A former value or a goal without a year: no year.
            None if former(i) || qualifiers.get(i) == Some(&Qualifier::Target) => (None, None),
            None => {
                let unit = units.get(i).copied().unwrap_or(Unit::Count);
                let q = qualifiers.get(i).copied().unwrap_or(Qualifier::Exact);
                match reference_year {
                    Some(r) if !timeless(tokens, m, unit, q) => {
                        (Some(Year::Single(r)), Some(YearSource::Implied))
                    }
                    _ => (None, None),
                }
            }
        })
        .collect()
}
