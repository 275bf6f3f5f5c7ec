//! Page furniture: the lines that belong to the page, not to the text — running
//! headers and footers, page numbers, bar codes, footnotes, link targets.
//!
//! Recognised by shape (a UN document symbol alone on a line, a job number such as
//! `GE.19-17926` or `21-08000` with page numbers around it, `*2108000*`), by
//! position (a bare number next to a header), or by repetition (a short line that
//! recurs on many pages), never by a list of one report's strings.

use super::clean::{is_space, trim};
use super::layout::{ends_sentence, numbered_label, starts_lowercase, Layout, Line};
use serde::Serialize;
use std::collections::HashMap;

/// What a furniture line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// Running header: the document symbol, maybe with a page number (`A/HRC/WG.6/34/KAZ/1`).
    RunningHeader,
    /// Running footer: the job number, maybe with page numbers (`6 GE.19-17926`, `5/6 21-08000`).
    RunningFooter,
    /// A page number alone on its line, next to a header or footer.
    PageNumber,
    /// The bar code of the job number (`*2108000*`).
    Barcode,
    /// The first page's masthead: an organisation and the symbol (`Nations Unies  A/76/86`).
    Masthead,
    /// A short line repeated on many pages.
    Repeated,
    /// The rule above the footnotes (`__________`).
    FootnoteRule,
    /// A footnote (`* A/76/50.`).
    Footnote,
    /// A link target printed alone on its line (`https://undocs.org/fr/A/76/50`).
    Url,
}

/// A page-number token: `23` or `5/6`.
fn is_page_token(token: &str) -> bool {
    // At most `123/456`: most lines are told at once by their length.
    if token.len() > 7 {
        return false;
    }
    let mut parts = token.split('/');
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    match (parts.next(), parts.next(), parts.next()) {
        (a, None, None) => ok(a),
        (a, b @ Some(_), None) => ok(a) && ok(b),
        _ => false,
    }
}

/// A UN document symbol: capitals, then slash-separated parts, one digit at least
/// (`A/76/86`, `CEDAW/C/KAZ/RQ/6`, `A/HRC/WG.6/34/KAZ/1`).
pub(crate) fn is_document_symbol(token: &str) -> bool {
    let mut parts = token.split('/');
    let Some(organ) = parts.next() else {
        return false;
    };
    // The organ first: most words are told by their first letter.
    if !(1..=8).contains(&organ.len()) || !organ.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut count = 0;
    let parts_ok = parts.all(|p| {
        count += 1;
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'(' | b')'))
    });
    parts_ok && count >= 1 && token.len() <= 48 && token.bytes().any(|b| b.is_ascii_digit())
}

/// A UN job number: `GE.19-17926` or `21-08000`.
fn is_job_number(token: &str) -> bool {
    let digits = token.strip_prefix("GE.").unwrap_or(token);
    let mut parts = digits.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(serial), None) => {
            year.len() == 2
                && (4..=6).contains(&serial.len())
                && year
                    .bytes()
                    .chain(serial.bytes())
                    .all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// `(F)`: the language code after a job number.
fn is_language_code(token: &str) -> bool {
    token
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|t| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase()))
}

/// `290621`: a date stamp on the first page's job line.
fn is_date_stamp(token: &str) -> bool {
    token.len() == 6 && token.bytes().all(|b| b.is_ascii_digit())
}

/// The furniture a line is by its shape alone, if any.
pub(crate) fn shape(line: &str) -> Option<FurnitureKind> {
    let body = trim(line);
    if body.is_empty() {
        return None;
    }
    if body.len() >= 5 && body.chars().all(|c| matches!(c, '_' | '─' | '—')) {
        return Some(FurnitureKind::FootnoteRule);
    }
    if (body.starts_with("http://") || body.starts_with("https://") || body.starts_with("www."))
        && !body.contains(is_space)
    {
        return Some(FurnitureKind::Url);
    }
    if let Some(digits) = body.strip_prefix('*').and_then(|b| b.strip_suffix('*')) {
        if (5..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(FurnitureKind::Barcode);
        }
    }
    // Headers, footers and mastheads are short lines.
    if body.len() > 120 {
        return (footnote_marker(body) == Some('*')).then_some(FurnitureKind::Footnote);
    }
    if let Some(kind) = running(body) {
        return Some(kind);
    }
    if let Some(kind) = masthead(body) {
        return Some(kind);
    }
    if super::cover::is_cover_line(body) {
        return Some(FurnitureKind::Masthead);
    }
    if footnote_marker(body) == Some('*') {
        return Some(FurnitureKind::Footnote);
    }
    None
}

/// A running header or footer: a document symbol, or a job number, with page numbers.
fn running(body: &str) -> Option<FurnitureKind> {
    // Made of symbols and numbers, they have no lowercase letter before the first
    // slash (most lines are told by their first word), and six words at most: read
    // up to seven, without allocating.
    if body
        .bytes()
        .take_while(|b| *b != b'/')
        .any(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let mut words = [""; 7];
    let mut count = 0;
    for (slot, word) in words
        .iter_mut()
        .zip(body.split(is_space).filter(|t| !t.is_empty()))
    {
        *slot = word;
        count += 1;
    }
    let tokens = words.get(..count).filter(|t| t.len() <= 6)?;
    let symbols = tokens.iter().filter(|t| is_document_symbol(t)).count();
    let jobs = tokens.iter().filter(|t| is_job_number(t)).count();
    let pages = tokens.iter().filter(|t| is_page_token(t)).count();
    let others = tokens
        .iter()
        .filter(|t| is_language_code(t) || is_date_stamp(t))
        .count();
    if symbols == 1 && jobs == 0 && pages <= 1 && symbols + pages == tokens.len() {
        Some(FurnitureKind::RunningHeader)
    } else if jobs == 1 && symbols == 0 && pages <= 2 && jobs + pages + others == tokens.len() {
        Some(FurnitureKind::RunningFooter)
    } else {
        None
    }
}

/// `Nations Unies  A/76/86`: a short name, a wide gap, the symbol.
fn masthead(body: &str) -> Option<FurnitureKind> {
    // The symbol ends the line: most lines are told by their last word.
    if !body
        .rsplit(is_space)
        .next()
        .map(trim)
        .is_some_and(is_document_symbol)
    {
        return None;
    }
    let gap = body.find("  ")?;
    let (name, symbol) = (body.get(..gap)?, trim(body.get(gap..)?));
    (name.chars().count() <= 40
        && name.chars().next().is_some_and(char::is_uppercase)
        && is_document_symbol(symbol))
    .then_some(FurnitureKind::Masthead)
}

/// The marker a footnote line starts with: `*` (then a space) or a number (then a
/// space and a capital or a symbol).
fn footnote_marker(body: &str) -> Option<char> {
    let stars = body.bytes().take_while(|b| *b == b'*').count();
    if (1..=3).contains(&stars) {
        let rest = body.get(stars..)?;
        let text = rest.trim_start_matches(is_space);
        return (text.len() < rest.len() && !text.is_empty()).then_some('*');
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = body.get(digits..)?;
        let text = rest.trim_start_matches(is_space);
        if text.len() < rest.len() && text.chars().next().is_some_and(char::is_uppercase) {
            return Some('1');
        }
    }
    None
}

/// Classifies the non-blank lines of a report: `Some(kind)` for furniture, `None` for
/// the text of the report.
pub(crate) fn classify(lines: &[Line], layout: Layout) -> Vec<Option<FurnitureKind>> {
    let mut kinds: Vec<Option<FurnitureKind>> = lines.iter().map(|l| shape(l.body)).collect();
    if layout == Layout::Wrapped {
        mark_repeated(lines, &mut kinds);
        mark_page_numbers(lines, &mut kinds);
    }
    mark_footnotes(lines, &mut kinds);
    kinds
}

/// Short lines that recur on at least three pages: running titles.
fn mark_repeated(lines: &[Line], kinds: &mut [Option<FurnitureKind>]) {
    let candidate = |line: &str| {
        let body = trim(line);
        (3..=60).contains(&body.len())
            && !ends_sentence(body)
            && !starts_lowercase(body)
            && numbered_label(body).is_none()
            && !body.bytes().all(|b| b.is_ascii_digit() || b == b' ')
    };
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (line, kind) in lines.iter().zip(kinds.iter()) {
        if kind.is_none() && candidate(line.body) {
            *counts.entry(line.body).or_default() += 1;
        }
    }
    // Only candidates were counted: the others (most lines, too long) are not hashed.
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        if kind.is_none() && candidate(line.body) && counts.get(line.body).is_some_and(|n| *n >= 3)
        {
            *kind = Some(FurnitureKind::Repeated);
        }
    }
}

/// A bare page number within three lines of a running header or footer.
fn mark_page_numbers(lines: &[Line], kinds: &mut [Option<FurnitureKind>]) {
    let is_running = |k: &Option<FurnitureKind>| {
        matches!(
            k,
            Some(
                FurnitureKind::RunningHeader
                    | FurnitureKind::RunningFooter
                    | FurnitureKind::Barcode
            )
        )
    };
    for i in 0..lines.len() {
        let Some(line) = lines.get(i) else {
            continue;
        };
        if kinds.get(i).is_some_and(Option::is_some) || !is_page_token(line.body) {
            continue;
        }
        let near = kinds
            .get(i.saturating_sub(3)..(i + 4).min(kinds.len()))
            .is_some_and(|window| window.iter().any(is_running));
        if near {
            if let Some(k) = kinds.get_mut(i) {
                *k = Some(FurnitureKind::PageNumber);
            }
        }
    }
}

/// After a footnote rule, the lines that start with a footnote marker, and the
/// lowercase continuations of an unfinished footnote, are footnotes.
fn mark_footnotes(lines: &[Line], kinds: &mut [Option<FurnitureKind>]) {
    let mut in_notes = false;
    let mut unfinished = false;
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        let body = line.body;
        match kind {
            Some(FurnitureKind::FootnoteRule) => {
                in_notes = true;
                unfinished = false;
            }
            Some(FurnitureKind::Footnote) => unfinished = !ends_sentence(body),
            Some(FurnitureKind::Url) => {}
            Some(_) => in_notes = false,
            None if in_notes => {
                if footnote_marker(body).is_some() || (unfinished && starts_lowercase(body)) {
                    *kind = Some(FurnitureKind::Footnote);
                    unfinished = !ends_sentence(body);
                } else {
                    in_notes = false;
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FurnitureKind::*;

    fn classify_pairs(lines: &[(usize, &str)], layout: Layout) -> Vec<Option<FurnitureKind>> {
        let lines: Vec<Line> = lines.iter().map(|&(n, raw)| Line::new(n, raw)).collect();
        classify(&lines, layout)
    }

    #[test]
    fn running_headers_and_footers_are_known_by_their_shape() {
        assert_eq!(shape("A/HRC/WG.6/34/KAZ/1 "), Some(RunningHeader));
        assert_eq!(shape("A/76/86 "), Some(RunningHeader));
        assert_eq!(shape("2/6 CEDAW/C/KAZ/RQ/6"), Some(RunningHeader));
        assert_eq!(shape("6 GE.19-17926 "), Some(RunningFooter));
        assert_eq!(shape("GE.19-17926 23"), Some(RunningFooter));
        assert_eq!(shape("5/6 21-08000 "), Some(RunningFooter));
        assert_eq!(
            shape("21-08000 (F)    290621    300621 "),
            Some(RunningFooter)
        );
        assert_eq!(shape("*2108000*  "), Some(Barcode));
        assert_eq!(shape(" Nations Unies  A/76/86 "), Some(Masthead));
        assert_eq!(shape("Nations Unies  \u{200b}A/76/86"), Some(Masthead));
        assert_eq!(shape("A/76/Add.1 3"), Some(RunningHeader));
        assert_eq!(shape("3/4 A/HRC/WG.6/34/KAZ/1"), Some(RunningHeader));
    }

    #[test]
    fn text_lines_are_not_furniture() {
        assert_eq!(
            shape("pour la période 2019-2023 sont en cours d’exécution."),
            None
        );
        assert_eq!(shape("2013 à 2015."), None);
        assert_eq!(shape("ET/OU"), None);
        assert_eq!(shape("14 000 familles, cela représente"), None);
        assert_eq!(shape("(CERD/C/KAZ/CO/8-10, par. 54)."), None);
    }

    #[test]
    fn urls_rules_and_footnotes() {
        assert_eq!(shape("https://undocs.org/fr/A/76/50"), Some(Url));
        assert_eq!(shape("__________________ "), Some(FootnoteRule));
        assert_eq!(shape(" * A/76/50. "), Some(Footnote));
        assert_eq!(
            shape("\t*\tLa version originale n’a pas été revue."),
            Some(Footnote)
        );
        assert_eq!(shape("*2108000*"), Some(Barcode));
    }

    #[test]
    fn numbered_footnotes_follow_a_rule() {
        let lines = [
            (1, "texte du paragraphe."),
            (2, "__________"),
            (3, "1 Voir le rapport du Comité sur"),
            (4, "sa session."),
            (5, "2 Ibid."),
            (6, "suite du texte"),
        ];
        let kinds = classify_pairs(&lines, Layout::Wrapped);
        assert_eq!(
            kinds,
            vec![
                None,
                Some(FootnoteRule),
                Some(Footnote),
                Some(Footnote),
                Some(Footnote),
                None
            ]
        );
    }

    #[test]
    fn a_bare_number_is_a_page_number_only_next_to_a_header() {
        let lines = [
            (1, "texte"),
            (2, "7"),
            (3, "A/76/86"),
            (4, "suite"),
            (5, "a"),
            (6, "b"),
            (7, "c"),
            (8, "12"),
        ];
        let kinds = classify_pairs(&lines, Layout::Wrapped);
        assert_eq!(kinds.get(1), Some(&Some(PageNumber)));
        assert_eq!(kinds.get(7), Some(&None));
    }

    #[test]
    fn a_short_line_on_three_pages_is_a_running_title() {
        let lines = [
            (1, "Rapport national"),
            (2, "texte."),
            (3, "Rapport national"),
            (4, "texte."),
            (5, "Rapport national"),
        ];
        let kinds = classify_pairs(&lines, Layout::Wrapped);
        assert_eq!(
            kinds,
            vec![Some(Repeated), None, Some(Repeated), None, Some(Repeated)]
        );
        assert_eq!(
            classify_pairs(&lines, Layout::LinePerParagraph),
            vec![None; 5]
        );
    }
}
