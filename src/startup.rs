//! Start-up in steps: each bundled report read as a document in one step, its
//! figures extracted a slice of paragraphs at a time in the next ones, then the
//! series built, so that a browser can give the page a turn between steps (no
//! main-thread task long enough to freeze the host page) and later steps run code
//! that V8 has optimised in the background meanwhile.
//!
//! Invariant: stepping to the end gives exactly what reading the corpus at once
//! gives (`Corpus::read` then `Catalogue::build`): the same reports, documents
//! and facts in the same order, and the same series. Slicing a document's
//! paragraphs is sound because no extraction rule crosses a paragraph (see
//! `extract::extract_document`); the test below holds it to that.

use crate::corpus::{self, BundledReport, CorpusError};
use crate::document::{self, Document, Paragraph};
use crate::series::catalogue::{Catalogue, CatalogueError};
use crate::series::sourced::{Corpus, SourcedFact};
use crate::series::Series;

/// Paragraph text extracted per step, in bytes: about 10 ms of work in a browser
/// on a slow machine, far under the 50 ms that makes a task "long".
const SLICE_BYTES: usize = 24_000;

/// Why start-up failed: the bundled catalogues disagree (the tests rule it out).
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
}

/// A report read as a document whose figures are being extracted.
struct Reading {
    report: BundledReport,
    /// The document, its paragraphs moved out into `todo` and `done`.
    document: Document,
    /// Paragraphs still to extract, in reverse order (the next one is last).
    todo: Vec<Paragraph>,
    done: Vec<Paragraph>,
}

/// The steps of start-up and what they built so far.
pub struct Startup {
    /// Reports still to read, in reverse catalogue order (the next one is last).
    pending: Vec<BundledReport>,
    reading: Option<Reading>,
    reports: Vec<BundledReport>,
    documents: Vec<Document>,
    facts: Vec<SourcedFact>,
    catalogue: Catalogue,
    series: Option<Vec<Series>>,
}

/// What a step did, so that a caller can time the stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Read one report as a document.
    Document,
    /// Extracted the figures of a slice of its paragraphs.
    Facts,
    /// Built every series.
    Series,
    /// Nothing was left to do.
    Done,
}

/// Everything start-up builds.
pub struct Started {
    pub corpus: Corpus,
    pub catalogue: Catalogue,
    pub series: Vec<Series>,
}

impl Startup {
    /// The bundled reports and catalogue, nothing read yet.
    pub fn bundled() -> Result<Startup, StartupError> {
        let mut pending = corpus::bundled()?;
        pending.reverse();
        Ok(Startup {
            reports: Vec::with_capacity(pending.len()),
            documents: Vec::with_capacity(pending.len()),
            pending,
            reading: None,
            facts: Vec::new(),
            catalogue: Catalogue::bundled()?,
            series: None,
        })
    }

    /// Does the next step: one report read as a document, or the figures of a
    /// slice of its paragraphs extracted, then the series built once every report
    /// is read.
    pub fn step(&mut self) -> Step {
        if let Some(mut reading) = self.reading.take() {
            self.extract_slice(&mut reading);
            if reading.todo.is_empty() {
                let mut document = reading.document;
                document.paragraphs = reading.done;
                self.reports.push(reading.report);
                self.documents.push(document);
            } else {
                self.reading = Some(reading);
            }
            return Step::Facts;
        }
        if let Some(report) = self.pending.pop() {
            let mut document = document::parse(report.text);
            let mut todo = std::mem::take(&mut document.paragraphs);
            todo.reverse();
            self.reading = Some(Reading {
                report,
                document,
                done: Vec::with_capacity(todo.len()),
                todo,
            });
            return Step::Document;
        }
        if self.series.is_none() {
            let corpus = self.corpus_view();
            self.series = Some(self.catalogue.build(&corpus));
            self.restore(corpus);
            return Step::Series;
        }
        Step::Done
    }

    /// Extracts the figures of the next paragraphs of `reading`, about
    /// [`SLICE_BYTES`] of text (at least one paragraph).
    fn extract_slice(&mut self, reading: &mut Reading) {
        let mut slice = Vec::new();
        let mut bytes = 0;
        while let Some(paragraph) = reading.todo.pop() {
            bytes += paragraph.text.len();
            slice.push(paragraph);
            if bytes >= SLICE_BYTES {
                break;
            }
        }
        // The slice as a document of its own: extraction reads paragraphs only.
        let part = Document {
            layout: reading.document.layout,
            sections: Vec::new(),
            paragraphs: slice,
            furniture: Vec::new(),
        };
        let index = self.reports.len();
        let part = Corpus::from_documents(vec![reading.report.clone()], vec![part]);
        self.facts.extend(part.facts.into_iter().map(|mut fact| {
            // The report's place in the whole corpus, not in its one-report part.
            fact.report_index = index;
            fact
        }));
        for document in part.documents {
            reading.done.extend(document.paragraphs);
        }
    }

    /// Whether every step is done.
    pub fn is_done(&self) -> bool {
        self.pending.is_empty() && self.reading.is_none() && self.series.is_some()
    }

    /// Runs the remaining steps and returns what start-up built.
    pub fn finish(mut self) -> Started {
        while self.step() != Step::Done {}
        Started {
            corpus: Corpus {
                reports: self.reports,
                documents: self.documents,
                facts: self.facts,
            },
            catalogue: self.catalogue,
            series: self.series.unwrap_or_default(),
        }
    }

    /// The reports read so far as a corpus (moved out; see [`Startup::restore`]).
    fn corpus_view(&mut self) -> Corpus {
        Corpus {
            reports: std::mem::take(&mut self.reports),
            documents: std::mem::take(&mut self.documents),
            facts: std::mem::take(&mut self.facts),
        }
    }

    fn restore(&mut self, corpus: Corpus) {
        self.reports = corpus.reports;
        self.documents = corpus.documents;
        self.facts = corpus.facts;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_builds_what_reading_at_once_builds() -> Result<(), StartupError> {
        let mut startup = Startup::bundled()?;
        let (mut documents, mut slices) = (0, 0);
        loop {
            match startup.step() {
                Step::Document => documents += 1,
                Step::Facts => slices += 1,
                Step::Series => break,
                Step::Done => panic!("done before the series were built"),
            }
        }
        assert!(startup.is_done());
        assert_eq!(documents, 5);
        // The reports are cut into several slices each: the test covers slicing.
        assert!(slices > 10, "{slices} slices");
        let stepped = startup.finish();

        let whole = Corpus::read(corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&whole);
        assert_eq!(stepped.corpus.facts.len(), whole.facts.len());
        for (a, b) in stepped.corpus.facts.iter().zip(&whole.facts) {
            assert_eq!(a.report_index, b.report_index);
            assert_eq!(a.report, b.report);
            assert_eq!(a.paragraph, b.paragraph);
            assert_eq!(a.reference, b.reference);
            assert_eq!(a.section, b.section);
            assert_eq!(a.line, b.line);
            assert_eq!(a.sentence, b.sentence);
            assert_eq!(a.sentence_span, b.sentence_span);
            assert_eq!(a.fact, b.fact);
        }
        assert_eq!(stepped.series, series);
        let symbols = |c: &Corpus| -> Vec<String> {
            c.reports.iter().map(|r| r.meta.symbol.clone()).collect()
        };
        assert_eq!(symbols(&stepped.corpus), symbols(&whole));
        for (a, b) in stepped.corpus.documents.iter().zip(&whole.documents) {
            assert_eq!(a.paragraphs, b.paragraphs);
            assert_eq!(a.sections, b.sections);
        }
        Ok(())
    }
}
