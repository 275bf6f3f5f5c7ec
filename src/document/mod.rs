//! A report read as a document: its headings and its paragraphs, each paragraph with
//! the label the report prints for it and a map back to the original text.
//!
//! This module owns the reading of report text: telling paragraphs from headings and
//! page furniture, joining hard-wrapped lines, normalising white space, and keeping
//! for every character of clean text the line and column it came from. Every figure
//! Derek shows is cited through a [`Paragraph::reference`] (`par. 81`,
//! `question 1 a)`, `Article 16`) computed here.
//!
//! Invariant: no knowledge of figures, and none of any particular report; pure text →
//! document. [`parse`] accepts any `&str`, never panics, and runs in time linear in
//! the text's length. Rules are shapes (a paragraph number that follows the previous
//! one, a roman-numbered heading, a job number in a page footer), so a new report
//! extracted the same way reads as well as the bundled ones.
//!
//! Submodules: `clean` (white space, line joins, the provenance map), `layout`
//! (lines, labels, headings, the two layouts), `furniture` (page headers, footers,
//! footnotes, URLs), `label` (positional labels and ids), `assemble` (the reader
//! that puts lines together into sections and paragraphs).

mod assemble;
mod clean;
pub mod cover;
mod furniture;
mod label;
pub mod language;
mod layout;

pub use furniture::FurnitureKind;
pub use layout::Layout;

use serde::Serialize;

/// A report read as a document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// How the report's lines were laid out (detected).
    pub layout: Layout,
    /// Headings, in the order printed.
    pub sections: Vec<Section>,
    /// Paragraphs, in the order printed.
    pub paragraphs: Vec<Paragraph>,
    /// Lines that belong to the page rather than to the text.
    pub furniture: Vec<Furniture>,
}

/// A heading, as printed (`II. Renseignements d’ordre général`, `Article 2`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The heading's text, its lines joined (`III. Cadre général … internationales`).
    pub title: String,
    /// The heading's own number, for a numbered heading: `II`, `A`.
    pub number: Option<String>,
    /// 1 for a roman-numbered heading, 2 for a lettered one, 3 for another heading,
    /// 4 for a sub-heading (`Alinéa c`, `Recommandations …`, `a)`).
    pub level: u8,
    /// Index in [`Document::sections`] of the heading this one falls under.
    pub parent: Option<usize>,
    /// 1-based line of the heading's first line in the original file.
    pub first_line: usize,
    /// 1-based line of the heading's last line in the original file.
    pub last_line: usize,
}

/// What a paragraph's label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// The report numbers the paragraph: `81`.
    Numbered,
    /// A question label standing on its own line above the answer: `1. a)`, `17`.
    Question,
    /// The report prints no label: the paragraph is named by its heading and its
    /// position under it (`Article 16, 3`; `préambule, 2` before any heading).
    Position,
}

/// One paragraph of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Unique within the document, ASCII, usable as a URL fragment: `p81`, `q1-a`,
    /// `article-16-3`.
    pub id: String,
    /// The label as printed (`81`, `1. a)`), or heading and position (`Article 16, 3`).
    pub label: String,
    /// What the label is.
    pub kind: LabelKind,
    /// The printed number: the paragraph number, or the question number.
    pub number: Option<u32>,
    /// The text of the heading the paragraph falls under (the innermost one),
    /// shared with every paragraph under it: stored once, however many there are.
    pub section: Option<std::sync::Arc<str>>,
    /// Index of that heading in [`Document::sections`].
    pub section_index: Option<usize>,
    /// 1-based line of the original file where the paragraph (or its label) starts.
    pub first_line: usize,
    /// 1-based line of the original file where the paragraph ends.
    pub last_line: usize,
    /// The clean text, without its label: one space between words, hard-wrapped lines
    /// joined (without a space after a hyphen), page furniture removed; lines that
    /// are printed paragraphs of their own within it (list items, the several
    /// answer paragraphs under a question label) are separated by `\n`.
    pub text: String,
    #[serde(skip)]
    spans: Vec<clean::Span>,
}

/// The source positions of one paragraph's offsets ([`Paragraph::source_positions`]).
pub struct SourcePositions<'p>(clean::Positions<'p>);

impl SourcePositions<'_> {
    /// The same as [`Paragraph::source_position`].
    pub fn at(&mut self, byte_offset: usize) -> Option<SourcePosition> {
        self.0
            .at(byte_offset)
            .map(|(line, column)| SourcePosition { line, column })
    }
}

/// A place in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SourcePosition {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// A line that belongs to the page rather than to the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Furniture {
    /// What it is.
    pub kind: FurnitureKind,
    /// 1-based line in the original file.
    pub line: usize,
    /// The line, trimmed.
    pub text: String,
}

impl Paragraph {
    /// Where byte `byte_offset` of [`Paragraph::text`] came from in the original file
    /// (a byte inside a multi-byte character gives that character's position). A
    /// space that joins two lines maps to the end of the first line. None past the
    /// end of the text.
    pub fn source_position(&self, byte_offset: usize) -> Option<SourcePosition> {
        clean::position(&self.text, &self.spans, byte_offset)
            .map(|(line, column)| SourcePosition { line, column })
    }

    /// [`Paragraph::source_position`] for many offsets: asked in increasing
    /// order, they cost one walk over the text in all (a long line holds many
    /// figures).
    pub fn source_positions(&self) -> SourcePositions<'_> {
        SourcePositions(clean::Positions::new(&self.text, &self.spans))
    }

    /// The paragraph's reference as a citation prints it after the document symbol,
    /// in the report's own terms: `par. 81`, `question 3 b)`, and for a paragraph the
    /// report does not label, the heading it falls under (`Article 16`), without the
    /// position Derek counts for its id (that number is not in the document).
    pub fn reference(&self) -> String {
        match self.kind {
            LabelKind::Numbered => format!("par. {}", self.label),
            LabelKind::Question => {
                // "3. b)" → "question 3 b)": the number's full stop is layout.
                let label = match self.label.split_once(". ") {
                    Some((number, rest)) if number.bytes().all(|b| b.is_ascii_digit()) => {
                        format!("{number} {rest}")
                    }
                    _ => self.label.clone(),
                };
                format!("question {label}")
            }
            LabelKind::Position => match self.label.rsplit_once(", ") {
                Some((heading, position)) if position.bytes().all(|b| b.is_ascii_digit()) => {
                    heading.to_string()
                }
                _ => self.label.clone(),
            },
        }
    }

    /// The lines of the original file the text was read from, ascending, each once
    /// (a label on a line of its own, and furniture inside the paragraph, excluded).
    pub fn source_lines(&self) -> impl Iterator<Item = usize> + '_ {
        let mut last = 0;
        self.spans.iter().map(|s| s.line).filter(move |line| {
            let new = *line != last;
            last = *line;
            new
        })
    }
}

impl Document {
    /// The paragraph with this id.
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }

    /// The paragraphs the report numbers itself, in order.
    pub fn numbered(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == LabelKind::Numbered)
    }
}

/// Reads a report: its layout is detected ([`Layout::detect`]), then its lines are
/// put together into headings, paragraphs and furniture. Never fails: any text is a
/// document, if perhaps one made of a single paragraph.
pub fn parse(text: &str) -> Document {
    // The text is cut into lines once, for the detection and the reading.
    let lines = layout::lines(text);
    let layout = Layout::detect_lines(lines.iter().map(|line| line.body));
    assemble::assemble(&lines, layout)
}

/// Reads a report whose layout is known.
pub fn parse_as(text: &str, layout: Layout) -> Document {
    assemble::assemble(&layout::lines(text), layout)
}
