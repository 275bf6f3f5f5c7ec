//! The reader: walks a report's lines once and puts them together into headings,
//! paragraphs and furniture.
//!
//! Decisions, in the order they are tried on each line of text:
//! 1. a question label alone on its line (`1. a)`) opens an answer paragraph that
//!    takes every following line up to the next label or heading — one paragraph per
//!    label, because the label is what a citation prints (`CEDAW/C/KAZ/RQ/6, 4. a)`);
//!    the answer's own paragraphs are kept apart by `\n` in the text;
//! 2. a paragraph number (`81. `) that follows the previous one (a gap of up to two
//!    is tolerated at a sentence start) opens a numbered paragraph, which then takes
//!    every line up to the next label or heading, list items included;
//! 3. a lone `a)`, a roman- or letter-numbered title in sequence, or an unnumbered
//!    title (indented, capitalised, no final punctuation) is a heading; a lowercase
//!    line right after a heading continues it;
//! 4. anything else is text: it continues the open paragraph, or opens an unnumbered
//!    one, named by its heading and position.
//!
//! In a hard-wrapped report a heading can only start where the previous line ended a
//! sentence or fell short of the line width, and an unnumbered title met inside a
//! numbered paragraph must be followed by a label or another heading.

use super::clean::{more_chars_than, Join, TextBuilder};
use super::furniture::{self, FurnitureKind};
use super::label::{shorten, slug, Ids};
use super::layout::{
    designated_heading, ends_sentence, ends_with_punctuation, indent, is_subheading_title,
    letter_heading, list_item, numbered_label, plain_heading, question_label, roman_value,
    starts_lowercase, Layout, Line,
};
use super::{Document, Furniture, LabelKind, Paragraph, Section};

/// Reads the non-blank lines of a report laid out as `layout`.
pub(crate) fn assemble(lines: &[Line], layout: Layout) -> Document {
    let kinds = furniture::classify(lines, layout);
    let short_limit = match layout {
        Layout::Wrapped => short_line_limit(lines, &kinds),
        Layout::LinePerParagraph => 0,
    };
    // A paragraph starts on a line of its own: there are no more ids than lines.
    let mut reader = Reader::new(layout, short_limit, lines.len());
    for index in 0..lines.len() {
        reader.read(index, lines, &kinds);
    }
    reader.finish()
}

/// A text line shorter than this (in chars) ends its paragraph in a wrapped report:
/// 60 % of the usual line width (the 75th percentile of line lengths).
fn short_line_limit(lines: &[Line], kinds: &[Option<FurnitureKind>]) -> usize {
    const CAP: usize = 400;
    let mut histogram = vec![0usize; CAP + 1];
    let mut total = 0;
    for (line, kind) in lines.iter().zip(kinds) {
        if kind.is_none() {
            let n = line.body.chars().count().min(CAP);
            if let Some(slot) = histogram.get_mut(n) {
                *slot += 1;
            }
            total += 1;
        }
    }
    let mut seen = 0;
    for (length, count) in histogram.iter().enumerate() {
        seen += count;
        if seen * 4 >= total * 3 && total > 0 {
            return length * 3 / 5;
        }
    }
    0
}

/// What the previous line of text was.
#[derive(Debug, Clone, Copy, Default)]
struct Previous {
    ends_sentence: bool,
    short: bool,
    heading: bool,
    label: bool,
}

/// A paragraph being read.
struct Open {
    kind: LabelKind,
    number: Option<u32>,
    label: String,
    id: String,
    section: Option<usize>,
    first_line: usize,
    last_line: usize,
}

/// A heading being read (it may continue on the next line).
struct OpenHeading {
    index: usize,
    last_line_punctuated: bool,
}

struct Reader {
    layout: Layout,
    short_limit: usize,
    sections: Vec<Section>,
    stack: Vec<usize>,
    paragraphs: Vec<Paragraph>,
    furniture: Vec<Furniture>,
    ids: Ids,
    open: Option<Open>,
    heading: Option<OpenHeading>,
    /// The text of the open paragraph, and of the open heading: one builder each for
    /// the whole document, so that their buffers are grown only a few times.
    paragraph_text: TextBuilder,
    heading_text: TextBuilder,
    previous: Option<Previous>,
    last_number: Option<u32>,
    last_question: u32,
    last_roman: u32,
    last_letter: Option<char>,
    /// Unnumbered paragraphs so far under each section (by index), and before any.
    positions: Vec<usize>,
    preamble_positions: usize,
    /// Each section's title as paragraphs share it (made at its first paragraph,
    /// forgotten when the title changes): a heading is stored once, however
    /// many paragraphs fall under it.
    shared_titles: Vec<Option<std::sync::Arc<str>>>,
}

impl Reader {
    fn new(layout: Layout, short_limit: usize, lines: usize) -> Self {
        Reader {
            layout,
            short_limit,
            sections: Vec::new(),
            stack: Vec::new(),
            paragraphs: Vec::new(),
            furniture: Vec::new(),
            ids: Ids::with_capacity(lines),
            open: None,
            heading: None,
            paragraph_text: TextBuilder::new(),
            heading_text: TextBuilder::new(),
            shared_titles: Vec::new(),
            previous: None,
            last_number: None,
            last_question: 0,
            last_roman: 0,
            last_letter: None,
            positions: Vec::new(),
            preamble_positions: 0,
        }
    }

    fn join(&self) -> Join {
        match self.layout {
            Layout::Wrapped => Join::Wrapped,
            Layout::LinePerParagraph => Join::Paragraphs,
        }
    }

    /// True when a new block (heading, unnumbered paragraph) may start on this line.
    fn at_block_start(&self) -> bool {
        match (self.layout, self.previous) {
            (Layout::LinePerParagraph, _) | (_, None) => true,
            (Layout::Wrapped, Some(p)) => p.ends_sentence || p.short || p.heading || p.label,
        }
    }

    fn read(&mut self, index: usize, lines: &[Line], kinds: &[Option<FurnitureKind>]) {
        let Some(&line) = lines.get(index) else {
            return;
        };
        if let Some(Some(kind)) = kinds.get(index) {
            self.furniture.push(Furniture {
                kind: *kind,
                line: line.number,
                text: line.body.to_string(),
            });
            return;
        }
        let short = self.layout == Layout::Wrapped
            && !more_chars_than(line.body, self.short_limit.saturating_sub(1));
        let mut now = Previous {
            ends_sentence: ends_sentence(line.body),
            short,
            ..Previous::default()
        };
        if self.try_question(line) || self.try_numbered(line) {
            now.label = true;
        } else if self.try_heading(index, line, lines, kinds) {
            now.heading = true;
        } else {
            self.text(line);
        }
        self.previous = Some(now);
    }

    fn try_question(&mut self, line: Line) -> bool {
        let Some(q) = question_label(line.body) else {
            return false;
        };
        let in_range = q.number <= self.last_question + 3;
        let accepted = if q.letters.is_empty() {
            self.layout == Layout::LinePerParagraph && q.number > self.last_question && in_range
        } else {
            q.number >= self.last_question && in_range && q.number > 0
        };
        if !accepted {
            return false;
        }
        self.last_question = q.number;
        let mut id = format!("q{}", q.number);
        for letter in &q.letters {
            id.push('-');
            id.push(*letter);
        }
        self.open_paragraph(
            LabelKind::Question,
            Some(q.number),
            q.printed,
            id,
            line.number,
        );
        true
    }

    fn try_numbered(
        &mut self,
        Line {
            number: line, raw, ..
        }: Line,
    ) -> bool {
        let Some((n, start)) = numbered_label(raw) else {
            return false;
        };
        let rest = raw.get(start..).unwrap_or("");
        let sentence_start = self.at_block_start() && !starts_lowercase(rest);
        let after_heading = self.previous.is_some_and(|p| p.heading);
        let accepted = match self.last_number {
            // The first number: at a sentence start, or `1.` before a capital
            // whatever precedes it (a cover's title that ends without a stop).
            None => {
                (1..=300).contains(&n)
                    && (sentence_start || (n == 1 && rest.starts_with(char::is_uppercase)))
            }
            Some(last) => {
                n == last.saturating_add(1)
                    || (sentence_start && n > last && n <= last.saturating_add(3))
                    || (sentence_start && after_heading && n == 1)
            }
        };
        if !accepted {
            return false;
        }
        self.last_number = Some(n);
        // Labels and ids are built without format!, which is slow for short strings
        // and runs here for most paragraphs.
        let label = n.to_string();
        let id = ["p", &label].concat();
        self.open_paragraph(LabelKind::Numbered, Some(n), label, id, line);
        let column = raw.get(..start).map_or(1, |p| p.chars().count() + 1);
        let join = self.join();
        self.paragraph_text.push_line(rest, line, column, join);
        true
    }

    fn try_heading(
        &mut self,
        index: usize,
        line: Line,
        lines: &[Line],
        kinds: &[Option<FurnitureKind>],
    ) -> bool {
        if letter_heading(line.body) {
            self.open_heading(line, 4, None);
            return true;
        }
        if let Some(heading) = self.heading.as_mut() {
            if !heading.last_line_punctuated && starts_lowercase(line.body) && !list_item(line.raw)
            {
                self.heading_text
                    .push_line(line.raw, line.number, 1, Join::Wrapped);
                heading.last_line_punctuated = ends_with_punctuation(line.body);
                if let Some(section) = self.sections.get_mut(heading.index) {
                    section.last_line = line.number;
                }
                return true;
            }
        }
        if !self.at_block_start() {
            return false;
        }
        if let Some(designator) = designated_heading(line.raw) {
            if let Some(level) = self.designated_level(designator) {
                let designator = designator.to_string();
                self.open_heading(line, level, Some(designator));
                return true;
            }
        }
        if plain_heading(line.raw, self.layout) {
            let inside_numbered = self
                .open
                .as_ref()
                .is_some_and(|o| o.kind != LabelKind::Position);
            if self.layout == Layout::Wrapped
                && inside_numbered
                && !followed_by_block(index, lines, kinds, self.layout)
            {
                return false;
            }
            let level = if is_subheading_title(line.body) { 4 } else { 3 };
            self.open_heading(line, level, None);
            return true;
        }
        false
    }

    /// The level of a roman (1) or lettered (2) heading if its designator comes next
    /// in its sequence (so that `I.` after `H.` is a letter, and `A. Smith` inside a
    /// paragraph is no heading).
    fn designated_level(&mut self, designator: &str) -> Option<u8> {
        let roman = roman_value(designator);
        let letter = {
            let mut chars = designator.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        };
        let roman_next = roman == Some(self.last_roman + 1);
        let letter_next = letter.is_some_and(|c| match self.last_letter {
            Some(last) => u32::from(c) == u32::from(last) + 1,
            None => c == 'A',
        });
        let as_letter = if letter_next && roman_next {
            self.last_letter.is_some()
        } else if letter_next {
            true
        } else if roman_next || (roman.is_some_and(|v| v > self.last_roman) && designator.len() > 1)
        {
            false
        } else if letter.is_some_and(|c| self.last_letter.is_some_and(|last| c > last)) {
            true
        } else {
            return None;
        };
        if as_letter {
            self.last_letter = letter;
            Some(2)
        } else {
            self.last_roman = roman.unwrap_or(self.last_roman);
            self.last_letter = None;
            Some(1)
        }
    }

    fn text(
        &mut self,
        Line {
            number: line,
            raw,
            body,
        }: Line,
    ) {
        let join = self.join();
        let new_unit = match self.open.as_ref() {
            None => true,
            Some(open) if open.kind != LabelKind::Position => false,
            Some(_) => match self.layout {
                Layout::LinePerParagraph => true,
                Layout::Wrapped => {
                    let previous = self.previous.unwrap_or_default();
                    !starts_lowercase(body)
                        && (previous.short || (previous.ends_sentence && indent(raw) >= 1))
                }
            },
        };
        if new_unit {
            self.open_positional(line);
        }
        if let Some(open) = self.open.as_mut() {
            self.paragraph_text.push_line(raw, line, 1, join);
            open.last_line = line;
        }
    }

    fn open_positional(&mut self, line: usize) {
        self.close_heading();
        let section = self.stack.last().copied();
        let position = match section.and_then(|s| self.positions.get_mut(s)) {
            Some(count) => {
                *count += 1;
                *count
            }
            None => {
                self.preamble_positions += 1;
                self.preamble_positions
            }
        };
        let key = match section {
            Some(s) => self.key(s),
            None => "préambule".to_string(),
        };
        let label = [&key, ", ", &position.to_string()].concat();
        let id = slug(&label);
        self.open_paragraph(LabelKind::Position, None, label, id, line);
    }

    /// How a section is named in a positional label: `Article 16`, `sect. II`,
    /// `Paragraphe 21, Alinéa c`.
    fn key(&self, index: usize) -> String {
        let Some(section) = self.sections.get(index) else {
            return String::new();
        };
        let parent = section
            .parent
            .and_then(|p| self.sections.get(p).map(|s| (p, s)));
        let own = match (&section.number, section.level) {
            (Some(letter), 2) => match parent {
                Some((_, p)) if p.level == 1 => {
                    format!("sect. {}.{letter}", p.number.as_deref().unwrap_or(""))
                }
                _ => format!("sect. {letter}"),
            },
            (Some(number), _) => format!("sect. {number}"),
            (None, _) => shorten(&section.title),
        };
        match parent {
            Some((p, parent)) if section.level == 4 && parent.level == 3 => {
                format!("{}, {own}", self.key(p))
            }
            _ => own,
        }
    }

    fn open_paragraph(
        &mut self,
        kind: LabelKind,
        number: Option<u32>,
        label: String,
        id: String,
        line: usize,
    ) {
        self.close_paragraph();
        self.close_heading();
        let id = self.ids.claim(id);
        self.open = Some(Open {
            kind,
            number,
            label,
            id,
            section: self.stack.last().copied(),
            first_line: line,
            last_line: line,
        });
    }

    fn open_heading(&mut self, line: Line, level: u8, number: Option<String>) {
        self.close_paragraph();
        self.close_heading();
        while self
            .stack
            .last()
            .and_then(|top| self.sections.get(*top))
            .is_some_and(|top| top.level >= level)
        {
            self.stack.pop();
        }
        let index = self.sections.len();
        self.sections.push(Section {
            title: String::new(),
            number,
            level,
            parent: self.stack.last().copied(),
            first_line: line.number,
            last_line: line.number,
        });
        self.positions.push(0);
        self.stack.push(index);
        self.heading_text
            .push_line(line.raw, line.number, 1, Join::Wrapped);
        self.heading = Some(OpenHeading {
            index,
            last_line_punctuated: ends_with_punctuation(line.body),
        });
    }

    fn close_heading(&mut self) {
        if let Some(heading) = self.heading.take() {
            let (title, _) = self.heading_text.take();
            if let Some(section) = self.sections.get_mut(heading.index) {
                section.title = title;
            }
            if let Some(shared) = self.shared_titles.get_mut(heading.index) {
                *shared = None;
            }
        }
    }

    fn close_paragraph(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let (text, spans) = self.paragraph_text.take();
        let section = open.section.and_then(|s| {
            let title = self.sections.get(s)?.title.as_str();
            if self.shared_titles.len() <= s {
                self.shared_titles.resize(s + 1, None);
            }
            let shared = self.shared_titles.get_mut(s)?;
            Some(std::sync::Arc::clone(
                shared.get_or_insert_with(|| std::sync::Arc::from(title)),
            ))
        });
        self.paragraphs.push(Paragraph {
            id: open.id,
            label: open.label,
            kind: open.kind,
            number: open.number,
            section,
            section_index: open.section,
            first_line: open.first_line,
            last_line: open.last_line,
            text,
            spans,
        });
    }

    fn finish(mut self) -> Document {
        self.close_paragraph();
        self.close_heading();
        Document {
            layout: self.layout,
            sections: self.sections,
            paragraphs: self.paragraphs,
            furniture: self.furniture,
        }
    }
}

/// True when the next line of text after `index` (past furniture and the lowercase
/// lines that would continue a heading, which must not end a sentence) is a label
/// or a heading, or there is none.
fn followed_by_block(
    index: usize,
    lines: &[Line],
    kinds: &[Option<FurnitureKind>],
    layout: Layout,
) -> bool {
    let mut continuations = 0;
    for (j, line) in lines.iter().enumerate().skip(index + 1) {
        if kinds.get(j).is_some_and(Option::is_some) {
            continue;
        }
        if starts_lowercase(line.body) && !list_item(line.raw) && continuations < 3 {
            if ends_with_punctuation(line.body) {
                return false; // a heading does not end a sentence
            }
            continuations += 1;
            continue;
        }
        return numbered_label(line.raw).is_some()
            || question_label(line.body).is_some()
            || designated_heading(line.raw).is_some()
            || plain_heading(line.raw, layout);
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::document::{parse_as, Document, FurnitureKind, LabelKind, Layout};

    fn texts(doc: &Document) -> Vec<(&str, &str)> {
        doc.paragraphs
            .iter()
            .map(|p| (p.label.as_str(), p.text.as_str()))
            .collect()
    }

    #[test]
    fn wrapped_paragraphs_survive_a_page_break_in_mid_sentence() {
        let text = "  I. Méthodologie \n\n1. Le rapport couvre \n\nla période. \n\n\
                    2. Une plateforme entre le Kazakhstan et \n\n\n\nA/HRC/WG.6/34/KAZ/1 \n\n\
                    6 GE.19-17926 \n\nde l’Ouzbékistan a été créée. \n";
        let doc = parse_as(text, Layout::Wrapped);
        assert_eq!(
            texts(&doc),
            vec![
                ("1", "Le rapport couvre la période."),
                (
                    "2",
                    "Une plateforme entre le Kazakhstan et de l’Ouzbékistan a été créée."
                )
            ]
        );
        let kinds: Vec<_> = doc.furniture.iter().map(|f| (f.kind, f.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (FurnitureKind::RunningHeader, 11),
                (FurnitureKind::RunningFooter, 13)
            ]
        );
        assert_eq!(
            doc.paragraphs.get(1).map(|p| (p.first_line, p.last_line)),
            Some((7, 15))
        );
        assert_eq!(
            doc.sections.first().map(|s| s.title.as_str()),
            Some("I. Méthodologie")
        );
    }

    #[test]
    fn a_number_out_of_sequence_at_a_line_start_is_text() {
        let text = "1. Des programmes pour la période allant jusqu’en \n\n2018. Ils ont été adoptés. \n\n2. Suite. \n";
        let doc = parse_as(text, Layout::Wrapped);
        assert_eq!(
            texts(&doc),
            vec![
                (
                    "1",
                    "Des programmes pour la période allant jusqu’en 2018. Ils ont été adoptés."
                ),
                ("2", "Suite.")
            ]
        );
    }

    #[test]
    fn a_heading_continues_on_lowercase_lines_and_recommendations_nest_under_it() {
        let text = "1. Fin. \n\n III. Cadre général de la protection  \ndes droits de l’homme \n\n\
                    \x20 Recommandations 125.10 et 125.33 \n\n2. Texte. \n";
        let doc = parse_as(text, Layout::Wrapped);
        let titles: Vec<_> = doc
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.level, s.parent))
            .collect();
        assert_eq!(
            titles,
            vec![
                (
                    "III. Cadre général de la protection des droits de l’homme",
                    1,
                    None
                ),
                ("Recommandations 125.10 et 125.33", 4, Some(0))
            ]
        );
        assert_eq!(
            doc.paragraphs.get(1).and_then(|p| p.section.as_deref()),
            Some("Recommandations 125.10 et 125.33")
        );
    }

    #[test]
    fn an_indented_capitalised_line_inside_a_paragraph_is_not_a_heading() {
        let text = "1. Le président a été élu. \n\n  À la suite de la démission des \n\nélus, il a parlé. \n\n2. Suite. \n";
        let doc = parse_as(text, Layout::Wrapped);
        assert!(doc.sections.is_empty());
        assert_eq!(
            doc.paragraphs.first().map(|p| p.text.as_str()),
            Some("Le président a été élu. À la suite de la démission des élus, il a parlé.")
        );
    }

    #[test]
    fn unnumbered_wrapped_paragraphs_split_at_an_indented_sentence_start() {
        let text = "  Note verbale datée du 14 juin 2021 \n\n La Mission a l’honneur de se référer \n\n\
                    à la candidature. \n\n Conformément à la résolution, la Mission \n\nfait tenir. \n\n\
                    __________________ \n\n * A/76/50. \n\nhttps://undocs.org/fr/A/76/50\n";
        let doc = parse_as(text, Layout::Wrapped);
        assert_eq!(
            texts(&doc),
            vec![
                (
                    "Note verbale datée du 14 juin 2021, 1",
                    "La Mission a l’honneur de se référer à la candidature."
                ),
                (
                    "Note verbale datée du 14 juin 2021, 2",
                    "Conformément à la résolution, la Mission fait tenir."
                )
            ]
        );
        assert_eq!(doc.furniture.len(), 3);
        assert!(doc.paragraphs.iter().all(|p| p.kind == LabelKind::Position));
    }

    #[test]
    fn a_question_label_holds_the_answer_paragraphs_below_it() {
        let text =
            "\t\tCadre juridique\n\n\n\t\t2. с)\n\n\tPremier paragraphe.\n\tSecond paragraphe.\n\n\
                    \t\t3 b) \n\n\tRéponse.\n\t\t4 \n\n\tAutre réponse.\n";
        let doc = parse_as(text, Layout::LinePerParagraph);
        let got: Vec<_> = doc
            .paragraphs
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.label.as_str(),
                    p.text.as_str(),
                    p.reference(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "q2-c",
                    "2. c)",
                    "Premier paragraphe.\nSecond paragraphe.",
                    "question 2 c)".to_string()
                ),
                ("q3-b", "3 b)", "Réponse.", "question 3 b)".to_string()),
                ("q4", "4", "Autre réponse.", "question 4".to_string()),
            ]
        );
    }

    #[test]
    fn unnumbered_lines_are_named_by_heading_and_position() {
        let text = "\tI. \tIntroduction\nLe présent rapport.\n\t\tArticle 2\nUn.\nDeux.\nTrois.\n\
                    \t\tParagraphe 21\n\t\tAlinéas a et b\nQuatre.\nAlinéa c\nCinq.\n";
        let doc = parse_as(text, Layout::LinePerParagraph);
        let got: Vec<_> = doc
            .paragraphs
            .iter()
            .map(|p| (p.id.as_str(), p.label.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("sect-i-1", "sect. I, 1".to_string()),
                ("article-2-1", "Article 2, 1".to_string()),
                ("article-2-2", "Article 2, 2".to_string()),
                ("article-2-3", "Article 2, 3".to_string()),
                (
                    "paragraphe-21-alineas-a-et-b-1",
                    "Paragraphe 21, Alinéas a et b, 1".to_string()
                ),
                (
                    "paragraphe-21-alinea-c-1",
                    "Paragraphe 21, Alinéa c, 1".to_string()
                ),
            ]
        );
    }

    #[test]
    fn line_per_paragraph_numbered_paragraphs_keep_their_list_items() {
        let text = "\tI.\tIntroduction\n1.\tLes axes suivants :\nLa législation ;\nLes institutions.\n\
                    2.\tSuite.\n\tA.\tCadre\n\tB.\tRéformes\n3.\tFin.\n\tH.\tApatrides\n\tI.\tTraite\n4.\tX.\n";
        let doc = parse_as(text, Layout::LinePerParagraph);
        assert_eq!(
            doc.paragraphs.first().map(|p| p.text.as_str()),
            Some("Les axes suivants :\nLa législation ;\nLes institutions.")
        );
        let levels: Vec<_> = doc
            .sections
            .iter()
            .map(|s| (s.number.as_deref(), s.level))
            .collect();
        assert_eq!(
            levels,
            vec![
                (Some("I"), 1),
                (Some("A"), 2),
                (Some("B"), 2),
                (Some("H"), 2),
                (Some("I"), 2)
            ]
        );
    }

    #[test]
    fn every_character_maps_back_to_itself() -> Result<(), Box<dyn std::error::Error>> {
        let text = "1. Un  texte\u{a0}de \n\n\n  A/76/86 \n\nnon-\n\ndiscrimination. \n";
        let doc = parse_as(text, Layout::Wrapped);
        let p = doc.paragraphs.first().ok_or("one paragraph")?;
        assert_eq!(p.text, "Un texte de non-discrimination.");
        let lines: Vec<&str> = text.split('\n').collect();
        for (offset, c) in p.text.char_indices() {
            let pos = p
                .source_position(offset)
                .ok_or("every byte has a position")?;
            let line = lines.get(pos.line - 1).ok_or("line exists")?;
            let original = line.chars().nth(pos.column - 1);
            if c == ' ' {
                assert!(
                    original.is_none_or(char::is_whitespace),
                    "{offset}: {original:?}"
                );
            } else {
                assert_eq!(original, Some(c), "at byte {offset}");
            }
        }
        assert_eq!(p.source_lines().collect::<Vec<_>>(), vec![1, 6, 8]);
        Ok(())
    }

    #[test]
    fn parse_detects_the_layout_as_detect_does() {
        let long = "x".repeat(200);
        let texts = [
            format!("1. Un\r\n\u{a0}\r\n{long}\r\n"),
            format!("\u{200b}\n{long}\n\t\n{long}\n"),
            format!("{long}\n\n\n2. Deux \n\u{feff} \n"),
            "1. Un \r\n\r\nla suite.\r\n".to_string(),
            String::new(),
        ];
        for text in &texts {
            assert_eq!(crate::document::parse(text).layout, Layout::detect(text));
        }
    }

    #[test]
    fn any_text_is_a_document() {
        for text in [
            "",
            "\n\n\n",
            "0123456789",
            "1.",
            "1. ",
            "  I. ",
            "\t\t1. a)",
            "__________\n1 \n2 x",
            "*\n**\n* *",
            "ab\u{0}c\r\n\u{feff}\u{200b}\u{ad}",
            "é\u{301}日本語 🦀 \u{10FFFF}",
            "[bookmark: [bookmark: ]]",
        ] {
            for layout in [Layout::Wrapped, Layout::LinePerParagraph] {
                let doc = parse_as(text, layout);
                for p in &doc.paragraphs {
                    for offset in 0..=p.text.len() {
                        let _ = p.source_position(offset);
                    }
                }
            }
        }
    }
}
