//! The shapes of the lines that structure a report: paragraph numbers, question
//! labels, headings, list items, and the two ways a report's lines can be laid out.
//!
//! Everything here looks at one line at a time and knows nothing of a particular
//! report; deciding whether a shape really is a label (does the number follow the
//! previous one?) is the assembler's job.

use super::clean::{is_blank, is_space, more_chars_than, trim};

/// How the lines of a report relate to its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Layout {
    /// Extracted from a PDF: paragraphs hard-wrapped over several lines (often with
    /// blank lines between them), page headers and footers among them.
    Wrapped,
    /// Extracted from a word-processor file: each line holds a whole paragraph, a
    /// heading, a label or a list item.
    LinePerParagraph,
}

impl Layout {
    /// Guesses the layout from the lines' lengths: a hard-wrapped report has almost no
    /// line longer than a printed line (about 100 characters).
    pub fn detect(text: &str) -> Layout {
        Layout::detect_lines(text.split('\n'))
    }

    /// [`Layout::detect`] for a text already cut into lines.
    pub(crate) fn detect_lines<'a>(all: impl Iterator<Item = &'a str>) -> Layout {
        let (mut lines, mut long) = (0usize, 0usize);
        for line in all {
            let line = trim(line);
            if line.is_empty() {
                continue;
            }
            lines += 1;
            if more_chars_than(line, LONG_LINE) {
                long += 1;
            }
        }
        if long * 10 < lines || lines == 0 {
            Layout::Wrapped
        } else {
            Layout::LinePerParagraph
        }
    }
}

/// A line of a report that is not blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the original file.
    pub number: usize,
    /// The line as printed, without a final carriage return: its indentation counts.
    pub raw: &'a str,
    /// The line trimmed ([`trim`]), computed once: most tests of a line look at it.
    pub body: &'a str,
}

impl<'a> Line<'a> {
    pub(crate) fn new(number: usize, raw: &'a str) -> Self {
        Line {
            number,
            raw,
            body: trim(raw),
        }
    }
}

/// The lines of `text` that are not blank.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !is_blank(l))
        .map(|(number, raw)| Line::new(number, raw))
        .collect()
}

/// A line with more characters than this cannot be a printed line of a PDF page.
const LONG_LINE: usize = 160;

/// Maps the Cyrillic letters that look like Latin ones (as typed by mistake in a
/// label such as `2. с)`) to their Latin twins.
pub(crate) fn latin_twin(c: char) -> char {
    match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'х' => 'x',
        'у' => 'y',
        other => other,
    }
}

/// Number of leading blank columns (a tab counts as two).
pub(crate) fn indent(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            '\t' => n += 2,
            c if is_space(c) => n += 1,
            _ => break,
        }
    }
    n
}

fn strip_indent(line: &str) -> &str {
    line.trim_start_matches(is_space)
}

/// Parses a run of 1..=max ASCII digits at the start of `s`: (value, rest).
fn leading_number(s: &str, max: usize) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > max {
        return None;
    }
    let value = s.get(..digits)?.parse().ok()?;
    Some((value, s.get(digits..)?))
}

/// A numbered paragraph's label at the start of a line, `81. Le …` or `1.<TAB>Depuis`:
/// the number and the byte offset in `line` where the paragraph's text starts.
pub(crate) fn numbered_label(line: &str) -> Option<(u32, usize)> {
    let body = strip_indent(line);
    let (number, rest) = leading_number(body, 4)?;
    let rest = rest.strip_prefix('.')?;
    let text = rest.trim_start_matches(is_space);
    if text.len() == rest.len() || text.is_empty() {
        return None; // no space after the dot, or nothing after it
    }
    Some((number, line.len() - text.len()))
}

/// A question label standing alone on its line, as in a reply to a list of issues:
/// `1. a)`, `3 b)`, `9. i), j)`, `17`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuestionLabel {
    pub number: u32,
    /// The letters, Latin (a Cyrillic look-alike is mapped to its Latin twin).
    pub letters: Vec<char>,
    /// The label as printed, white space collapsed, look-alikes mapped.
    pub printed: String,
}

pub(crate) fn question_label(line: &str) -> Option<QuestionLabel> {
    let body = trim(line);
    let (number, mut rest) = leading_number(body, 3)?;
    rest = rest.strip_prefix('.').unwrap_or(rest);
    let mut letters = Vec::new();
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if !letters.is_empty() {
            rest = rest.strip_prefix(',')?.trim_start_matches(is_space);
        }
        let mut chars = rest.chars();
        let letter = latin_twin(chars.next()?);
        if !letter.is_ascii_lowercase() || chars.next()? != ')' {
            return None;
        }
        letters.push(letter);
        rest = chars.as_str();
    }
    let mut printed = String::with_capacity(body.len());
    for word in body.split(is_space).filter(|w| !w.is_empty()) {
        if !printed.is_empty() {
            printed.push(' ');
        }
        printed.extend(word.chars().map(latin_twin));
    }
    Some(QuestionLabel {
        number,
        letters,
        printed,
    })
}

/// A lone letter label on its own line, `a)`: a sub-heading.
pub(crate) fn letter_heading(line: &str) -> bool {
    let mut chars = trim(line).chars();
    matches!(
        (chars.next().map(latin_twin), chars.next(), chars.next()),
        (Some(c), Some(')'), None) if c.is_ascii_lowercase()
    )
}

/// The value of a roman numeral (I to about CL), or None.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    // Only the canonical spelling counts: "IIII" or "VX" is not a numeral.
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// A heading numbered with a roman numeral or a capital letter, `II. Renseignements`
/// or `<TAB>A.<TAB>Cadre constitutionnel`: its designator (`II`, `A`).
pub(crate) fn designated_heading(line: &str) -> Option<&str> {
    let body = strip_indent(line);
    let len = body.bytes().take_while(u8::is_ascii_uppercase).count();
    if len == 0 || len > 8 {
        return None;
    }
    let designator = body.get(..len)?;
    let rest = body.get(len..)?.strip_prefix('.')?;
    let title = rest.trim_start_matches(is_space);
    if title.len() == rest.len() {
        return None;
    }
    // "J. J. Sagatov" is a name, not a heading.
    let mut title_chars = title.chars();
    let first = title_chars.next()?;
    if !first.is_uppercase() || (first.is_ascii_uppercase() && title_chars.next() == Some('.')) {
        return None;
    }
    if len > 1 && roman_value(designator).is_none() {
        return None;
    }
    Some(designator)
}

/// A list item's marker at the start of a line: `a)`, `1)`, `•`, `-`, `−`, `–`.
pub(crate) fn list_item(line: &str) -> bool {
    let body = strip_indent(line);
    let mut chars = body.chars();
    match chars.next() {
        Some('•' | '▪' | '◦' | '−' | '–' | '-') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = body.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(')') && rest.len() + 4 > body.len()
        }
        Some(c) => latin_twin(c).is_ascii_lowercase() && chars.next() == Some(')'),
        None => false,
    }
}

/// True when the line's text ends a sentence (., !, ?, :, ;, …), closing quotes
/// and brackets aside.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let body = trim(line);
    let mut rev = body.chars().rev().filter(|c| !is_space(*c));
    loop {
        match rev.next() {
            Some('.' | '!' | '?' | ':' | ';' | '…') => return true,
            Some('»' | '”' | '"' | ')' | ']' | '’' | '*') => continue,
            _ => return false,
        }
    }
}

/// True when the line ends with punctuation a heading does not end with.
pub(crate) fn ends_with_punctuation(line: &str) -> bool {
    matches!(
        trim(line).chars().next_back(),
        Some('.' | ',' | ';' | ':' | '!' | '?' | '…')
    )
}

/// True when the line's first visible character is a lowercase letter (a wrapped
/// continuation: "de la Convention", "culturels, ainsi que").
pub(crate) fn starts_lowercase(line: &str) -> bool {
    trim(line).chars().next().is_some_and(char::is_lowercase)
}

/// True when the line's first visible character is an uppercase letter.
pub(crate) fn starts_uppercase(line: &str) -> bool {
    trim(line).chars().next().is_some_and(char::is_uppercase)
}

/// Headings that subdivide the heading above them even when they come straight after
/// it: `Alinéa c` under `Paragraphe 21`, `Recommandations 125.42 à 125.47` under
/// `Droit à la vie`.
pub(crate) fn is_subheading_title(title: &str) -> bool {
    ["Alinéa", "Recommandation"]
        .iter()
        .any(|word| title.starts_with(word))
}

/// A heading that carries no number: short, starts with a capital, no final
/// punctuation; in a wrapped report it is also indented by two columns or more.
pub(crate) fn plain_heading(line: &str, layout: Layout) -> bool {
    let body = trim(line);
    if !starts_uppercase(body) || ends_with_punctuation(body) || list_item(body) {
        return false;
    }
    let chars = body.chars().count();
    match layout {
        Layout::Wrapped => indent(line) >= 2 && chars <= 150,
        Layout::LinePerParagraph => chars <= 200 && (indent(line) >= 1 || chars <= 80),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_labels_need_a_dot_and_a_space() {
        assert_eq!(numbered_label("81. Le Kazakhstan"), Some((81, 4)));
        assert_eq!(numbered_label(" 40. En 2019"), Some((40, 5)));
        assert_eq!(numbered_label("1.\tDepuis"), Some((1, 3)));
        assert_eq!(numbered_label("125.49 à 125.55"), None);
        assert_eq!(numbered_label("14 000 familles"), None);
        assert_eq!(numbered_label("12345. Trop long"), None);
        assert_eq!(numbered_label("3."), None);
    }

    #[test]
    fn question_labels_stand_alone_and_map_cyrillic_letters() -> Result<(), String> {
        let q = question_label("\t\t2. с)").ok_or("2. с) is a label")?;
        assert_eq!(
            (q.number, q.letters.as_slice(), q.printed.as_str()),
            (2, &['c'][..], "2. c)")
        );
        let q = question_label("\t\t9. i), j)").ok_or("9. i), j) is a label")?;
        assert_eq!(q.letters, vec!['i', 'j']);
        let q = question_label("\t\t3 b) ").ok_or("3 b) is a label")?;
        assert_eq!(q.printed, "3 b)");
        let q = question_label("\t\t17 ").ok_or("17 is a label")?;
        assert!(q.letters.is_empty());
        assert_eq!(question_label("1. a) participer"), None);
        assert_eq!(question_label("1. Le rapport"), None);
        Ok(())
    }

    #[test]
    fn roman_numerals_are_read_only_in_their_canonical_spelling() {
        assert_eq!(roman_value("XIII"), Some(13));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
        assert_eq!(roman_value("GE"), None);
    }

    #[test]
    fn designated_headings_are_roman_or_a_letter_then_a_capitalised_title() {
        assert_eq!(designated_heading(" II. Renseignements"), Some("II"));
        assert_eq!(designated_heading("\tA.\tCadre constitutionnel"), Some("A"));
        assert_eq!(designated_heading("\tI. \tIntroduction"), Some("I"));
        assert_eq!(designated_heading("J. J. Sagatov a été"), None);
        assert_eq!(designated_heading("ONU. Le"), None);
        assert_eq!(designated_heading("II. en outre"), None);
    }

    #[test]
    fn list_items_and_letter_headings() {
        assert!(list_item(" a) participer de bonne foi"));
        assert!(list_item("1)\tL’Accord"));
        assert!(!list_item("2018. Les"));
        assert!(letter_heading("\t\ta)"));
        assert!(!letter_heading("\t\ta) texte"));
    }

    #[test]
    fn sentence_ends_look_through_closing_quotes() {
        assert!(ends_sentence("« Plateforme »."));
        assert!(ends_sentence("(voir annexe).  "));
        assert!(ends_sentence("à savoir : "));
        assert!(!ends_sentence("élections des"));
        assert!(!ends_sentence("(ONG)"));
    }

    #[test]
    fn plain_headings_depend_on_the_layout() {
        assert!(plain_heading("  Droit à la vie ", Layout::Wrapped));
        assert!(!plain_heading(" La Mission permanente de", Layout::Wrapped));
        assert!(!plain_heading("  g) lutter contre", Layout::Wrapped));
        assert!(plain_heading("\t\tArticle 2", Layout::LinePerParagraph));
        assert!(plain_heading("Alinéa d", Layout::LinePerParagraph));
        assert!(!plain_heading(
            "Le renforcement des institutions ;",
            Layout::LinePerParagraph
        ));
    }

    #[test]
    fn layout_is_detected_from_line_lengths() {
        let wrapped = "1. Un texte coupé\n\nà la largeur de la page.\n";
        assert_eq!(Layout::detect(wrapped), Layout::Wrapped);
        let long = "x".repeat(300);
        let per_line = format!("1.\t{long}\n2.\t{long}\n\tA.\tTitre\n");
        assert_eq!(Layout::detect(&per_line), Layout::LinePerParagraph);
    }
}
