//! The series catalogue (`data/series.toml`): which facts make which series.
//!
//! A series is data, not code: rules over the extracted facts (words of the
//! subject, of the sentence or of the number's clause; unit, report, paragraph,
//! years, a sanity bound on values), never copied numbers. Adding a series is
//! adding a table to the TOML file.

use super::sourced::{Corpus, SourcedFact};
use super::{flag_conflicts, mark_breaks, Key, Kind, Point, Series};
use crate::extract::{Qualifier, Unit, Year, YearSource};
use serde::Deserialize;
use std::cell::OnceCell;
use std::rc::Rc;

/// Why a catalogue could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// A field missing, unknown or of the wrong type (the TOML syntax itself is
    /// checked when the crate is built: see `src/baked.rs`).
    #[error("series.toml is not valid: {0}")]
    Syntax(String),
    #[error("series.toml: series {id:?} names theme {theme:?}, which [[theme]] does not define")]
    UnknownTheme { id: String, theme: String },
    #[error("series.toml: the id {0:?} is used twice")]
    DuplicateId(String),
    #[error(
        "series.toml: series {0:?} selects nothing (give at least `subject`, `sentence` or `near`)"
    )]
    NoRule(String),
    #[error("series.toml: series {0:?} has a `years` or `values` range whose low end exceeds its high end")]
    EmptyRange(String),
    #[error("series.toml: series {0:?} is a breakdown: a break in series (`breaks`) needs years")]
    BreakWithoutYears(String),
}

/// A group of series in the explorer's list (its title is in `data/i18n/`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
}

/// One catalogued series: the rules that select its facts (its title, in every
/// language, is in `data/i18n/`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeriesDef {
    pub id: String,
    pub theme: String,
    pub unit: Unit,
    pub kind: Kind,
    /// The fact's subject contains one of these (accents and case ignored).
    #[serde(default)]
    pub subject: Vec<String>,
    /// The fact's subject contains none of these.
    #[serde(default)]
    pub subject_not: Vec<String>,
    /// The fact's sentence contains one of these.
    #[serde(default)]
    pub sentence: Vec<String>,
    /// The fact's sentence contains none of these.
    #[serde(default)]
    pub sentence_not: Vec<String>,
    /// The words around the number (its clause, see [`clause`]) contain one of
    /// these: for facts whose subject is empty or too short to tell them apart.
    #[serde(default)]
    pub near: Vec<String>,
    /// The words around the number contain none of these.
    #[serde(default)]
    pub near_not: Vec<String>,
    /// Only these reports (document symbols); all when empty.
    #[serde(default)]
    pub reports: Vec<String>,
    /// Only these paragraph ids; all when empty.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Only facts whose year lies in this inclusive range, `[first, last]`: to
    /// keep a breakdown to one year, or a part-year figure off an annual axis.
    #[serde(default)]
    pub years: Option<[i32; 2]>,
    /// Only facts whose year the text states, not those dated by the report's
    /// reference year alone (which, near yearly figures, are often period totals
    /// or habitual figures: "bon an mal an, près de 38 000").
    #[serde(default)]
    pub year_stated: bool,
    /// Points are school or academic years ("2022/23", "2018-2019"), keyed by
    /// the calendar year they start in; a one-year span counts as that year.
    #[serde(default)]
    pub school_years: bool,
    /// A sanity bound on the value, `[min, max]` inclusive: keeps a misprinted
    /// figure ("48 6864") off a series. Never use it to pick one figure.
    #[serde(default)]
    pub values: Option<[f64; 2]>,
    /// Qualifiers admitted; by default every one but `change` and `target`,
    /// which are not levels and cannot sit on the same axis.
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    /// Breakdowns: category names to show instead of the subject as written
    /// (in French; other languages' names are in `data/i18n/`).
    #[serde(default)]
    pub categories: Vec<Category>,
    /// A sentence for readers: what the series counts, and its caveats.
    #[serde(default)]
    pub note_fr: String,
    #[serde(default)]
    pub note_en: String,
    /// Breaks in series: from these years on the definition is comparable but
    /// not identical, so points on either side are never joined.
    #[serde(default)]
    pub breaks: Vec<Break>,
}

/// A break in series: from year `from` on, the figures count something
/// comparable but not identical ("définition différente à partir de 2018").
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Break {
    /// The first year counted under the new definition. The legend line that
    /// says what changed is `series.<id>.break_<from>` in `data/i18n/`.
    pub from: i32,
}

/// A breakdown's category: the words that name it, and its French name.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The fact's subject, or the words around its number (see [`clause`]),
    /// contain this (accents and case ignored). The first category that matches
    /// is the fact's.
    pub subject: String,
    /// The name the report gives it: the key of its point, and of its names in
    /// other languages in `data/i18n/`.
    pub fr: String,
}

/// The whole catalogue.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Catalogue {
    #[serde(rename = "theme")]
    pub themes: Vec<Theme>,
    #[serde(rename = "series")]
    pub series: Vec<SeriesDef>,
}

// Read from the tree `build.rs` baked (see `crate::baked::FromTree`): field for
// field what the serde derives above read from TOML, which
// `the_baked_series_catalogue_is_the_toml_file` holds equal.
use crate::baked::{variant, Error as TreeError, Fields, FromTree, Value};

impl FromTree for Unit {
    fn from_tree(value: &'static Value) -> Result<Unit, TreeError> {
        variant(value)
    }
}

impl FromTree for Kind {
    fn from_tree(value: &'static Value) -> Result<Kind, TreeError> {
        variant(value)
    }
}

impl FromTree for Qualifier {
    fn from_tree(value: &'static Value) -> Result<Qualifier, TreeError> {
        variant(value)
    }
}

impl FromTree for Theme {
    fn from_tree(value: &'static Value) -> Result<Theme, TreeError> {
        let f = Fields::of(value, &["id"])?;
        Ok(Theme {
            id: f.required("id")?,
        })
    }
}

impl FromTree for SeriesDef {
    fn from_tree(value: &'static Value) -> Result<SeriesDef, TreeError> {
        let f = Fields::of(
            value,
            &[
                "id",
                "theme",
                "unit",
                "kind",
                "subject",
                "subject_not",
                "sentence",
                "sentence_not",
                "near",
                "near_not",
                "reports",
                "paragraphs",
                "years",
                "year_stated",
                "values",
                "qualifiers",
                "categories",
                "note_fr",
                "note_en",
                "breaks",
                "school_years",
            ],
        )?;
        let def = SeriesDef {
            id: f.required("id")?,
            theme: f.required("theme")?,
            unit: f.required("unit")?,
            kind: f.required("kind")?,
            subject: f.optional("subject")?,
            subject_not: f.optional("subject_not")?,
            sentence: f.optional("sentence")?,
            sentence_not: f.optional("sentence_not")?,
            near: f.optional("near")?,
            near_not: f.optional("near_not")?,
            reports: f.optional("reports")?,
            paragraphs: f.optional("paragraphs")?,
            years: f.optional("years")?,
            year_stated: f.optional("year_stated")?,
            values: f.optional("values")?,
            qualifiers: f.optional("qualifiers")?,
            categories: f.optional("categories")?,
            note_fr: f.optional("note_fr")?,
            note_en: f.optional("note_en")?,
            breaks: f.optional("breaks")?,
            school_years: f.optional("school_years")?,
        };
        Ok(def)
    }
}

impl FromTree for Break {
    fn from_tree(value: &'static Value) -> Result<Break, TreeError> {
        let f = Fields::of(value, &["from"])?;
        Ok(Break {
            from: f.required("from")?,
        })
    }
}

impl FromTree for Category {
    fn from_tree(value: &'static Value) -> Result<Category, TreeError> {
        let f = Fields::of(value, &["subject", "fr"])?;
        Ok(Category {
            subject: f.required("subject")?,
            fr: f.required("fr")?,
        })
    }
}

impl FromTree for Catalogue {
    /// Unlike its series, the catalogue's top level admits other tables (as its
    /// serde derive does): none but `theme` and `series` is read.
    fn from_tree(value: &'static Value) -> Result<Catalogue, TreeError> {
        let f = Fields::open(value)?;
        Ok(Catalogue {
            themes: f.required("theme")?,
            series: f.required("series")?,
        })
    }
}

impl Catalogue {
    /// Reads and checks a catalogue written in TOML, as `build.rs` and
    /// [`Catalogue::bundled`] do (tests; no TOML parser ships in the crate).
    #[cfg(test)]
    pub fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
        Catalogue::checked(toml::from_str(text).map_err(|e| CatalogueError::Syntax(e.to_string()))?)
    }

    /// Checks a catalogue as read, and folds its rule words.
    fn checked(mut catalogue: Catalogue) -> Result<Catalogue, CatalogueError> {
        for (i, def) in catalogue.series.iter().enumerate() {
            if !catalogue.themes.iter().any(|t| t.id == def.theme) {
                return Err(CatalogueError::UnknownTheme {
                    id: def.id.clone(),
                    theme: def.theme.clone(),
                });
            }
            if catalogue.series[..i].iter().any(|d| d.id == def.id) {
                return Err(CatalogueError::DuplicateId(def.id.clone()));
            }
            if def.subject.is_empty() && def.sentence.is_empty() && def.near.is_empty() {
                return Err(CatalogueError::NoRule(def.id.clone()));
            }
            let years_empty = def.years.is_some_and(|[a, b]| a > b);
            let values_empty = def.values.is_some_and(|[a, b]| a > b);
            if years_empty || values_empty {
                return Err(CatalogueError::EmptyRange(def.id.clone()));
            }
            if def.kind == Kind::Breakdown && !def.breaks.is_empty() {
                return Err(CatalogueError::BreakWithoutYears(def.id.clone()));
            }
        }
        // Rule words are folded once here, not once per fact they are matched with.
        for def in &mut catalogue.series {
            // Breaks in year order: the chart and `mark_breaks` read them so.
            def.breaks.sort_by_key(|b| b.from);
            for words in [
                &mut def.subject,
                &mut def.subject_not,
                &mut def.sentence,
                &mut def.sentence_not,
                &mut def.near,
                &mut def.near_not,
            ] {
                words.iter_mut().for_each(|w| *w = fold(w));
            }
            for category in &mut def.categories {
                category.subject = fold(&category.subject);
            }
        }
        Ok(catalogue)
    }

    /// The bundled catalogue (`data/series.toml`, turned into Rust data when the
    /// crate is built), checked.
    pub fn bundled() -> Result<Catalogue, CatalogueError> {
        let read = Catalogue::from_tree(&crate::baked::catalogues::SERIES)
            .map_err(|e| CatalogueError::Syntax(e.to_string()))?;
        Catalogue::checked(read)
    }

    /// The definition of series `id`, if the catalogue has one.
    pub fn definition(&self, id: &str) -> Option<&SeriesDef> {
        self.series.iter().find(|d| d.id == id)
    }

    /// Every catalogued series, built from the corpus' facts.
    ///
    /// One walk of the facts, each tested by every definition in turn: the
    /// facts are read from memory once, not once per definition (on a long
    /// text they far outgrow the processor's caches).
    pub fn build(&self, corpus: &Corpus) -> Vec<Series> {
        let words = FactWords::of_all(&corpus.facts);
        // One memo per series: the facts of a sentence come together.
        let mut memos: Vec<SentenceMemo> = vec![None; self.series.len()];
        let mut selected: Vec<Vec<usize>> = vec![Vec::new(); self.series.len()];
        // The definitions that admit each kind of fact (unit, qualifier, year),
        // found once per kind: a fact is tested by those only.
        let mut by_kind: std::collections::HashMap<FactKind, Vec<usize>> = Default::default();
        for (i, (fact, words)) in corpus.facts.iter().zip(&words).enumerate() {
            let defs = by_kind.entry(FactKind::of(&fact.fact)).or_insert_with(|| {
                (0..self.series.len())
                    .filter(|&k| {
                        self.series
                            .get(k)
                            .is_some_and(|d| d.admits_kind(&fact.fact))
                    })
                    .collect()
            });
            for &k in defs.iter() {
                let (Some(def), Some(memo)) = (self.series.get(k), memos.get_mut(k)) else {
                    continue;
                };
                if def.matches_admitted(fact, words, memo) {
                    if let Some(picked) = selected.get_mut(k) {
                        picked.push(i);
                    }
                }
            }
        }
        self.series
            .iter()
            .zip(&selected)
            .map(|(def, picked)| def.build_from(corpus, &words, picked))
            .collect()
    }

    /// Whether some series selects each fact (`result[i]` is `facts[i]`'s): what
    /// `derek candidates` leaves out. Each fact's words are folded once.
    pub fn selected(&self, facts: &[SourcedFact]) -> Vec<bool> {
        let words = FactWords::of_all(facts);
        // One memo per series: the facts of a sentence come together.
        let mut memos: Vec<SentenceMemo> = vec![None; self.series.len()];
        facts
            .iter()
            .zip(&words)
            .map(|(fact, words)| {
                self.series
                    .iter()
                    .zip(memos.iter_mut())
                    .any(|(def, memo)| def.matches(fact, words, memo))
            })
            .collect()
    }
}

/// What [`SeriesDef::admits_kind`] reads of a fact: its unit, qualifier, year
/// and year source (the enums' discriminants, a year's bounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FactKind {
    unit: u8,
    qualifier: u8,
    year: (u8, i32, i32),
    year_source: Option<u8>,
}

impl FactKind {
    fn of(f: &crate::extract::Fact) -> FactKind {
        FactKind {
            unit: f.unit as u8,
            qualifier: f.qualifier as u8,
            year: match f.year {
                None => (0, 0, 0),
                Some(Year::Single(y)) => (1, y, y),
                Some(Year::Period(a, b)) => (2, a, b),
            },
            year_source: f.year_source.map(|s| s as u8),
        }
    }
}

/// Lower case without accents, apostrophes made plain: "Délivrées" → "delivrees".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII (most of a French text) are copied and lowered at once,
        // as `fold_char` lowers each of their characters: a page's first chart
        // folds every paragraph (`SeriesDef::could_select`).
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let start = out.len();
        out.push_str(run);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        match chars.next() {
            Some('’' | 'ʼ' | '‘') => out.push('\''),
            Some('\u{a0}' | '\u{202f}' | '\u{2009}') => out.push(' '),
            // Letters fold as search folds them: rules and queries meet the same words.
            Some(c) => crate::search::fold_char(c, &mut out),
            None => {}
        }
        rest = chars.as_str();
    }
    out
}

/// Whether `haystack` (folded) contains one of the (folded) rule words.
fn contains_any(haystack: &str, needles: &[String]) -> bool {
    needles.iter().any(|n| contains(haystack, n))
}

/// Whether `needle` occurs in `haystack`. In the wasm, [`byte_rfind`]: there
/// `str::contains` builds a Two-Way searcher anew on every call, which costs more
/// than the search for the short rule words tested here on every fact (a seventh
/// of start-up's series stage in V8's baseline tier, where the wasm spends most of
/// its start-up). Natively `str`'s own search is vectorised and the faster one
/// (`cargo bench --bench startup`: building the series 3.1 ms with it, 3.7 ms with
/// the byte scan).
fn contains(haystack: &str, needle: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return byte_rfind(haystack, needle).is_some();
    #[cfg(not(target_arch = "wasm32"))]
    return haystack.contains(needle);
}

/// `str::rfind` by a scan for the needle's first byte, each hit compared. At worst
/// `haystack.len() × needle.len()`, and a needle is a catalogue's rule word or a
/// clause separator (a few bytes): linear in the text. A byte match is a `str`
/// match: a UTF-8 needle starts on a character.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn byte_rfind(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(h.len());
    };
    let last = h.len().checked_sub(n.len())?;
    (0..=last)
        .rev()
        .find(|&i| h[i] == first && h.get(i + 1..i + n.len()) == Some(rest))
}

/// How far a clause reaches before and after its number, in bytes: a clause of
/// the reports is far shorter (they are a few words between commas).
pub const CLAUSE_REACH: usize = 400;

/// A fact's words, folded once for every rule that reads them, and only when a
/// rule reads them: most facts fail a definition's unit, qualifier or year
/// first. The facts of one sentence share its folded text and its number
/// (`sentence_id`), so a long sentence stating many figures is folded, and
/// tested by each rule, once.
struct FactWords<'a> {
    fact: &'a SourcedFact,
    subject: OnceCell<String>,
    sentence: Rc<OnceCell<String>>,
    sentence_id: usize,
    clause: OnceCell<String>,
}

impl<'a> FactWords<'a> {
    fn of(fact: &'a SourcedFact) -> FactWords<'a> {
        FactWords {
            fact,
            subject: OnceCell::new(),
            sentence: Rc::default(),
            sentence_id: 0,
            clause: OnceCell::new(),
        }
    }

    /// The words of every fact; facts that share a sentence (they come one
    /// after another) share its folding.
    fn of_all(facts: &'a [SourcedFact]) -> Vec<FactWords<'a>> {
        let mut out: Vec<FactWords> = Vec::with_capacity(facts.len());
        let mut previous: Option<&SourcedFact> = None;
        for fact in facts {
            let shared = previous
                .filter(|p| std::sync::Arc::ptr_eq(&p.sentence, &fact.sentence))
                .and(out.last())
                .map(|w| (Rc::clone(&w.sentence), w.sentence_id));
            let (sentence, sentence_id) = shared.unwrap_or_else(|| (Rc::default(), out.len()));
            out.push(FactWords {
                sentence,
                sentence_id,
                ..FactWords::of(fact)
            });
            previous = Some(fact);
        }
        out
    }

    /// The fact's subject, folded.
    fn subject(&self) -> &str {
        self.subject.get_or_init(|| fold(&self.fact.fact.subject))
    }

    /// The fact's sentence, folded.
    fn sentence(&self) -> &str {
        self.sentence.get_or_init(|| fold(&self.fact.sentence))
    }

    /// The fact's clause ([`clause`]), folded.
    fn clause(&self) -> &str {
        self.clause.get_or_init(|| {
            let (start, end) = self.fact.sentence_span;
            fold(&clause(&self.fact.sentence, start, end))
        })
    }
}

/// The last sentence a definition's sentence words were tested on, and the
/// verdict: the facts of one sentence come together.
type SentenceMemo = Option<(usize, bool)>;

/// The words around a number in its sentence (`start..end` is the number's byte
/// range): its clause, for facts whose subject does not say enough.
///
/// Before the number, the clause reaches back to the nearest `, `, `; `, `: `,
/// ` et `, ` dont ` or `)`; a number in parentheses thus also gets the words of
/// the clause it stands in ("Russes (63 303)", "plus de 1 941 cas (1 059 en 2011)").
/// After it, the clause runs to the next such separator, unmatched `)` or other
/// number, skipping parenthesised asides: "3 743 (54,2 %) dispensaient un
/// enseignement en kazakh, 1 055 (15,3 %) en russe" gives "3 743 dispensaient un
/// enseignement en kazakh" for 3 743 and "1 055 en russe" for 1 055. Runs of
/// spaces become one. The clause reads at most [`CLAUSE_REACH`] bytes on each
/// side of the number, so that the many figures of one long sentence cost time
/// in proportion to their number, not to the sentence's length.
pub fn clause(sentence: &str, start: usize, end: usize) -> String {
    const SEPARATORS: [&str; 5] = [", ", "; ", ": ", " et ", " dont "];
    let mut from = start.saturating_sub(CLAUSE_REACH);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = end.saturating_add(CLAUSE_REACH).min(sentence.len());
    while !sentence.is_char_boundary(to) {
        to += 1;
    }
    let (Some(before), Some(number), Some(after)) = (
        sentence.get(from..start),
        sentence.get(start..end),
        sentence.get(end..to),
    ) else {
        return String::new();
    };
    // The last end of a separator or ")": every separator ends in a space.
    let bytes = before.as_bytes();
    let from = (1..=bytes.len())
        .rev()
        .filter(|&p| matches!(bytes.get(p - 1), Some(b' ' | b')')))
        .find(|&p| {
            let head = bytes.get(..p).unwrap_or(&[]);
            head.ends_with(b")") || SEPARATORS.iter().any(|sep| head.ends_with(sep.as_bytes()))
        })
        .unwrap_or(0);
    let mut out = String::from(&before[from..]);
    out.push_str(number);
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        if depth == 0 {
            if SEPARATORS.iter().any(|sep| after[i..].starts_with(sep))
                || c == ')'
                || c.is_ascii_digit()
            {
                break;
            }
            if c == '(' {
                depth = 1;
            } else {
                out.push(c);
            }
        } else if c == '(' {
            depth += 1;
        } else if c == ')' {
            depth -= 1;
        }
    }
    let mut words = out.split_whitespace();
    let mut clause = String::with_capacity(out.len());
    clause.push_str(words.next().unwrap_or(""));
    for word in words {
        clause.push(' ');
        clause.push_str(word);
    }
    clause
}

impl SeriesDef {
    /// Whether a fact belongs to this series (a definition from [`Catalogue::bundled`],
    /// whose rule words are folded).
    /// The year a fact's point sits at: its single year, or the start of a
    /// school year when the series counts school years.
    fn key_year(&self, year: Option<Year>) -> Option<i32> {
        match year? {
            Year::Single(y) => Some(y),
            Year::Period(a, b) if self.school_years && b == a + 1 => Some(a),
            Year::Period(..) => None,
        }
    }

    /// Whether a paragraph can hold a fact this definition selects: its report
    /// and id are admitted, and its text, folded (see [`fold`]), contains the
    /// longest run of letters and digits of one of the words of a list every
    /// selected fact must match (its subject's or its sentence's words).
    ///
    /// Invariant: false only for a paragraph none of whose facts
    /// [`SeriesDef::selects`]. It holds because a fact's sentence is a slice of
    /// its paragraph and its subject the paragraph's words joined by single
    /// spaces where the text has a gap, folding is character by character, and a
    /// run of letters and digits never spans those spaces. A clause ([`clause`])
    /// is not used: it glues the words around a parenthesised aside, so a word of
    /// a `near` rule can be made there that the paragraph does not hold
    /// ("inscrit(e)s" gives "inscrits"). The first chart of a page reads only
    /// these paragraphs (`startup::Startup::glance`); the fuzz target `series`
    /// checks the invariant on any text.
    pub fn could_select(&self, report: &str, paragraph: &str, folded: &str) -> bool {
        if !self.reports.is_empty() && !self.reports.iter().any(|r| r == report) {
            return false;
        }
        if !self.paragraphs.is_empty() && !self.paragraphs.iter().any(|p| p == paragraph) {
            return false;
        }
        match self.needles() {
            Some(words) => words.iter().any(|run| contains(folded, run)),
            None => true,
        }
    }

    /// The longest run of letters and digits of each word of the most telling
    /// list every selected fact must match, of its subject's or its sentence's
    /// (the one whose shortest run is longest), or `None` when the definition has
    /// neither or a word has no letter or digit (every paragraph can then hold
    /// its facts).
    fn needles(&self) -> Option<Vec<&str>> {
        fn runs(words: &[String]) -> Option<Vec<&str>> {
            if words.is_empty() {
                return None;
            }
            words
                .iter()
                .map(|w| {
                    w.split(|c: char| !c.is_alphanumeric())
                        .max_by_key(|run| run.len())
                        .filter(|run| !run.is_empty())
                })
                .collect()
        }
        [&self.subject, &self.sentence]
            .into_iter()
            .filter_map(|words| runs(words))
            .max_by_key(|runs| runs.iter().map(|r| r.len()).min().unwrap_or(0))
    }

    pub fn selects(&self, fact: &SourcedFact) -> bool {
        self.matches(fact, &FactWords::of(fact), &mut None)
    }

    fn matches(&self, fact: &SourcedFact, words: &FactWords, memo: &mut SentenceMemo) -> bool {
        self.admits_kind(&fact.fact) && self.matches_admitted(fact, words, memo)
    }

    /// Whether the fact's unit, qualifier and year are of this series: all that
    /// its [`FactKind`] decides.
    fn admits_kind(&self, f: &crate::extract::Fact) -> bool {
        let unit_ok = f.unit == self.unit;
        let qualifier_ok = if self.qualifiers.is_empty() {
            !matches!(f.qualifier, Qualifier::Change | Qualifier::Target)
        } else {
            self.qualifiers.contains(&f.qualifier)
        };
        let key_ok = match self.kind {
            Kind::Time => self.key_year(f.year).is_some(),
            Kind::Breakdown => true,
        };
        let years_ok = self.years.is_none_or(|[first, last]| {
            self.key_year(f.year)
                .is_some_and(|y| (first..=last).contains(&y))
        });
        let stated_ok = !self.year_stated || f.year_source == Some(YearSource::Stated);
        unit_ok && qualifier_ok && key_ok && years_ok && stated_ok
    }

    /// [`SeriesDef::matches`] for a fact whose kind it admits.
    fn matches_admitted(
        &self,
        fact: &SourcedFact,
        words: &FactWords,
        memo: &mut SentenceMemo,
    ) -> bool {
        let values_ok = self
            .values
            .is_none_or(|[min, max]| (min..=max).contains(&fact.fact.value));
        if !values_ok {
            return false;
        }
        if !self.reports.is_empty() && !self.reports.contains(&fact.report) {
            return false;
        }
        if !self.paragraphs.is_empty() && !self.paragraphs.contains(&fact.paragraph) {
            return false;
        }
        let sentence_ok = |memo: &mut SentenceMemo| match *memo {
            Some((id, ok)) if id == words.sentence_id => ok,
            _ => {
                let ok = (self.sentence.is_empty() && self.sentence_not.is_empty()) || {
                    let sentence = words.sentence();
                    (self.sentence.is_empty() || contains_any(sentence, &self.sentence))
                        && !contains_any(sentence, &self.sentence_not)
                };
                *memo = Some((words.sentence_id, ok));
                ok
            }
        };
        let subject_ok = (self.subject.is_empty() && self.subject_not.is_empty()) || {
            let subject = words.subject();
            (self.subject.is_empty() || contains_any(subject, &self.subject))
                && !contains_any(subject, &self.subject_not)
        };
        let near_ok = || {
            (self.near.is_empty() && self.near_not.is_empty()) || {
                let clause = words.clause();
                (self.near.is_empty() || contains_any(clause, &self.near))
                    && !contains_any(clause, &self.near_not)
            }
        };
        // Cheapest first: the subject is short, the sentence's verdict is shared.
        subject_ok
            && sentence_ok(memo)
            && near_ok()
            && (self.kind == Kind::Time
                || self.categories.is_empty()
                || self.category(words).is_some())
    }

    fn category(&self, words: &FactWords) -> Option<&Category> {
        self.categories
            .iter()
            .find(|c| contains(words.subject(), &c.subject) || contains(words.clause(), &c.subject))
    }

    /// The series made of every fact this definition selects, in key order, with
    /// the newest report first within a year, repeats of one figure in one report
    /// dropped, and disagreements between reports flagged.
    pub fn build(&self, corpus: &Corpus) -> Series {
        let words = FactWords::of_all(&corpus.facts);
        let mut memo = None;
        let selected: Vec<usize> = (0..corpus.facts.len())
            .filter(|&i| {
                corpus
                    .facts
                    .get(i)
                    .zip(words.get(i))
                    .is_some_and(|(fact, words)| self.matches(fact, words, &mut memo))
            })
            .collect();
        self.build_from(corpus, &words, &selected)
    }

    /// [`SeriesDef::build`] with every fact's words already folded.
    /// `selected` are the indices of the facts it selects, in order.
    fn build_from(&self, corpus: &Corpus, words: &[FactWords], selected: &[usize]) -> Series {
        let mut picked: Vec<(&SourcedFact, Key)> = Vec::new();
        // What was picked, to find a repeat at once however many points.
        let mut seen: std::collections::HashSet<(Key, usize, u64)> = Default::default();
        let selected = selected
            .iter()
            .filter_map(|&i| corpus.facts.get(i).zip(words.get(i)));
        for (fact, words) in selected {
            let key = match (self.kind, self.key_year(fact.fact.year)) {
                (Kind::Time, Some(year)) => Key::Year { year },
                (Kind::Time, _) => continue,
                (Kind::Breakdown, _) => Key::Category {
                    category: self
                        .category(words)
                        .map_or_else(|| fact.fact.subject.clone(), |c| c.fr.clone()),
                },
            };
            // One report repeating its own figure for the same key is one point
            // (values equal as numbers: 0 and -0 alike, NaN never a repeat).
            let value = fact.fact.value;
            let bits = if value == 0.0 { 0 } else { value.to_bits() };
            let first = value.is_nan() || seen.insert((key.clone(), fact.report_index, bits));
            if first {
                picked.push((fact, key));
            }
        }
        let reference_year = |f: &SourcedFact| {
            corpus
                .reports
                .get(f.report_index)
                .map_or(0, |r| r.meta.reference_year)
        };
        picked.sort_by(|(fa, ka), (fb, kb)| match (ka, kb) {
            (Key::Year { year: a }, Key::Year { year: b }) => {
                a.cmp(b).then(reference_year(fb).cmp(&reference_year(fa)))
            }
            _ => fb.fact.value.total_cmp(&fa.fact.value),
        });
        let mut points: Vec<Point> = picked
            .into_iter()
            .map(|(f, key)| Point::of(f, key))
            .collect();
        flag_conflicts(&mut points);
        if self.kind == Kind::Time {
            mark_breaks(&mut points, &self.breaks);
        }
        Series {
            id: self.id.clone(),
            theme: self.theme.clone(),
            unit: self.unit,
            kind: self.kind,
            points,
            breaks: self.breaks.clone(),
            texts: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clause glues the words around a parenthesised aside: a `near` rule can
    /// match words the paragraph does not hold, so a glance never filters by it.
    #[test]
    fn a_near_rule_never_hides_a_paragraph() -> Result<(), CatalogueError> {
        let catalogue = Catalogue::parse(
            r#"
[[theme]]
id = "t"
[[series]]
id = "pupils"
theme = "t"
unit = "count"
kind = "time"
near = ["eleves etaient inscrits"]
"#,
        )?;
        let Some(def) = catalogue.definition("pupils") else {
            panic!("the catalogue just parsed has no series pupils");
        };
        let text = "En 2023, 3 500 000 élèves étaient inscrit(e)s dans les écoles du pays.";
        assert!(
            clause(text, 9, 18).contains("inscrits"),
            "{}",
            clause(text, 9, 18)
        );
        assert!(def.could_select("R", "p1", &fold(text)));
        Ok(())
    }

    /// Folding runs of ASCII at once gives what folding each character gives.
    #[test]
    fn folding_ascii_runs_at_once_folds_each_character_alike() {
        let each = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '’' | 'ʼ' | '‘' => out.push('\''),
                    '\u{a0}' | '\u{202f}' | '\u{2009}' => out.push(' '),
                    c => crate::search::fold_char(c, &mut out),
                }
            }
            out
        };
        let samples = [
            "",
            "Délivrées",
            "ORDONNANCES de Protection",
            "l’État\u{a0}partie — Œuvre ﬁnale 12\u{202f}345 %",
            "ÉÉÉ",
            "abc\u{301}def",
            "Ақмола облысы 2024",
        ];
        for text in samples {
            assert_eq!(fold(text), each(text), "{text:?}");
        }
        #[cfg(not(target_arch = "wasm32"))]
        proptest::proptest!(|(text in "\\PC{0,40}")| {
            proptest::prop_assert_eq!(fold(&text), each(&text));
        });
    }

    #[test]
    fn byte_search_finds_what_str_search_finds() {
        let texts = [
            "",
            "a",
            "aaa",
            "délivrées, et 5 ; é",
            "x et y et z",
            "été été",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "é",
            "et",
            " et ",
            "été",
            "z",
            "ées, et 5 ; é!",
        ];
        for text in texts {
            for needle in needles {
                let rfound = text.rfind(needle);
                assert_eq!(byte_rfind(text, needle), rfound, "{text:?} {needle:?}");
                assert_eq!(contains(text, needle), text.contains(needle));
            }
        }
    }

    fn clause_of(sentence: &str, number: &str) -> String {
        let start = sentence.find(number).unwrap_or(0);
        clause(sentence, start, start + number.len())
    }

    #[test]
    fn a_clause_runs_to_the_next_separator_or_number_skipping_asides() {
        let s = "Dont 3 743 (54,2 %) dispensaient un enseignement en kazakh, 1 055 (15,3 %) en russe et 5 (0,07 %) en ouïghour.";
        assert_eq!(
            clause_of(s, "3 743"),
            "Dont 3 743 dispensaient un enseignement en kazakh"
        );
        assert_eq!(clause_of(s, "1 055"), "1 055 en russe");
        let five = s.find("et 5").unwrap_or(0) + 3;
        assert_eq!(clause(s, five, five + 1), "5 en ouïghour.");
        assert_eq!(clause_of(s, "54,2 %"), "Dont 3 743 (54,2 %");
    }

    #[test]
    fn a_number_in_parentheses_gets_the_words_of_its_clause() {
        let s = "En termes ethniques, le premier groupe est celui des Kazakhs (220 407), suivi de celui des Russes (63 303) et des Tatars (4 003).";
        assert_eq!(
            clause_of(s, "220 407"),
            "le premier groupe est celui des Kazakhs (220 407"
        );
        assert_eq!(clause_of(s, "63 303"), "suivi de celui des Russes (63 303");
        assert_eq!(clause_of(s, "4 003"), "des Tatars (4 003");
        let s = "Plus de mille auteurs ont été sanctionnés pour non-respect d'une ordonnance (700 en 2011).";
        assert_eq!(
            clause_of(s, "700"),
            "Plus de mille auteurs ont été sanctionnés pour non-respect d'une ordonnance (700 en"
        );
    }

    #[test]
    fn a_clause_starts_after_the_last_separator_as_each_one_searched_for_would() {
        const SEPARATORS: [&str; 5] = [", ", "; ", ": ", " et ", " dont "];
        const PIECES: [&str; 12] = [
            ",", ";", ":", " ", "et", "dont", ")", "(", "e", "t ", "é", "  ",
        ];
        let mut seed: u64 = 7;
        for _ in 0..5000 {
            let mut before = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let k = usize::try_from(seed >> 33).unwrap_or(0) % PIECES.len();
                before.push_str(PIECES.get(k).copied().unwrap_or(""));
            }
            // Each separator and ")" searched for from the end, the last end kept.
            let from = SEPARATORS
                .iter()
                .filter_map(|sep| before.rfind(sep).map(|i| i + sep.len()))
                .chain(before.rfind(')').map(|i| i + 1))
                .max()
                .unwrap_or(0);
            let sentence = format!("{before}12");
            let expected = format!("{}12", before.get(from..).unwrap_or(""));
            let got = clause(&sentence, before.len(), before.len() + 2);
            // The clause's runs of spaces are one.
            let collapsed = expected.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(got, collapsed, "{sentence:?}");
        }
    }

    #[test]
    fn the_catalogue_builds_what_each_definition_builds_alone(
    ) -> Result<(), Box<dyn std::error::Error>> {
        // One walk over the facts for every definition (grouped by unit) gives
        // the series that each definition gives by its own walk.
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let catalogue = Catalogue::bundled()?;
        let all = catalogue.build(&corpus);
        assert_eq!(all.len(), catalogue.series.len());
        let mut points = 0;
        for (built, def) in all.iter().zip(&catalogue.series) {
            assert_eq!(built, &def.build(&corpus), "{}", def.id);
            points += built.points.len();
        }
        assert!(points > 100, "{points} points");
        Ok(())
    }

    #[test]
    fn a_clause_never_panics_on_bad_offsets() {
        assert_eq!(clause("é", 1, 2), "");
        assert_eq!(clause("abc", 2, 9), "");
    }

    #[test]
    fn every_breakdown_has_one_bar_per_label_in_every_language(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        for series in Catalogue::bundled()?.build(&corpus) {
            if series.kind != Kind::Breakdown {
                continue;
            }
            for lang in crate::i18n::Lang::ALL {
                let labels: Vec<&str> = series
                    .bars()
                    .iter()
                    .filter_map(|bar| series.points.get(*bar.points.first()?))
                    .filter_map(|p| series.category_label(p, lang))
                    .collect();
                let mut unique = labels.clone();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(unique.len(), labels.len(), "{}: {labels:?}", series.id);
            }
        }
        Ok(())
    }

    #[test]
    fn a_break_in_series_needs_years() {
        let text = r#"
[[theme]]
id = "t"

[[series]]
id = "s"
theme = "t"
unit = "count"
kind = "breakdown"
sentence = ["x"]
breaks = [{ from = 2018 }]
"#;
        assert!(matches!(
            Catalogue::parse(text),
            Err(CatalogueError::BreakWithoutYears(id)) if id == "s"
        ));
        let time = text.replace("breakdown", "time");
        assert!(Catalogue::parse(&time).is_ok_and(|c| c.series[0].breaks[0].from == 2018));
    }

    #[test]
    fn ranges_must_not_be_empty() {
        let text = r#"
[[theme]]
id = "t"

[[series]]
id = "s"
theme = "t"
unit = "count"
kind = "time"
sentence = ["x"]
years = [2024, 2020]
"#;
        assert!(matches!(
            Catalogue::parse(text),
            Err(CatalogueError::EmptyRange(id)) if id == "s"
        ));
    }
}
