//! What the user typed, read as clauses that must all match.
//!
//! Outside quotes, every run of characters between spaces is a clause: one word, or,
//! when it holds several (`l’État`, `non-discrimination`), those words in a row.
//! Between double quotes (`"…"`, `“…”`, `«…»`) the whole quotation is one clause, a
//! phrase. A quote left open (the user is still typing) runs to the end.

use super::fold::{fold, is_combining, words};

/// A query read into clauses of folded words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Query {
    /// Each clause is a sequence of folded words that must occur in a row; never
    /// empty. Duplicate clauses are dropped.
    pub(crate) clauses: Vec<Vec<String>>,
    /// Whether the last word of the last clause also matches as a prefix: the user
    /// has not finished typing it (the query ends inside it) and it has at least
    /// [`MIN_PREFIX`] characters.
    pub(crate) prefix: bool,
}

/// Characters the last word needs before it matches as a prefix.
pub(crate) const MIN_PREFIX: usize = 3;

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
    let mut query = Query::default();
    let mut quoted = false;
    let mut segment_start = 0;
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
            None => !quoted && c.is_whitespace(),
        };
        if boundary {
            push_clause(&mut query.clauses, input.get(segment_start..i));
            segment_start = i + c.len_utf8();
        }
    }
    let last_pushed = push_clause(&mut query.clauses, input.get(segment_start..));

    // The last word is still being typed if the query ends inside it. (If its clause
    // repeats an earlier one, the earlier, whole-word clause is the stricter: keep it.)
    if let Some((start, end)) = words(input).last() {
        let unfinished = end == input.len();
        let long_enough = input
            .get(start..end)
            .is_some_and(|w| w.chars().filter(|&c| !is_combining(c)).count() >= MIN_PREFIX);
        query.prefix = unfinished && long_enough && last_pushed;
    }
    query
}

/// Adds the clause `segment` spells, unless it has no word or repeats an earlier
/// clause. Whether it was added.
fn push_clause(clauses: &mut Vec<Vec<String>>, segment: Option<&str>) -> bool {
    let Some(segment) = segment else { return false };
    let clause: Vec<String> = words(segment)
        .filter_map(|(s, e)| segment.get(s..e))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
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
    fn duplicate_clauses_are_dropped() {
        assert_eq!(clauses("femme femme Femme"), vec![c(&["femme"])]);
    }
}
