//! The year a report speaks from, read from its cover and its introduction: the
//! date it was received (`[Date de réception : 25 septembre 2025]`), the date it
//! was distributed (`Distr. générale` then `27 octobre 2025`), the period it
//! covers (`Le rapport couvre la période 2022-2025`), or the date of a note
//! (`Note verbale datée du 14 juin 2021`).
//!
//! Invariant: reads only the head of the text (the first [`HEAD_BYTES`] bytes, so
//! time is bounded whatever the length), never panics, and knows no report: the
//! rules are the shapes UN documents print on their first page.

use super::clean::trim;
use serde::Serialize;

/// Only the head of a report holds its cover and its introduction.
pub const HEAD_BYTES: usize = 24_000;

/// Where a reference year was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverSource {
    /// The period the report says it covers: its last year.
    PeriodCovered,
    /// `[Date de réception : …]`.
    Received,
    /// `Distr. générale` with its date.
    Distributed,
    /// A letter's or note's own date: `datée du 14 juin 2021`.
    Dated,
}

impl CoverSource {
    /// How a reader is told where the year came from ("the date of receipt"), in
    /// `lang`: the page's own words for it, from the string tables.
    pub fn describe(self, lang: crate::i18n::Lang) -> &'static str {
        let key = match self {
            CoverSource::PeriodCovered => "cover_period_covered",
            CoverSource::Received => "cover_received",
            CoverSource::Distributed => "cover_distributed",
            CoverSource::Dated => "cover_dated",
        };
        lang.text().text("page", key)
    }
}

/// A year read from a report's head, with the words that state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverDate {
    pub year: i32,
    pub source: CoverSource,
    /// 1-based line of the original text where the statement starts.
    pub line: usize,
    /// The words read, as printed (lines joined by a space).
    pub text: String,
}

/// The French month names, January first (extraction reads them too).
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The non-blank lines of the head joined by single spaces, lowercased
/// byte-for-byte (a character whose lowercase is longer is kept), with the offset
/// where each line starts.
struct Head {
    original: String,
    lower: String,
    starts: Vec<(usize, usize)>,
}

impl Head {
    fn read(text: &str) -> Head {
        let mut original = String::new();
        let mut starts = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            if original.len() >= HEAD_BYTES {
                break;
            }
            let body = trim(line);
            if body.is_empty() {
                continue;
            }
            if !original.is_empty() {
                original.push(' ');
            }
            starts.push((original.len(), i + 1));
            original.push_str(body);
        }
        let lower = original
            .chars()
            .map(|c| {
                let mut low = c.to_lowercase();
                match (low.next(), low.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            })
            .collect();
        Head {
            original,
            lower,
            starts,
        }
    }

    /// The 1-based line of the byte at `offset`.
    fn line_of(&self, offset: usize) -> usize {
        let i = self
            .starts
            .partition_point(|&(start, _)| start <= offset)
            .saturating_sub(1);
        self.starts.get(i).map_or(1, |&(_, line)| line)
    }

    fn found(&self, start: usize, end: usize, year: i32, source: CoverSource) -> CoverDate {
        CoverDate {
            year,
            source,
            line: self.line_of(start),
            text: self.original.get(start..end).unwrap_or("").to_string(),
        }
    }
}

/// The four-digit years (1900–2099) in `s`, with their byte ranges, that stand
/// alone (not inside a longer run of digits).
fn years(s: &str) -> impl Iterator<Item = (usize, usize, i32)> + '_ {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(3)).filter_map(move |i| {
        let run = bytes.get(i..i + 4)?;
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        let after = bytes.get(i + 4);
        let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        if !run.iter().all(u8::is_ascii_digit) || digit(before) || digit(after) {
            return None;
        }
        let year: i32 = std::str::from_utf8(run).ok()?.parse().ok()?;
        (1900..2100).contains(&year).then_some((i, i + 4, year))
    })
}

/// The first `day month year` date (or `month year`) starting within `limit` bytes
/// of `from` in the lowercase head: its year and where it ends.
fn date_after(lower: &str, from: usize, limit: usize) -> Option<(i32, usize)> {
    let window_end = floor_boundary(lower, (from + limit).min(lower.len()));
    let window = lower.get(from..window_end)?;
    let mut months: Vec<(usize, &str)> = MONTHS
        .iter()
        .flat_map(|m| window.match_indices(m))
        .collect();
    months.sort_unstable();
    // `mai` may start a word (`maintien`): the first month followed by a year wins.
    months.into_iter().find_map(|(month_at, month)| {
        let after_month = from + month_at + month.len();
        // The year follows the month after a space: `27 octobre 2025`.
        let rest = lower.get(after_month..)?;
        let gap = rest.len() - rest.trim_start().len();
        let (start, end, year) = years(rest.get(..(gap + 4).min(rest.len()))?).next()?;
        (start == gap && gap > 0).then_some((year, after_month + end))
    })
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every dated statement of the head, in text order.
pub fn cover_dates(text: &str) -> Vec<CoverDate> {
    let head = Head::read(text);
    let lower = head.lower.as_str();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices("date de réception") {
        if let Some((year, end)) = date_after(lower, at, 40) {
            found.push(head.found(at, end, year, CoverSource::Received));
        }
    }
    for (at, _) in lower.match_indices("distr.") {
        // `Distr. générale`, `Distr. : restreinte`, then the date, maybe a line below.
        if let Some((year, end)) = date_after(lower, at, 50) {
            found.push(head.found(at, end, year, CoverSource::Distributed));
        }
    }
    for (at, _) in lower.match_indices("datée du") {
        if let Some((year, end)) = date_after(lower, at, 20) {
            found.push(head.found(at, end, year, CoverSource::Dated));
        }
    }
    found.extend(periods_covered(&head).into_iter().map(|(_, date)| date));
    found.sort_by_key(|d| d.line);
    found
}

/// `Le rapport couvre la période 2022-2025`, `Ce rapport porte sur la période
/// comprise entre 2008 et 2012`: a sentence in which the report (or the present
/// document) covers a period of two years; its first year, and its last as a date.
fn periods_covered(head: &Head) -> Vec<(i32, CoverDate)> {
    const VERBS: [&str; 5] = [
        "couvre",
        "porte sur",
        "concerne",
        "rend compte",
        "portant sur",
    ];
    let lower = head.lower.as_str();
    let mut out = Vec::new();
    let mut sentence_start = 0;
    for (end, _) in lower
        .match_indices(". ")
        .chain(std::iter::once((lower.len(), "")))
    {
        let sentence = lower.get(sentence_start..end).unwrap_or("");
        let base = sentence_start;
        sentence_start = end + 1;
        let Some(period_at) = sentence.find("période") else {
            continue;
        };
        let before = sentence.get(..period_at).unwrap_or("");
        let names_report = before.contains("rapport") || before.contains("présent document");
        if !names_report || !VERBS.iter().any(|v| before.contains(v)) {
            continue;
        }
        // The two years follow closely: `2022-2025`, `comprise entre 2008 et 2012`.
        let after = sentence.get(period_at..).unwrap_or("");
        let close: Vec<_> = years(after)
            .take_while(|(s, _, _)| *s < 60)
            .take(2)
            .collect();
        if let [(_, _, first), (_, last_end, last)] = close.as_slice() {
            if first < last {
                let end = base + period_at + last_end;
                out.push((
                    *first,
                    head.found(
                        base + leading_space(sentence),
                        end,
                        *last,
                        CoverSource::PeriodCovered,
                    ),
                ));
            }
        }
    }
    out
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// A line of a cover's masthead that is not text: `Distr. générale`, `Distr. :
/// restreinte`, `Original : anglais`, or a date alone (`27 octobre 2025`).
pub(crate) fn is_cover_line(body: &str) -> bool {
    // `[Date de réception : 25 septembre 2025]`: a bracketed line ending in a date.
    if let Some(inner) = body.strip_prefix('[').and_then(|b| b.strip_suffix(']')) {
        let words: Vec<&str> = inner.split_whitespace().collect();
        return words.len() <= 8
            && words
                .len()
                .checked_sub(3)
                .and_then(|i| words.get(i..))
                .is_some_and(|date| is_cover_line(&date.join(" ")));
    }
    let words: Vec<&str> = body.split_whitespace().collect();
    let lower = |w: &&str| w.to_lowercase();
    match words.as_slice() {
        [first, rest @ ..] if *first == "Distr." || *first == "Distr.:" => {
            rest.len() <= 2
                && rest
                    .iter()
                    .all(|w| *w == ":" || w.chars().all(char::is_alphabetic))
        }
        [first, colon, language] if first.eq_ignore_ascii_case("original") && *colon == ":" => {
            language.chars().all(char::is_alphabetic)
        }
        [day, month, year] => {
            let day = day.strip_suffix("er").unwrap_or(day);
            (1..=2).contains(&day.len())
                && day.bytes().all(|b| b.is_ascii_digit())
                && MONTHS.contains(&lower(month).as_str())
                && years(year)
                    .next()
                    .is_some_and(|(s, e, _)| s == 0 && e == year.len())
        }
        _ => false,
    }
}

/// The period a report says it covers (`Le rapport couvre la période 2022-2025`):
/// its first and last years, the first such statement of its head. It dates the
/// figures of "au cours de la période considérée".
pub fn period_covered(text: &str) -> Option<(i32, i32)> {
    periods_covered(&Head::read(text))
        .into_iter()
        .next()
        .map(|(first, date)| (first, date.year))
}

/// The year a report speaks from, read from its head, if it states one. The period
/// it covers wins when it ends no later than the report's own date (the figures
/// describe that period); otherwise the date of receipt, then of distribution,
/// then of a note.
pub fn reference_year(text: &str) -> Option<CoverDate> {
    let dates = cover_dates(text);
    let dated = [
        CoverSource::Received,
        CoverSource::Distributed,
        CoverSource::Dated,
    ]
    .iter()
    .find_map(|s| dates.iter().find(|d| d.source == *s));
    let period = dates
        .iter()
        .find(|d| d.source == CoverSource::PeriodCovered)
        .filter(|p| dated.is_none_or(|d| p.year <= d.year));
    period.or(dated).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_of_receipt_gives_the_year() {
        let text = "Comité\n\n[Date de réception : 25 septembre 2025]\n\nTexte.";
        let date = reference_year(text);
        assert_eq!(
            date,
            Some(CoverDate {
                year: 2025,
                source: CoverSource::Received,
                line: 3,
                text: "Date de réception : 25 septembre 2025".to_string(),
            })
        );
    }

    #[test]
    fn the_distribution_date_may_stand_on_a_later_line() {
        let text = " Nations Unies  A/76/86\n\nAssemblée générale\nDistr. générale\n\n27 octobre 2025\n\nFrançais\n";
        let date = reference_year(text);
        assert_eq!(date.as_ref().map(|d| d.year), Some(2025));
        assert_eq!(
            date.as_ref().map(|d| d.source),
            Some(CoverSource::Distributed)
        );
        assert_eq!(date.as_ref().map(|d| d.line), Some(4));
        assert_eq!(
            date.map(|d| d.text),
            Some("Distr. générale 27 octobre 2025".to_string())
        );
    }

    #[test]
    fn the_period_covered_wins_over_a_later_date() {
        let text = "Distr. générale\n3 mars 2014\n\n1. Ce rapport porte sur la période comprise entre 2008 et 2012. Il a été établi.";
        let date = reference_year(text);
        assert_eq!(date.as_ref().map(|d| d.year), Some(2012));
        assert_eq!(
            date.as_ref().map(|d| d.source),
            Some(CoverSource::PeriodCovered)
        );
        assert_eq!(
            date.map(|d| d.text),
            Some("Ce rapport porte sur la période comprise entre 2008 et 2012".to_string())
        );
        let text = "3. Le rapport couvre la période 2022-2025 et reflète les mesures.";
        assert_eq!(reference_year(text).map(|d| d.year), Some(2025));
        assert_eq!(period_covered(text), Some((2022, 2025)));
    }

    #[test]
    fn no_period_is_read_where_the_report_states_none() {
        assert_eq!(
            period_covered("Distr. générale\n3 mars 2014\n\n1. Il a été établi."),
            None
        );
        // A plan's period is not the report's.
        let text = "1. Le plan d'action pour la période 2016-2020 a été adopté.";
        assert_eq!(period_covered(text), None);
    }

    #[test]
    fn a_plan_for_a_period_is_not_the_period_covered() {
        let text = "Le plan d’action pour la période 2023-2027 a été approuvé. Le programme pour la période 2010-2012 aussi.";
        assert_eq!(reference_year(text), None);
        // Nor a date that is not on the cover's shapes.
        assert_eq!(
            reference_year("La loi du 5 juillet 2024 a été adoptée."),
            None
        );
    }

    #[test]
    fn a_note_gives_its_date_and_no_date_gives_none() {
        let text = "Note verbale datée du 14 juin 2021, adressée au Président";
        assert_eq!(
            reference_year(text).map(|d| (d.year, d.source)),
            Some((2021, CoverSource::Dated))
        );
        assert_eq!(reference_year(""), None);
        assert_eq!(reference_year("Distr. générale\n\nsans date"), None);
        // Cut anywhere, a text never makes the reader panic.
        let text =
            "[Date de réception : 25 septembre 2025] Le rapport couvre la période 2022-2025.";
        for (i, _) in text.char_indices() {
            let _ = cover_dates(&text[..i]);
        }
    }

    #[test]
    fn the_bundled_reports_read_as_their_catalogue_says() -> Result<(), crate::corpus::CorpusError>
    {
        let mut read = 0;
        for report in crate::corpus::bundled()? {
            if let Some(date) = reference_year(report.text) {
                assert_eq!(
                    date.year, report.meta.reference_year,
                    "{}: {date:?}",
                    report.meta.file
                );
                read += 1;
            }
        }
        // Four of the five print a cover date or their period; the UPR report neither.
        assert_eq!(read, 4);
        Ok(())
    }

    #[test]
    fn cover_lines_are_known_by_their_shape() {
        assert!(is_cover_line("Distr. générale"));
        assert!(is_cover_line("Distr. : restreinte"));
        assert!(is_cover_line("Original : anglais"));
        assert!(is_cover_line("27 octobre 2025"));
        assert!(is_cover_line("1er juin 2021"));
        assert!(is_cover_line("[Date de réception : 25 septembre 2025]"));
        assert!(!is_cover_line("[voir le paragraphe 12]"));
        assert!(!is_cover_line("27 octobre 2025, la loi a été adoptée."));
        assert!(!is_cover_line("12 centres 2025"));
        assert!(!is_cover_line(
            "Distr. générale des fonds publics aux régions"
        ));
    }

    #[test]
    fn the_first_paragraph_after_a_cover_keeps_its_number() {
        let text = "Comité pour l’élimination de la discrimination\n\n[Date de réception : 20 octobre 2025]\n\n1. En 2022, 1 250 ordonnances.\n\n2. Fin.";
        let doc = crate::document::parse(text);
        let labels: Vec<&str> = doc.paragraphs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["préambule, 1", "1", "2"]);
        assert_eq!(
            doc.paragraphs.get(1).map(|p| p.text.as_str()),
            Some("En 2022, 1 250 ordonnances.")
        );
    }
}
