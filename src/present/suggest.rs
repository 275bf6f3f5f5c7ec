//! Help for a reader who typed something Derek does not know: the series ids
//! closest to a mistyped one, and the series whose title (or category names) in
//! the reader's language match a search the French reports cannot answer.

use crate::chart::Lang;
use crate::series::catalogue::fold;
use crate::series::Series;
use serde::Serialize;

/// Up to `n` of `ids`, closest to `typed` first (edit distance, case ignored);
/// only ids within half their length of it.
pub fn closest_ids<'a>(
    typed: &str,
    ids: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let typed = typed.trim().to_lowercase();
    let mut scored: Vec<(usize, &str)> = ids
        .into_iter()
        .map(|id| (distance(&typed, id), id))
        .filter(|(d, id)| *d <= id.len().max(typed.len()) / 2)
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, id)| id).collect()
}

/// Levenshtein distance over characters, in O(|a|·|b|) time and O(|b|) memory
/// (ids are short).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A series offered to a reader: its id and its title in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesOffer {
    pub id: String,
    pub title: String,
}

/// The series whose title, or one of whose categories, in `lang` holds every word
/// of `query` (accents and case ignored; a word matches a word it begins, or
/// that begins it, from four letters: "order" finds "orders").
pub fn series_matching(series: &[Series], query: &str, lang: Lang) -> Vec<SeriesOffer> {
    let words: Vec<String> = words_of(query);
    if words.is_empty() {
        return Vec::new();
    }
    series
        .iter()
        .filter(|s| !s.points.is_empty())
        .filter(|s| {
            let mut names: Vec<String> = words_of(s.title(lang));
            for p in &s.points {
                if let Some(category) = s.category_label(p, lang) {
                    names.extend(words_of(category));
                }
            }
            words.iter().all(|w| names.iter().any(|n| same_word(w, n)))
        })
        .map(|s| SeriesOffer {
            id: s.id.clone(),
            title: s.title(lang).to_string(),
        })
        .collect()
}

fn words_of(text: &str) -> Vec<String> {
    fold(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

fn same_word(query: &str, name: &str) -> bool {
    let shorter = query.chars().count().min(name.chars().count());
    query == name || (shorter >= 4 && (name.starts_with(query) || query.starts_with(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_id_finds_the_closest_ones() {
        let ids = [
            "protection_orders_issued",
            "protection_order_breaches",
            "pupils",
        ];
        assert_eq!(
            closest_ids("protection_order_issued", ids, 2),
            ["protection_orders_issued", "protection_order_breaches"]
        );
        assert!(closest_ids("zzzz", ids, 3).is_empty());
    }

    #[test]
    fn a_title_or_category_in_the_readers_language_is_offered(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let corpus = crate::series::sourced::Corpus::read(crate::corpus::bundled()?);
        let series = crate::series::catalogue::Catalogue::bundled()?.build(&corpus);
        let ids = |offers: Vec<SeriesOffer>| offers.into_iter().map(|o| o.id).collect::<Vec<_>>();
        let orders = ids(series_matching(&series, "protection order", Lang::En));
        assert!(
            orders.contains(&"protection_orders_issued".to_string()),
            "{orders:?}"
        );
        let uyghurs = ids(series_matching(&series, "Uyghurs", Lang::En));
        assert!(
            uyghurs.contains(&"ethnic_composition_2025".to_string()),
            "{uyghurs:?}"
        );
        let russian = ids(series_matching(&series, "уйгуры", Lang::Ru));
        assert!(
            russian.contains(&"ethnic_composition_2025".to_string()),
            "{russian:?}"
        );
        assert!(series_matching(&series, "", Lang::En).is_empty());
        Ok(())
    }
}
