//! What the user typed, read as clauses that must all match.
//!
//! Outside quotes, every run of characters between spaces is a clause: one word, or,
//! when it holds several (`l’État`, `non-discrimination`), those words in a row.
//! Between double quotes (`"…"`, `“…”`, `«…»`) the whole quotation is one clause, a
//! phrase. A quote left open (the user is still typing) runs to the end. A number is
//! one word however it is spaced (`64 000`), so its spaces do not cut it.
//!
//! Outside quotes, a stop word standing alone (`de`, `la`, `des`…) is dropped: it
//! neither matches nor highlights. In a phrase (quoted, or `l’État`) it stays. A query made of
//! stop words only keeps them, so that it still finds something.

use super::fold::{fold, is_combining, is_number, words};

/// A query read into clauses of folded words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Query {
    /// Each clause is a sequence of folded words that must occur in a row; never
    /// empty. Duplicate clauses are dropped.
    pub(crate) clauses: Vec<Vec<String>>,
    /// Whether the last word of the last clause also matches as a prefix: the user
    /// has not finished typing it (the query ends inside it), it has at least
    /// [`MIN_PREFIX`] characters and is no number.
    pub(crate) prefix: bool,
    /// How many words the query holds, stop words included: how many words of a
    /// paragraph its clauses fill when they stand together as typed.
    pub(crate) width: usize,
}

/// Characters the last word needs before it matches as a prefix.
pub(crate) const MIN_PREFIX: usize = 3;

/// French words too common to tell paragraphs apart (folded): articles,
/// prepositions, conjunctions, pronouns, and the commonest auxiliaries.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du",
    "elle", "elles", "en", "est", "et", "etait", "ete", "il", "ils", "j", "l", "la", "le", "les",
    "leur", "leurs", "lui", "m", "n", "ne", "on", "ont", "ou", "par", "pas", "pour", "qu", "que",
    "qui", "s", "sa", "se", "ses", "son", "sont", "sur", "t", "un", "une", "y",
];

/// Whether a folded word is a stop word.
pub(crate) fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

enum Quote {
    Toggle,
    Open,
    Close,
}

fn quote(c: char) -> Option<Quote> {
    match c {
        '"' | '\u{ff02}' => Some(Quote::Toggle),
        '“' | '«' | '„' => Some(Quote::Open),
        '”' | '»' => Some(Quote::Close),
        _ => None,
    }
}

/// Reads `input`. Never fails: a query with no words has no clauses.
pub(crate) fn parse(input: &str) -> Query {
    let query = parse_with(input, false);
    if query.clauses.is_empty() {
        // Stop words only ("de", "la"): search them after all.
        return parse_with(input, true);
    }
    query
}

fn parse_with(input: &str, keep_stop_words: bool) -> Query {
    let mut query = Query {
        width: words(input).count(),
        ..Query::default()
    };
    // Numbers spaced as `64 000`: their spaces separate nothing.
    let spaced_numbers: Vec<(usize, usize)> = words(input)
        .filter(|&(s, e)| {
            input.get(s..e).is_some_and(|w| {
                is_number(w) && w.contains(|c: char| !c.is_ascii_digit() && c != ',')
            })
        })
        .collect();
    let in_number = |i: usize| spaced_numbers.iter().any(|&(s, e)| s < i && i < e);
    let mut quoted = false;
    let mut segment_start = 0;
    let mut segment_quoted = false;
    for (i, c) in input.char_indices() {
        let boundary = match quote(c) {
            Some(Quote::Toggle) => {
                quoted = !quoted;
                true
            }
            Some(Quote::Open) => {
                quoted = true;
                true
            }
            Some(Quote::Close) => {
                quoted = false;
                true
            }
            None => !quoted && c.is_whitespace() && !in_number(i),
        };
        if boundary {
            let drop = !keep_stop_words && !segment_quoted;
            push_clause(&mut query.clauses, input.get(segment_start..i), drop);
            segment_start = i + c.len_utf8();
            segment_quoted = quoted;
        }
    }
    let drop = !keep_stop_words && !segment_quoted;
    let last_pushed = push_clause(&mut query.clauses, input.get(segment_start..), drop);

    // The last word is still being typed if the query ends inside it. (If its clause
    // repeats an earlier one, the earlier, whole-word clause is the stricter: keep it.)
    if let Some((start, end)) = words(input).last() {
        let word = input.get(start..end).unwrap_or_default();
        let unfinished = end == input.len();
        let long_enough = word.chars().filter(|&c| !is_combining(c)).count() >= MIN_PREFIX;
        let last_clause = query.clauses.last().and_then(|c| c.last());
        let in_last_clause = last_clause.is_some_and(|w| *w == fold(word));
        query.prefix =
            unfinished && long_enough && !is_number(word) && in_last_clause && last_pushed;
    }
    query
}

/// Adds the clause `segment` spells (without its stop words when `drop_stop_words`),
/// unless it has no word or repeats an earlier clause. Whether it was added.
fn push_clause(
    clauses: &mut Vec<Vec<String>>,
    segment: Option<&str>,
    drop_stop_words: bool,
) -> bool {
    let Some(segment) = segment else {
        return false;
    };
    let mut clause: Vec<String> = words(segment)
        .filter_map(|(s, e)| segment.get(s..e))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    // Words joined by an apostrophe or a hyphen (`l’État`) stay a phrase, whole.
    if drop_stop_words && clause.len() == 1 {
        clause.retain(|w| !is_stop_word(w));
    }
    if clause.is_empty() || clauses.contains(&clause) {
        return false;
    }
    clauses.push(clause);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(input: &str) -> Vec<Vec<String>> {
        parse(input).clauses
    }

    fn c(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn words_are_clauses_folded() {
        assert_eq!(
            clauses("  Violence   FEMMES "),
            vec![c(&["violence"]), c(&["femmes"])]
        );
        assert_eq!(clauses("Sécurité"), vec![c(&["securite"])]);
    }

    #[test]
    fn quotes_make_phrases() {
        assert_eq!(
            clauses("\"ordonnances de protection\" 2012"),
            vec![c(&["ordonnances", "de", "protection"]), c(&["2012"])]
        );
        assert_eq!(
            clauses("« violence domestique »"),
            vec![c(&["violence", "domestique"])]
        );
        assert_eq!(
            clauses("“violence domestique”"),
            vec![c(&["violence", "domestique"])]
        );
        // An open quote runs to the end.
        assert_eq!(clauses("\"violence dom"), vec![c(&["violence", "dom"])]);
    }

    #[test]
    fn words_joined_by_apostrophes_or_hyphens_are_phrases() {
        assert_eq!(clauses("l’État"), vec![c(&["l", "etat"])]);
        assert_eq!(
            clauses("non-discrimination"),
            vec![c(&["non", "discrimination"])]
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_while_it_is_being_typed() {
        assert!(parse("viol").prefix);
        assert!(parse("femmes viol").prefix);
        assert!(parse("\"violence dom").prefix);
        assert!(!parse("vi").prefix, "too short");
        assert!(!parse("viol ").prefix, "finished by a space");
        assert!(!parse("\"viol\"").prefix, "finished by a quote");
        assert!(!parse("viol.").prefix, "finished by punctuation");
        assert!(parse("œuv").prefix);
        assert!(!parse("e\u{301}\u{301}").prefix, "accents are no letters");
        // A repeated word is the earlier, finished one.
        let q = parse("viol femme viol");
        assert_eq!(q.clauses, vec![c(&["viol"]), c(&["femme"])]);
        assert!(!q.prefix);
    }

    #[test]
    fn nothing_to_search_is_no_clause() {
        for q in ["", "   ", "\"\"", "« »", "?!… -- ’", "\"", "\u{301}"] {
            let query = parse(q);
            assert!(query.clauses.is_empty(), "{q:?} gave {query:?}");
            assert!(!query.prefix);
        }
    }

    #[test]
    fn stop_words_are_dropped_outside_quotes_only() {
        assert_eq!(
            clauses("ordonnance de protection"),
            vec![c(&["ordonnance"]), c(&["protection"])]
        );
        assert_eq!(clauses("l’État"), vec![c(&["l", "etat"])]);
        assert_eq!(
            clauses("\"ordonnance de protection\""),
            vec![c(&["ordonnance", "de", "protection"])]
        );
        // Stop words alone are searched after all.
        assert_eq!(clauses("de la"), vec![c(&["de"]), c(&["la"])]);
        assert_eq!(parse("ordonnance de protection").width, 3);
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS, "sorted for binary search");
    }

    #[test]
    fn a_number_is_one_clause_however_it_is_spaced() {
        for q in ["64 000", "64\u{a0}000", "64000", "64\u{202f}000"] {
            let query = parse(q);
            assert_eq!(query.clauses, vec![c(&["64000"])], "{q:?}");
            assert!(!query.prefix, "a number is no prefix");
        }
        assert_eq!(clauses("64,5"), vec![c(&["64,5"])]);
        assert_eq!(
            clauses("plus de 44 000 ordonnances"),
            vec![c(&["plus"]), c(&["44000"]), c(&["ordonnances"])]
        );
    }

    #[test]
    fn duplicate_clauses_are_dropped() {
        assert_eq!(clauses("femme femme Femme"), vec![c(&["femme"])]);
    }
}
