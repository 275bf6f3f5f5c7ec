//! Candidate series: groups of dated facts that look like one quantity stated for
//! two or more years and that no catalogued series holds yet (`derek candidates`).
//!
//! Two facts belong to one candidate when they have the same unit and either
//! - the same **label**: the first two content words of their subject ("actions
//!   pénales liées à la traite" → "action penale"), wherever they are stated; or
//! - a one-word label ("personnes", "visites", too vague to join facts across a
//!   report), or none at all, and the same paragraph.
//!
//! A one-word subject is first widened with the words that follow the number in
//! its clause ("737 400 personnes handicapées" → "personne handicapee"), so that
//! the same quantity worded alike joins across paragraphs and reports; a later
//! fact of the sentence with the same one word and nothing after its number
//! ("2 171 établissements ont été ouverts (contre 1 054 en 2018)") takes the
//! widened label too.
//!
//! A fact with no subject takes the label of the fact before it in its sentence
//! with the same unit: that is how lists read ("en 2009 trois actions pénales, 13
//! en 2010, 15 en 2011"; "(5 288 en 2009, 4 889 en 2010)"). A candidate is a group
//! with two or more distinct years.
//!
//! Invariant: this module only reads facts; it never decides that a candidate *is*
//! a series (a person does, by adding it to the catalogue). Goals (`target`) and
//! changes (`change`) are left out, as series leave them out: they are not levels.
//! Time and memory are linear in the facts (one pass, one map of labels).

use super::catalogue::{clause, fold, Catalogue};
use super::sourced::SourcedFact;
use crate::extract::{Qualifier, Unit, Year};
use std::collections::{BTreeSet, HashMap};

/// One group of facts that may be a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    /// The words the facts share (folded), e.g. `appel` or `action penale`; empty
    /// for facts with no subject, grouped by paragraph.
    pub label: String,
    pub unit: Unit,
    /// The group's facts, in corpus order.
    pub facts: Vec<&'a SourcedFact>,
}

impl Candidate<'_> {
    /// The distinct years its facts describe, in order.
    pub fn years(&self) -> Vec<i32> {
        let years: BTreeSet<i32> = self.facts.iter().filter_map(|f| single_year(f)).collect();
        years.into_iter().collect()
    }
}

/// How many dated facts there are, and how many of them some series holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Facts with a year (one year or a stated period).
    pub dated: usize,
    /// Dated facts that some catalogued series selects.
    pub in_series: usize,
}

impl Coverage {
    /// The share in series, in per cent (0 when nothing is dated).
    pub fn percent(&self) -> f64 {
        if self.dated == 0 {
            0.0
        } else {
            100.0 * self.in_series as f64 / self.dated as f64
        }
    }
}

/// Which facts some series of the catalogue selects (`result[i]` is `facts[i]`'s).
pub fn in_series(catalogue: &Catalogue, facts: &[SourcedFact]) -> Vec<bool> {
    catalogue.selected(facts)
}

/// The share of dated facts that belong to a series.
pub fn coverage(facts: &[SourcedFact], in_series: &[bool]) -> Coverage {
    let mut coverage = Coverage {
        dated: 0,
        in_series: 0,
    };
    for (fact, &held) in facts.iter().zip(in_series) {
        if fact.fact.year.is_some() {
            coverage.dated += 1;
            coverage.in_series += usize::from(held);
        }
    }
    coverage
}

fn single_year(fact: &SourcedFact) -> Option<i32> {
    match fact.fact.year {
        Some(Year::Single(year)) => Some(year),
        _ => None,
    }
}

/// Words that say nothing of what is counted.
const STOP_WORDS: [&str; 22] = [
    "les", "des", "aux", "une", "par", "pour", "sur", "dans", "avec", "ont", "ete", "sont", "qui",
    "que", "avaient", "etait", "etaient", "ainsi", "ces", "cette", "leur", "leurs",
];

/// A subject's label: its first two content words, folded, without a plural `s`
/// or `x` ("auteurs d'infractions" → "auteur infraction"). Empty for an empty subject.
pub fn label(subject: &str) -> String {
    fold(subject)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(w))
        .take(2)
        .map(|w| match w.strip_suffix(['s', 'x']) {
            // "cas", "ans": no plural to take off.
            Some(stem) if stem.len() >= 3 => stem,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What groups facts: unit, label, and the paragraph for one-word labels.
type Key<'a> = (
    std::mem::Discriminant<Unit>,
    String,
    Option<(usize, &'a str)>,
);

/// The words that follow a fact's number in its clause (see [`clause`]).
fn words_after(fact: &SourcedFact) -> String {
    let (start, end) = fact.sentence_span;
    let words = clause(&fact.sentence, start, end);
    match words.find(fact.fact.verbatim.as_str()) {
        Some(at) => words[at + fact.fact.verbatim.len()..].to_string(),
        None => String::new(),
    }
}

/// Every candidate series among `facts` (`in_series[i]` tells whether a series
/// already holds `facts[i]`): groups with two or more distinct years, in the order
/// of their first fact.
pub fn candidates<'a>(facts: &'a [SourcedFact], in_series: &[bool]) -> Vec<Candidate<'a>> {
    // Group key → index in `groups`.
    let mut index: HashMap<Key<'a>, usize> = HashMap::new();
    let mut groups: Vec<Candidate<'a>> = Vec::new();
    // In the current sentence: the label of the last fact of each unit, and the
    // widened label each one-word label was given.
    let mut sentence: Option<(usize, &str, &str)> = None;
    let mut last_label: Vec<(Unit, String)> = Vec::new();
    let mut widened_in_sentence: Vec<(Unit, String, String)> = Vec::new();
    for (fact, &held) in facts.iter().zip(in_series) {
        let here = (fact.report_index, fact.paragraph.as_str(), &*fact.sentence);
        if sentence != Some(here) {
            sentence = Some(here);
            last_label.clear();
            widened_in_sentence.clear();
        }
        let own = label(&fact.fact.subject);
        let unit = fact.fact.unit;
        let label = if own.is_empty() {
            last_label
                .iter()
                .rev()
                .find(|(u, _)| *u == unit)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        } else if own.contains(' ') {
            own
        } else {
            // "737 400 personnes handicapées": the words after the number say
            // more than a one-word subject; a later fact of the sentence with the
            // same one word and nothing after it ("(contre 1 054 en 2018)") reads
            // as the same quantity.
            let widened = self::label(&words_after(fact));
            if widened.contains(' ') {
                widened_in_sentence.push((unit, own, widened.clone()));
                widened
            } else {
                widened_in_sentence
                    .iter()
                    .rev()
                    .find(|(u, word, _)| *u == unit && *word == own)
                    .map_or(own, |(_, _, w)| w.clone())
            }
        };
        if !label.is_empty() {
            last_label.push((unit, label.clone()));
        }
        let level = !matches!(fact.fact.qualifier, Qualifier::Target | Qualifier::Change);
        if held || !level || single_year(fact).is_none() {
            continue;
        }
        // A one-word label, or none ("passant de 5,4 % en 2008 à 3,2 % en 2011"),
        // only joins facts of one paragraph.
        let scope = (!label.contains(' ')).then_some((fact.report_index, fact.paragraph.as_str()));
        let key = (std::mem::discriminant(&unit), label, scope);
        let slot = match index.get(&key) {
            Some(&slot) => slot,
            None => {
                groups.push(Candidate {
                    label: key.1.clone(),
                    unit,
                    facts: Vec::new(),
                });
                index.insert(key, groups.len() - 1);
                groups.len() - 1
            }
        };
        if let Some(group) = groups.get_mut(slot) {
            group.facts.push(fact);
        }
    }
    groups.retain(|g| g.years().len() >= 2);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;

    /// The facts of literal paragraphs, each sentence its own, as a corpus would
    /// give them (report 0, paragraph `p{i}`).
    fn facts_of(paragraphs: &[&str], reference_year: i32) -> Vec<SourcedFact> {
        let mut out = Vec::new();
        for (i, text) in paragraphs.iter().enumerate() {
            for fact in extract_text(text, Some(reference_year)) {
                let (start, end) =
                    super::super::sourced::sentence_bounds(text, fact.start, fact.end);
                out.push(SourcedFact {
                    report_index: 0,
                    report: "R/1".into(),
                    paragraph: format!("p{i}"),
                    reference: format!("par. {i}"),
                    section: None,
                    line: i + 1,
                    sentence: text[start..end].into(),
                    sentence_span: (fact.start - start, fact.end - start),
                    fact,
                });
            }
        }
        out
    }

    fn summary(found: &[Candidate]) -> Vec<(String, Vec<i32>, Vec<f64>)> {
        found
            .iter()
            .map(|c| {
                (
                    c.label.clone(),
                    c.years(),
                    c.facts.iter().map(|f| f.fact.value).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn labels_keep_two_content_words_without_plurals() {
        assert_eq!(
            label("auteurs d’infractions administratives"),
            "auteur infraction"
        );
        assert_eq!(label("Appels"), "appel");
        assert_eq!(label("cas liés à la traite"), "cas lie");
        assert_eq!(label("de la"), "");
        assert_eq!(label(""), "");
    }

    #[test]
    fn a_list_of_yearly_values_is_one_candidate() {
        let facts = facts_of(
            &["En 2012, la permanence téléphonique a reçu plus de 1 000 appels (plus de 180 en 2011)."],
            2012,
        );
        let all = vec![false; facts.len()];
        assert_eq!(
            summary(&candidates(&facts, &all)),
            vec![("appel".to_string(), vec![2011, 2012], vec![1000.0, 180.0])]
        );
    }

    #[test]
    fn facts_already_in_a_series_are_not_candidates_but_count_as_covered() {
        let facts = facts_of(
            &["En 2012, la permanence téléphonique a reçu plus de 1 000 appels (plus de 180 en 2011)."],
            2012,
        );
        let held = vec![true; facts.len()];
        assert!(candidates(&facts, &held).is_empty());
        assert_eq!(
            coverage(&facts, &held),
            Coverage {
                dated: 2,
                in_series: 2
            }
        );
        let none = vec![false; facts.len()];
        assert_eq!(coverage(&facts, &none).percent(), 0.0);
    }

    #[test]
    fn a_two_word_subject_joins_facts_across_paragraphs_a_one_word_one_does_not() {
        let facts = facts_of(
            &[
                "En 2012, 30 centres de crise ont ouvert. En 2012, 40 personnes ont été reçues.",
                "En 2019, 45 centres de crise existaient. En 2019, 50 personnes sont venues.",
            ],
            2019,
        );
        let none = vec![false; facts.len()];
        assert_eq!(
            summary(&candidates(&facts, &none)),
            vec![(
                "centre crise".to_string(),
                vec![2012, 2019],
                vec![30.0, 45.0]
            )]
        );
    }

    #[test]
    fn facts_without_a_subject_group_within_their_paragraph() {
        let facts = facts_of(
            &[
                "Le pourcentage a baissé, passant de 5,4 % en 2008 à 3,2 % en 2011.",
                "Il était de 7 % en 2009.",
            ],
            2012,
        );
        let none = vec![false; facts.len()];
        assert_eq!(
            summary(&candidates(&facts, &none)),
            vec![(String::new(), vec![2008, 2011], vec![5.4, 3.2])]
        );
    }

    #[test]
    fn a_one_word_subject_is_widened_with_the_words_after_its_number() {
        let facts = facts_of(
            &[
                "Le Kazakhstan compte 737 400 personnes handicapées.",
                "En 2019, 670 000 personnes handicapées vivaient dans le pays.",
                "En 2019, 500 personnes ont été reçues.",
                "En 2019, 2 171 établissements ont été ouverts (contre 1 054 en 2018).",
            ],
            2025,
        );
        let none = vec![false; facts.len()];
        assert_eq!(
            summary(&candidates(&facts, &none)),
            vec![
                (
                    "personne handicapee".to_string(),
                    vec![2019, 2025],
                    vec![737_400.0, 670_000.0]
                ),
                (
                    "etablissement ouvert".to_string(),
                    vec![2018, 2019],
                    vec![2171.0, 1054.0]
                )
            ]
        );
    }

    #[test]
    fn one_year_goals_and_changes_are_not_candidates() {
        let facts = facts_of(
            &[
                "En 2018, 12 juges ont été nommés. Le nombre de procès a augmenté de 20 en 2019 ; l’objectif est de 40 procès d’ici à 2030.",
            ],
            2019,
        );
        let none = vec![false; facts.len()];
        assert!(
            candidates(&facts, &none).is_empty(),
            "{:?}",
            summary(&candidates(&facts, &none))
        );
    }
}
