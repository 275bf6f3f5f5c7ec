//! A report's own reference to a paragraph ("par. 81", "Paragraphes 30 et 31, 2",
//! "Article 16, 3") said in the reader's language: "para. 81", "Пункты 30 и 31, 2",
//! "16-бап, 3". Only the words the document model writes are translated; a
//! heading quoted from the report stays as the report prints it.

use crate::chart::Lang;

/// The words that open a part of a reference, and their key in `[reference]`.
const WORDS: [(&str, &str); 6] = [
    ("par. ", "paragraph"),
    ("Paragraphes ", "paragraphs_word"),
    ("Paragraphe ", "paragraph_word"),
    ("Articles ", "articles"),
    ("Article ", "article"),
    ("sect. ", "section"),
];

/// `reference` (as the document model prints it, in French) in `lang`.
pub fn reference(reference: &str, lang: Lang) -> String {
    if lang == Lang::Fr {
        return reference.to_string();
    }
    let t = lang.text();
    let parts: Vec<String> = reference
        .split(", ")
        .map(|part| {
            WORDS
                .iter()
                .find_map(|(word, key)| {
                    let number = part.strip_prefix(word)?;
                    let number = number.replace(" et ", t.text("reference", "and"));
                    Some(t.fill("reference", key, &[("n", &number)]))
                })
                .unwrap_or_else(|| part.to_string())
        })
        .collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_said_in_the_readers_language() {
        assert_eq!(reference("par. 81", Lang::En), "para. 81");
        assert_eq!(
            reference("Paragraphes 30 et 31, 2", Lang::En),
            "Paragraphs 30 and 31, 2"
        );
        assert_eq!(reference("Article 16, 13", Lang::Ru), "Статья 16, 13");
        assert_eq!(reference("Article 16, 13", Lang::Kk), "16-бап, 13");
        assert_eq!(reference("par. 81", Lang::Fr), "par. 81");
        // A heading quoted from the report stays as printed.
        assert_eq!(reference("1. a)", Lang::En), "1. a)");
    }
}
