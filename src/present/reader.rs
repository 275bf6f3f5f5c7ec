//! A report to read whole: its identity (symbol, committee, date, official link),
//! its headings and paragraphs in the order printed, each paragraph with the label
//! the report prints and its text cut into pieces where every extracted figure is
//! marked, and for each figure the fact Derek read (value, unit, qualifier, year and
//! where the year comes from, subject) and the series points it feeds.
//!
//! Invariant: plain structures; the page builds the DOM from them with text only.
//! A figure is named by its index among the facts of its report, in text order: the
//! same index in [`ReaderView::figures`], in a search hit and in a permalink.

use super::qualifier_words;
use crate::chart::{format, Lang};
use crate::document::LabelKind;
use crate::extract::YearSource;
use crate::series::sourced::{Corpus, SourcedFact};
use crate::series::Series;
use serde::Serialize;
use std::collections::HashMap;

/// The official document on the UN's document system, from its symbol.
pub fn official_link(symbol: &str) -> String {
    format!("https://undocs.org/fr/{symbol}")
}

/// A report, to read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReaderView {
    /// Index of the report in the corpus.
    pub document: usize,
    pub report: ReportCard,
    /// The BCP 47 code of the language its headings and paragraphs are written
    /// in (`fr` for the bundled reports, the guess for an added one), empty when
    /// unknown: their `lang` attribute.
    pub text_lang: &'static str,
    /// Headings and paragraphs, in the order printed.
    pub blocks: Vec<Block>,
    /// Every figure of the report, in text order.
    pub figures: Vec<FigureCard>,
}

/// Who wrote a report, to whom, when, and where the official text is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportCard {
    pub symbol: String,
    /// The symbol is not printed in the text: it was inferred from the title.
    pub symbol_inferred: bool,
    /// Said when `symbol_inferred`, else empty.
    pub symbol_note: String,
    pub committee: String,
    pub title: String,
    /// The date the document prints, or a note that it prints none, and the period
    /// it covers.
    pub date: String,
    /// `https://undocs.org/fr/SYMBOL`.
    pub link: String,
}

/// A heading or a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Heading {
        /// 1 (roman-numbered) to 4 (sub-heading).
        level: u8,
        text: String,
    },
    Paragraph {
        /// The id used in links (`p81`).
        id: String,
        /// The label the report prints (`81`, `3. b)`), or empty when it prints none.
        label: String,
        /// The reference as a citation prints it (`par. 81`, `question 3 b)`).
        reference: String,
        pieces: Vec<Piece>,
    },
}

/// A piece of a paragraph's text: plain, or a figure (its index in
/// [`ReaderView::figures`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub text: String,
    pub figure: Option<usize>,
}

/// What Derek read from a figure's sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureCard {
    /// The paragraph it stands in.
    pub paragraph: String,
    /// As printed: `44 000`.
    pub verbatim: String,
    /// The value as Derek read it, with its unit: `≥ 44 000`, `71,2 %`.
    pub value: String,
    /// The unit in words.
    pub unit: String,
    /// The qualifier in words (`plus de`), or "exact value".
    pub qualifier: String,
    /// The year (`2012`, `2008-2012`), empty if none.
    pub year: String,
    /// Where the year comes from, in words.
    pub year_source: String,
    /// What is counted.
    pub subject: String,
    /// One line for a tooltip: qualifier, year and its source.
    pub tip: String,
    /// The series points it is.
    pub series: Vec<super::SeriesLink>,
}

/// Report `document` of the corpus, to read; None if there is no such report.
pub fn reader(
    corpus: &Corpus,
    series: &[Series],
    document: usize,
    lang: Lang,
) -> Option<ReaderView> {
    let report = corpus.reports.get(document)?;
    let doc = corpus.documents.get(document)?;
    let t = lang.text();
    let meta = &report.meta;
    let facts: Vec<&SourcedFact> = corpus
        .facts
        .iter()
        .filter(|f| f.report_index == document)
        .collect();
    let (blocks, figures) = layout(doc, &facts, series, document, lang);
    Some(ReaderView {
        document,
        // The bundled reports are the French texts.
        text_lang: Lang::Fr.code(),
        report: ReportCard {
            symbol: meta.symbol.clone(),
            symbol_inferred: meta.symbol_inferred,
            symbol_note: if meta.symbol_inferred {
                t.text("reader", "inferred").to_string()
            } else {
                String::new()
            },
            committee: t
                .report_body(&meta.symbol)
                .unwrap_or(&meta.body_fr)
                .to_string(),
            title: t
                .report_title(&meta.symbol)
                .unwrap_or(&meta.title_fr)
                .to_string(),
            date: t.fill(
                "reader",
                match meta.date {
                    Some(_) => "dated",
                    None => "undated",
                },
                &[
                    ("date", meta.date.as_deref().unwrap_or_default()),
                    ("period", &meta.period),
                ],
            ),
            link: official_link(&meta.symbol),
        },
        blocks,
        figures,
    })
}

/// A report a reader added (its facts carry `document`), to read like the
/// bundled ones: its name is its symbol and title, its card says it is kept in
/// this browser only and gives its reference year; it has no official link.
pub fn own_reader(
    report: &crate::series::own::OwnReport,
    series: &[Series],
    document: usize,
    lang: Lang,
) -> ReaderView {
    let t = lang.text();
    let facts: Vec<&SourcedFact> = report.facts.iter().collect();
    let (blocks, figures) = layout(&report.document, &facts, series, document, lang);
    ReaderView {
        document,
        text_lang: crate::document::language::code(report.language),
        report: ReportCard {
            symbol: report.name.clone(),
            symbol_inferred: false,
            symbol_note: String::new(),
            committee: t.text("reader", "own_kept").to_string(),
            title: report.name.clone(),
            date: match report.reference_year {
                Some(year) => t.fill("reader", "own_year", &[("year", &year.to_string())]),
                None => t.text("reader", "own_no_year").to_string(),
            },
            link: String::new(),
        },
        blocks,
        figures,
    }
}

/// The blocks and figure cards of `doc`, whose facts (in text order) are
/// `facts`; figures link to the points of `series` read in report `document`.
fn layout(
    doc: &crate::document::Document,
    facts: &[&SourcedFact],
    series: &[Series],
    document: usize,
    lang: Lang,
) -> (Vec<Block>, Vec<FigureCard>) {
    let t = lang.text();
    // The series points of this report, by paragraph and span.
    let mut links: HashMap<(&str, (usize, usize)), Vec<super::SeriesLink>> = HashMap::new();
    for s in series {
        for (point, p) in s.points.iter().enumerate() {
            if p.report_index == document {
                links
                    .entry((p.paragraph.as_str(), p.span))
                    .or_default()
                    .push(super::SeriesLink {
                        id: s.id.clone(),
                        title: s.title(lang).to_string(),
                        point,
                    });
            }
        }
    }

    let figures: Vec<FigureCard> = facts
        .iter()
        .map(|f| {
            let fact = &f.fact;
            let qualifier = match qualifier_words(fact.qualifier, lang) {
                "" => t.text("reader", "exact"),
                q => q,
            };
            let year = fact.year.map(|y| y.to_string()).unwrap_or_default();
            let year_source = match fact.year_source {
                Some(YearSource::Stated) => t.text("reader", "stated"),
                Some(YearSource::Implied) => t.text("reader", "implied"),
                None => t.text("reader", "no_year"),
            };
            let tip = if year.is_empty() {
                format!("{qualifier} · {year_source}")
            } else {
                format!("{qualifier} · {year} ({year_source})")
            };
            FigureCard {
                paragraph: f.paragraph.clone(),
                verbatim: fact.verbatim.clone(),
                value: format!(
                    "{}{}",
                    format::qualifier_sign(fact.qualifier),
                    format::with_unit(fact.value, fact.unit, lang)
                ),
                unit: format::unit_name(fact.unit, lang).to_string(),
                qualifier: qualifier.to_string(),
                year,
                year_source: year_source.to_string(),
                subject: fact.subject.clone(),
                tip,
                series: links
                    .remove(&(f.paragraph.as_str(), (fact.start, fact.end)))
                    .unwrap_or_default(),
            }
        })
        .collect();

    // Headings and paragraphs, merged in the order of their lines. Facts come in
    // paragraph order: one walk over them.
    let mut blocks = Vec::with_capacity(doc.sections.len() + doc.paragraphs.len());
    let mut sections = doc.sections.iter().peekable();
    let mut next_fact = 0;
    for paragraph in &doc.paragraphs {
        while let Some(section) = sections.next_if(|s| s.first_line <= paragraph.first_line) {
            blocks.push(Block::Heading {
                level: section.level,
                text: section.title.clone(),
            });
        }
        // This paragraph's facts (skipping any of a paragraph not in the document).
        while facts
            .get(next_fact)
            .is_some_and(|f| f.paragraph != paragraph.id && doc.paragraph(&f.paragraph).is_none())
        {
            next_fact += 1;
        }
        let first = next_fact;
        while facts
            .get(next_fact)
            .is_some_and(|f| f.paragraph == paragraph.id)
        {
            next_fact += 1;
        }
        let spans: Vec<(usize, usize, usize)> = (first..next_fact)
            .filter_map(|i| facts.get(i).map(|f| (f.fact.start, f.fact.end, i)))
            .collect();
        blocks.push(Block::Paragraph {
            id: paragraph.id.clone(),
            label: match paragraph.kind {
                LabelKind::Numbered | LabelKind::Question => paragraph.label.clone(),
                LabelKind::Position => String::new(),
            },
            reference: paragraph.reference(),
            pieces: pieces(&paragraph.text, &spans),
        });
    }
    blocks.extend(sections.map(|section| Block::Heading {
        level: section.level,
        text: section.title.clone(),
    }));

    (blocks, figures)
}

/// `text` cut at the figures' byte ranges `(start, end, figure)`, in text order; a
/// range off char boundaries, out of bounds or overlapping the one before is left
/// unmarked. The pieces put together are `text`.
fn pieces(text: &str, spans: &[(usize, usize, usize)]) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(2 * spans.len() + 1);
    let mut at = 0;
    for &(start, end, figure) in spans {
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if start < at || start >= end {
            continue;
        }
        if !before.is_empty() {
            pieces.push(Piece {
                text: before.to_string(),
                figure: None,
            });
        }
        pieces.push(Piece {
            text: marked.to_string(),
            figure: Some(figure),
        });
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        pieces.push(Piece {
            text: rest.to_string(),
            figure: None,
        });
    }
    pieces
}

/// Where a series point is read: its report, paragraph and figure index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub document: usize,
    pub paragraph: String,
    pub figure: Option<usize>,
}

/// The place of `series.points[point]` in its report, for the reader.
pub fn place_of_point(corpus: &Corpus, series: &Series, point: usize) -> Option<Place> {
    let p = series.points.get(point)?;
    let figure = corpus
        .facts
        .iter()
        .filter(|f| f.report_index == p.report_index)
        .position(|f| f.paragraph == p.paragraph && (f.fact.start, f.fact.end) == p.span);
    Some(Place {
        document: p.report_index,
        paragraph: p.paragraph.clone(),
        figure,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::catalogue::Catalogue;

    type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    fn bundled() -> Result<(Corpus, Vec<Series>)> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&corpus);
        Ok((corpus, series))
    }

    fn paragraph<'a>(view: &'a ReaderView, id: &str) -> Option<(&'a str, &'a [Piece])> {
        view.blocks.iter().find_map(|b| match b {
            Block::Paragraph {
                id: i,
                reference,
                pieces,
                ..
            } if i == id => Some((reference.as_str(), pieces.as_slice())),
            _ => None,
        })
    }

    #[test]
    fn every_report_reads_whole_with_every_figure_marked() -> Result {
        let (corpus, series) = bundled()?;
        for (d, doc) in corpus.documents.iter().enumerate() {
            let view = reader(&corpus, &series, d, Lang::Fr).ok_or("a view")?;
            let paragraphs: Vec<&Block> = view
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Paragraph { .. }))
                .collect();
            assert_eq!(paragraphs.len(), doc.paragraphs.len());
            let headings = view.blocks.len() - paragraphs.len();
            assert_eq!(headings, doc.sections.len());
            // The pieces put together are the text, and each figure is marked once.
            let mut marked = Vec::new();
            for (block, p) in paragraphs.iter().zip(&doc.paragraphs) {
                let Block::Paragraph { pieces, .. } = block else {
                    continue;
                };
                let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
                assert_eq!(text, p.text);
                marked.extend(pieces.iter().filter_map(|p| p.figure));
            }
            let facts = corpus.facts.iter().filter(|f| f.report_index == d).count();
            assert_eq!(
                marked,
                (0..facts).collect::<Vec<_>>(),
                "{}",
                view.report.symbol
            );
            assert_eq!(view.figures.len(), facts);
            assert!(view.report.link.starts_with("https://undocs.org/fr/"));
            assert_eq!(view.text_lang, "fr");
        }
        Ok(())
    }

    #[test]
    fn a_point_opens_its_figure_in_the_reader() -> Result {
        let (corpus, series) = bundled()?;
        let orders = series
            .iter()
            .find(|s| s.id == "protection_orders_issued")
            .ok_or("the series")?;
        for (i, point) in orders.points.iter().enumerate() {
            let place = place_of_point(&corpus, orders, i).ok_or("a place")?;
            let view = reader(&corpus, &series, place.document, Lang::En).ok_or("a view")?;
            let figure = place.figure.ok_or("a figure")?;
            let card = view.figures.get(figure).ok_or("a card")?;
            assert_eq!(card.verbatim, point.verbatim);
            assert_eq!(card.paragraph, point.paragraph);
            assert!(card
                .series
                .iter()
                .any(|l| l.id == orders.id && l.point == i));
            let (_, pieces) = paragraph(&view, &place.paragraph).ok_or("the paragraph")?;
            assert!(pieces.iter().any(|p| p.figure == Some(figure)));
        }
        Ok(())
    }

    #[test]
    fn references_read_as_the_report_prints_them() -> Result {
        let (corpus, series) = bundled()?;
        let symbol = |s: &str| corpus.reports.iter().position(|r| r.meta.symbol == s);
        let upr = reader(
            &corpus,
            &series,
            symbol("A/HRC/WG.6/34/KAZ/1").ok_or("UPR")?,
            Lang::Fr,
        )
        .ok_or("a view")?;
        assert_eq!(paragraph(&upr, "p81").ok_or("p81")?.0, "par. 81");
        let cedaw = reader(
            &corpus,
            &series,
            symbol("CEDAW/C/KAZ/RQ/6").ok_or("CEDAW")?,
            Lang::Fr,
        )
        .ok_or("a view")?;
        assert_eq!(paragraph(&cedaw, "q3-b").ok_or("q3-b")?.0, "question 3 b)");
        assert!(cedaw.report.symbol_inferred && !cedaw.report.symbol_note.is_empty());
        let cat = reader(
            &corpus,
            &series,
            symbol("CAT/C/KAZ/3").ok_or("CAT")?,
            Lang::Fr,
        )
        .ok_or("a view")?;
        for block in &cat.blocks {
            if let Block::Paragraph {
                label, reference, ..
            } = block
            {
                // The CAT report numbers none of its paragraphs: no label of Derek's
                // own, no position appended to the heading.
                assert!(label.is_empty(), "{label}");
                let counted = reference
                    .rsplit_once(", ")
                    .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()));
                assert!(!counted, "{reference}");
            }
        }
        Ok(())
    }

    #[test]
    fn an_added_report_reads_whole_with_its_figures_linked_to_its_series() -> Result {
        let own = crate::series::own::OwnReport::read(
            "Passage",
            "[Date de réception : 20 octobre 2025]\n\n1. En 2022, 1 250 ordonnances de protection ont été délivrées, contre 980 en 2021.\n\n2. Environ 70 000 victimes ont reçu une aide.",
            None,
            1003,
        )?;
        let series: Vec<Series> = crate::series::auto::auto_series(&own.name, &own.facts)
            .into_iter()
            .map(|a| a.series)
            .collect();
        let view = own_reader(&own, &series, 1003, Lang::En);
        assert_eq!(view.document, 1003);
        assert_eq!(
            (view.report.symbol.as_str(), view.report.link.as_str()),
            ("Passage", "")
        );
        assert_eq!(view.report.date, "reference year 2025");
        // Its text is French, whatever the reader's language.
        assert_eq!(view.text_lang, "fr");
        // Every figure marked once, in text order, the text kept whole.
        let marked: Vec<usize> = view
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { pieces, .. } => Some(pieces),
                Block::Heading { .. } => None,
            })
            .flatten()
            .filter_map(|p| p.figure)
            .collect();
        assert_eq!(marked, (0..own.facts.len()).collect::<Vec<_>>());
        assert_eq!(view.figures.len(), own.facts.len());
        // 1 250 and 980 are the automatic series' points, titled from their subject.
        let linked: Vec<(&str, &str, usize)> = view
            .figures
            .iter()
            .flat_map(|f| {
                f.series
                    .iter()
                    .map(|s| (f.verbatim.as_str(), s.title.as_str(), s.point))
            })
            .collect();
        assert_eq!(
            linked,
            [
                ("1 250", "Ordonnances de protection", 1),
                ("980", "Ordonnances de protection", 0)
            ]
        );
        Ok(())
    }

    #[test]
    fn pieces_survive_bad_ranges() {
        let cut = pieces("é 12 et 34", &[(1, 2, 0), (3, 5, 1), (4, 9, 2), (9, 99, 3)]);
        let text: String = cut.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "é 12 et 34");
        assert_eq!(cut.iter().filter(|p| p.figure.is_some()).count(), 1);
    }
}
