//! Start-up in steps: each bundled report read as a document in one step and its
//! figures extracted in the next, then the series built, so that a browser can give the page a turn
//! between steps (no main-thread task long enough to freeze the host page) and
//! later steps run code that V8 has optimised in the background meanwhile.
//!
//! Invariant: stepping to the end gives exactly what reading the corpus at once
//! gives (`Corpus::read` then `Catalogue::build`): the same reports, documents
//! and facts in the same order, and the same series.

use crate::corpus::{self, BundledReport, CorpusError};
use crate::document::{self, Document};
use crate::series::catalogue::{Catalogue, CatalogueError};
use crate::series::sourced::{Corpus, SourcedFact};
use crate::series::Series;

/// Why start-up failed: the bundled catalogues disagree (the tests rule it out).
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
}

/// The steps of start-up, which stage each took (for timings), and what they built.
pub struct Startup {
    /// Reports still to read, in reverse catalogue order (the next one is last).
    pending: Vec<BundledReport>,
    /// The report read as a document, its figures not yet extracted.
    parsed: Option<(BundledReport, Document)>,
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
    /// Extracted the figures of the document read last.
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
            parsed: None,
            facts: Vec::new(),
            catalogue: Catalogue::bundled()?,
            series: None,
        })
    }

    /// Does the next step: one report read as a document, or its figures
    /// extracted, then the series built once every report is read.
    pub fn step(&mut self) -> Step {
        if let Some((report, document)) = self.parsed.take() {
            let index = self.reports.len();
            let part = Corpus::from_documents(vec![report], vec![document]);
            self.facts.extend(part.facts.into_iter().map(|mut fact| {
                // The report's place in the whole corpus, not in its one-report part.
                fact.report_index = index;
                fact
            }));
            self.reports.extend(part.reports);
            self.documents.extend(part.documents);
            return Step::Facts;
        }
        if let Some(report) = self.pending.pop() {
            let document = document::parse(report.text);
            self.parsed = Some((report, document));
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

    /// Whether every step is done.
    pub fn is_done(&self) -> bool {
        self.pending.is_empty() && self.parsed.is_none() && self.series.is_some()
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
        let (mut documents, mut reports) = (0, 0);
        loop {
            match startup.step() {
                Step::Document => documents += 1,
                Step::Facts => reports += 1,
                Step::Series => break,
                Step::Done => panic!("done before the series were built"),
            }
        }
        assert!(startup.is_done());
        assert_eq!((documents, reports), (5, 5));
        let stepped = startup.finish();

        let whole = Corpus::read(corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&whole);
        assert_eq!(stepped.corpus.facts.len(), whole.facts.len());
        for (a, b) in stepped.corpus.facts.iter().zip(&whole.facts) {
            assert_eq!(a.report_index, b.report_index);
            assert_eq!(a.report, b.report);
            assert_eq!(a.paragraph, b.paragraph);
            assert_eq!(a.line, b.line);
            assert_eq!(a.sentence, b.sentence);
            assert_eq!(a.fact, b.fact);
        }
        assert_eq!(stepped.series, series);
        let symbols = |c: &Corpus| -> Vec<String> {
            c.reports.iter().map(|r| r.meta.symbol.clone()).collect()
        };
        assert_eq!(symbols(&stepped.corpus), symbols(&whole));
        Ok(())
    }
}
