//! Labels for paragraphs that print none, and the ASCII ids used in URL fragments.

use std::collections::{HashMap, HashSet};

/// Longest heading kept whole in a positional label; longer ones are cut at a word.
const KEY_CHARS: usize = 40;

/// A heading's text shortened for use in a label: whole if short, else cut after a
/// word and marked with `…`.
pub(crate) fn shorten(title: &str) -> String {
    if title.chars().count() <= KEY_CHARS {
        return title.to_string();
    }
    let mut out = String::new();
    for word in title.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > KEY_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = title.chars().take(KEY_CHARS - 1).collect();
    }
    let mut out = out.trim_end_matches([',', ';', ':', ' ']).to_string();
    out.push('…');
    out
}

/// The ASCII letters a Latin letter with diacritics is written with in an id.
fn ascii_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// `Paragraphe 21, Alinéa c, 1` → `paragraphe-21-alinea-c-1`: lowercase ASCII
/// letters and digits separated by single hyphens.
pub(crate) fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut hyphen = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        let piece = if c.is_ascii_alphanumeric() {
            None
        } else {
            ascii_fold(c)
        };
        if c.is_ascii_alphanumeric() || piece.is_some() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            match piece {
                Some(p) => out.push_str(p),
                None => out.push(c),
            }
        } else {
            hyphen = true;
        }
    }
    out
}

/// Hands out ids, unique within one document.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
    /// The next suffix to try for an id asked for more than once.
    next: HashMap<String, usize>,
}

impl Ids {
    /// Room for `n` ids without growing (and hashing them all again).
    pub(crate) fn with_capacity(n: usize) -> Self {
        Ids {
            taken: HashSet::with_capacity(n),
            next: HashMap::new(),
        }
    }

    /// `wanted` if free, else `wanted-2`, `wanted-3`…
    pub(crate) fn claim(&mut self, wanted: String) -> String {
        let wanted = if wanted.is_empty() {
            "p".to_string()
        } else {
            wanted
        };
        if self.taken.insert(wanted.clone()) {
            return wanted;
        }
        let n = self.next.entry(wanted.clone()).or_insert(2);
        loop {
            let id = format!("{wanted}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Article 16, 3"), "article-16-3");
        assert_eq!(
            slug("Paragraphe 21, Alinéa c, 1"),
            "paragraphe-21-alinea-c-1"
        );
        assert_eq!(
            slug("Réponse du Kazakhstan à la…, 2"),
            "reponse-du-kazakhstan-a-la-2"
        );
        assert_eq!(slug("« Œuvre »"), "oeuvre");
        assert_eq!(slug("Ђ"), "");
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("p1".into()), "p1");
        assert_eq!(ids.claim("p1".into()), "p1-2");
        assert_eq!(ids.claim("p1".into()), "p1-3");
        assert_eq!(ids.claim(String::new()), "p");
        assert_eq!(ids.claim("p1-2".into()), "p1-2-2");
        let started = std::time::Instant::now();
        for _ in 0..50_000 {
            ids.claim("q1-a".into());
        }
        assert!(started.elapsed().as_secs() < 5, "repeated ids are linear");
    }

    #[test]
    fn long_headings_are_shortened_at_a_word() {
        assert_eq!(shorten("Article 2"), "Article 2");
        let long = "Note verbale datée du 14 juin 2021, adressée au Président de l’Assemblée";
        let short = shorten(long);
        assert_eq!(short, "Note verbale datée du 14 juin 2021…");
        assert!(short.chars().count() <= KEY_CHARS);
    }
}
