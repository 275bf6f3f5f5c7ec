//! The language a text is written in, guessed among the four the page speaks
//! (French, English, Russian, Kazakh), so that a report a reader brings is marked
//! with its own `lang` (screen readers pick their voice from it, browsers their
//! hyphenation and spelling) rather than claimed French.
//!
//! The method: the commonest function words of a language (articles,
//! prepositions, conjunctions) make up a large share of any running text in it and
//! almost none of a text in another, so each word of a sample is counted for the
//! language whose short list holds it. Kazakh and Russian share an alphabet, but
//! Kazakh writes nine letters Russian never does (ә ғ қ ң ө ұ ү һ і): a Cyrillic
//! word holding one counts for Kazakh.
//!
//! Invariant: says `None` (unknown) rather than guess: too few words, too few of
//! them telling, or no language well ahead of the others (a mixed text). Reads at
//! most [`SAMPLE_WORDS`] words, so time is bounded whatever the text's length;
//! never panics on any `&str`.

use crate::i18n::Lang;

/// Words read at most: a report's language shows in its first pages.
pub const SAMPLE_WORDS: usize = 5_000;
/// Fewer words than this cannot tell a language from chance.
pub const MIN_WORDS: usize = 12;
/// A language must hold at least this share of the words read (function words
/// are a third or more of French, English or Russian prose, and Kazakh-lettered
/// words a good share of Kazakh), and a few words at least.
const MIN_SHARE: f64 = 0.15;
const MIN_TELLING: usize = 4;
/// And be this many times ahead of the next: a text half in one language and
/// half in another is mixed, not either.
const LEAD: usize = 3;

/// French function words (none of them an English, Russian or Kazakh word;
/// "a", "on" and "en" are left out as English words too or other parts of speech).
const FRENCH: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "dans", "pour", "par", "sur",
    "au", "aux", "qui", "que", "ne", "pas", "sont", "avec", "ce", "cette", "ces", "il", "elle",
    "ont", "été", "sa", "ses", "leur", "leurs", "plus", "d", "l", "qu", "entre", "selon", "à",
];

/// English function words.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "is", "are", "was", "were", "for", "with", "by", "in", "that",
    "this", "these", "which", "from", "be", "been", "has", "have", "it", "its", "not", "an", "or",
    "at", "their", "they", "under", "between", "within",
];

/// Russian function words ("да", Kazakh too, left out).
#[rustfmt::skip] // Cyrillic words one a line would fill a page.
const RUSSIAN: &[&str] = &[
    "и", "в", "во", "не", "на", "с", "со", "что", "по", "для", "о", "об", "из", "к", "от",
    "это", "как", "а", "также", "при", "или", "до", "за", "их", "его", "ее", "её",
    "которые", "который", "которая", "был", "была", "были", "году", "года", "том",
    "числе", "но", "которых",
];

/// Kazakh function words written without the letters only Kazakh uses.
#[rustfmt::skip] // Cyrillic words one a line would fill a page.
const KAZAKH: &[&str] = &[
    "мен", "бен", "пен", "және", "осы", "ол", "олар", "бар", "жоқ", "емес", "арқылы",
    "жылы", "болып", "тиіс", "сәйкес", "кезінде", "барлық", "бойынша", "туралы", "үшін",
    "сондай", "бір",
];

/// Letters Kazakh writes and Russian does not, both cases.
const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

fn kazakh_letter(c: char) -> bool {
    KAZAKH_LETTERS.contains(c)
}

/// The language `text` is written in, or `None` when it cannot be told.
pub fn guess(text: &str) -> Option<Lang> {
    // Words per language, in Lang::ALL's order.
    let mut counts = [0usize; 4];
    let mut words = 0usize;
    let mut lower = String::new();
    // Apostrophes split words ("l'homme": "l", "homme"), as do hyphens and digits.
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
    {
        words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let w = lower.as_str();
        let lang = if word.chars().any(kazakh_letter) || KAZAKH.contains(&w) {
            Some(Lang::Kk)
        } else if RUSSIAN.contains(&w) {
            Some(Lang::Ru)
        } else if FRENCH.contains(&w) {
            Some(Lang::Fr)
        } else if ENGLISH.contains(&w) {
            Some(Lang::En)
        } else {
            None
        };
        if let Some(i) = lang.and_then(|l| Lang::ALL.iter().position(|&a| a == l)) {
            counts[i] += 1;
        }
    }
    if words < MIN_WORDS {
        return None;
    }
    let (best, &top) = counts.iter().enumerate().max_by_key(|(_, &n)| n)?;
    let next = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    let telling = top >= MIN_TELLING && top as f64 >= MIN_SHARE * words as f64;
    (telling && top >= LEAD * next)
        .then(|| Lang::ALL.get(best).copied())
        .flatten()
}

/// The BCP 47 code of a guess, for a `lang` attribute: empty when unknown (HTML's
/// "language unknown", rather than claiming one).
pub fn code(guess: Option<Lang>) -> &'static str {
    guess.map(Lang::code).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Le Comité a pris note des mesures adoptées par l'État partie pour \
        lutter contre la violence à l'égard des femmes, mais il reste préoccupé par le \
        nombre de cas signalés dans les régions rurales.";
    const EN: &str = "The Committee took note of the measures adopted by the State party \
        to combat violence against women, but it remains concerned at the number of \
        cases reported in the rural regions.";
    const RU: &str = "Комитет принял к сведению меры, принятые государством-участником для \
        борьбы с насилием в отношении женщин, но по-прежнему обеспокоен числом случаев, \
        о которых сообщается в сельских районах.";
    const KK: &str = "Комитет қатысушы мемлекет әйелдерге қатысты зорлық-зомбылықпен күресу \
        үшін қабылдаған шараларды назарға алды, бірақ ауылдық аудандарда тіркелген \
        жағдайлар санына алаңдаушылық білдіреді.";

    #[test]
    fn tells_each_language_from_a_sentence() {
        assert_eq!(guess(FR), Some(Lang::Fr));
        assert_eq!(guess(EN), Some(Lang::En));
        assert_eq!(guess(RU), Some(Lang::Ru));
        assert_eq!(guess(KK), Some(Lang::Kk));
    }

    #[test]
    fn codes_are_bcp_47_and_empty_when_unknown() {
        assert_eq!(code(guess(EN)), "en");
        assert_eq!(code(guess(KK)), "kk");
        assert_eq!(code(None), "");
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(guess(""), None);
        // Telling words, but too few words in all to be more than chance.
        assert_eq!(guess("Le Comité et la loi de la mer."), None);
        assert_eq!(guess("The State party and the law of the sea."), None);
    }

    #[test]
    fn mixed_or_wordless_is_unknown() {
        // Half French, half English: neither well ahead.
        assert_eq!(guess(&format!("{FR} {EN}")), None);
        // Russian and Kazakh in equal parts.
        assert_eq!(guess(&format!("{RU} {KK}")), None);
        // Numbers and names only: no function words at all.
        let table = "2019 2020 2021 Almaty Astana Shymkent 1 234 5 678 Karaganda Aktobe \
            Taraz Pavlodar Oskemen Semey";
        assert_eq!(guess(table), None);
    }

    #[test]
    fn a_few_foreign_words_do_not_change_a_language() {
        let quoted = format!("{FR} Le rapport cite « the State party » et « Комитет ». {FR}");
        assert_eq!(guess(&quoted), Some(Lang::Fr));
    }

    #[test]
    fn the_bundled_reports_are_french() {
        let reports = crate::corpus::bundled().unwrap_or_default();
        assert_eq!(reports.len(), 5);
        for report in reports {
            assert_eq!(guess(report.text), Some(Lang::Fr), "{}", report.meta.file);
        }
    }

    #[test]
    fn reads_a_bounded_sample() {
        // An English text after a long French one is judged on the French.
        let long = format!("{} {EN}", FR.repeat(SAMPLE_WORDS / 20));
        assert_eq!(guess(&long), Some(Lang::Fr));
    }
}
