//! Start-up in steps: each bundled report read as a document in one step, then
//! their figures extracted a slice of paragraphs at a time, then the series
//! built, so that a browser can give the page a turn between steps (no
//! main-thread task long enough to freeze the host page) and later steps run code
//! that V8 has optimised in the background meanwhile.
//!
//! A page's first chart does not wait for all of it: [`Startup::glance`] builds
//! one series (in pieces, [`Startup::prepare`]) from the paragraphs that can hold its figures
//! ([`crate::series::catalogue::SeriesDef::could_select`]), and the steps then skip the paragraphs it read.
//!
//! Invariant: stepping to the end gives exactly what reading the corpus at once
//! gives (`Corpus::read` then `Catalogue::build`): the same reports, documents
//! and facts in the same order, and the same series, whatever glances came
//! between the steps; and a glance at a series is that series as the whole
//! reading builds it. Extracting any subset of a document's paragraphs is sound
//! because no extraction rule crosses a paragraph (see
//! `extract::extract_document`); the tests below hold it to that.

use crate::corpus::{self, BundledReport, CorpusError};
use crate::document::{self, Document};
use crate::series::catalogue::{fold, Catalogue, CatalogueError};
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

/// The steps of start-up and what they built so far.
pub struct Startup {
    /// Reports still to read, in reverse catalogue order (the next one is last).
    pending: Vec<BundledReport>,
    /// Reports read as documents, in catalogue order.
    reports: Vec<BundledReport>,
    documents: Vec<Document>,
    /// The facts of each paragraph (`extracted[r][p]`: report `r`, paragraph
    /// `p`), once extracted, by a step or a glance.
    extracted: Vec<Vec<Option<Vec<SourcedFact>>>>,
    /// The next paragraph the steps extract: (report, paragraph).
    cursor: (usize, usize),
    catalogue: Catalogue,
    /// Every fact in corpus order, gathered once every paragraph is extracted.
    facts: Vec<SourcedFact>,
    series: Option<Vec<Series>>,
    /// The glances under way or done: the paragraphs each picked, per report.
    glancing: Vec<Glancing>,
}

/// A glance at one series: the paragraphs that can hold its figures, for each
/// report scanned so far (in order).
struct Glancing {
    id: String,
    wanted: Vec<Vec<usize>>,
    /// The next report's paragraphs that can hold its figures, picked but not
    /// all read yet.
    picked: Option<Vec<usize>>,
}

/// What a step did, so that a caller can time the stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Read one report as a document.
    Document,
    /// Extracted the figures of a slice of paragraphs.
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
            extracted: Vec::with_capacity(pending.len()),
            pending,
            cursor: (0, 0),
            catalogue: Catalogue::bundled()?,
            facts: Vec::new(),
            series: None,
            glancing: Vec::new(),
        })
    }

    /// Does the next step: one report read as a document, or the figures of a
    /// slice of paragraphs extracted, then the series built once every
    /// paragraph is.
    pub fn step(&mut self) -> Step {
        if self.read_next() {
            return Step::Document;
        }
        if self.extract_slice() {
            return Step::Facts;
        }
        if self.series.is_none() {
            self.facts = self
                .extracted
                .iter_mut()
                .flat_map(|paragraphs| paragraphs.iter_mut())
                .flat_map(|facts| facts.take().unwrap_or_default())
                .collect();
            let corpus = self.corpus_view();
            self.series = Some(self.catalogue.build(&corpus));
            self.restore(corpus);
            return Step::Series;
        }
        Step::Done
    }

    /// Does one piece of the work a glance at series `id` needs: reads one report
    /// still unread, or picks the paragraphs of one report that can hold the
    /// series' figures and extracts those no step has; true while work is left.
    /// A page calls it once a task until false, then [`Startup::glance`], so that
    /// no task of its first chart runs long. False at once for an id the
    /// catalogue does not have, or once the series are built.
    pub fn prepare(&mut self, id: &str) -> bool {
        if self.series.is_some() || self.catalogue.definition(id).is_none() {
            return false;
        }
        let k = match self.glancing.iter().position(|g| g.id == id) {
            Some(k) => k,
            None => {
                self.glancing.push(Glancing {
                    id: id.to_string(),
                    wanted: Vec::new(),
                    picked: None,
                });
                self.glancing.len() - 1
            }
        };
        let Some((r, picked)) = self
            .glancing
            .get_mut(k)
            .map(|g| (g.wanted.len(), g.picked.take()))
        else {
            return false;
        };
        let Some(picked) = picked else {
            // Reports are read in order, so that each keeps its place in the corpus:
            // reading the next one is a piece.
            if r >= self.reports.len() {
                return self.read_next();
            }
            // Picking its paragraphs (folding each) is the next.
            let (Some(def), Some(report), Some(document)) = (
                self.catalogue.definition(id),
                self.reports.get(r),
                self.documents.get(r),
            ) else {
                return false;
            };
            let paragraphs = document
                .paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| def.could_select(&report.meta.symbol, &p.id, &fold(&p.text)))
                .map(|(i, _)| i)
                .collect();
            if let Some(glancing) = self.glancing.get_mut(k) {
                glancing.picked = Some(paragraphs);
            }
            return true;
        };
        // Then reading them, a slice at a time like the steps: no piece runs long.
        let mut todo = Vec::new();
        let mut bytes = 0;
        for &p in &picked {
            if bytes >= SLICE_BYTES {
                break;
            }
            if self.facts_of(r, p).is_none() {
                bytes += self.text_len(r, p);
                todo.push(p);
            }
        }
        self.extract(r, &todo);
        let done = picked.iter().all(|&p| self.facts_of(r, p).is_some());
        if let Some(glancing) = self.glancing.get_mut(k) {
            if done {
                glancing.wanted.push(picked);
            } else {
                glancing.picked = Some(picked);
            }
        }
        true
    }

    /// Series `id` of the catalogue as the whole reading builds it, built now from
    /// the paragraphs that can hold its figures (doing what [`Startup::prepare`]
    /// has not done yet): what a page's first chart needs, in a fraction of
    /// start-up's time. `None` for an id the catalogue does not have, or once the
    /// series are built (use them).
    pub fn glance(&mut self, id: &str) -> Option<Series> {
        while self.prepare(id) {}
        if self.series.is_some() {
            return None;
        }
        let def = self.catalogue.definition(id)?;
        let glancing = self.glancing.iter().find(|g| g.id == id)?;
        let facts: Vec<SourcedFact> = glancing
            .wanted
            .iter()
            .enumerate()
            .flat_map(|(r, paragraphs)| paragraphs.iter().map(move |&p| (r, p)))
            .filter_map(|(r, p)| self.facts_of(r, p))
            .flatten()
            .cloned()
            .collect();
        // Building reads the reports (their reference years) and the facts only.
        let corpus = Corpus {
            reports: self.reports.clone(),
            documents: Vec::new(),
            facts,
        };
        Some(def.build(&corpus))
    }

    /// Reads the next pending report as a document; false when none is left.
    fn read_next(&mut self) -> bool {
        let Some(report) = self.pending.pop() else {
            return false;
        };
        let document = document::parse(report.text);
        self.extracted.push(vec![None; document.paragraphs.len()]);
        self.documents.push(document);
        self.reports.push(report);
        true
    }

    /// The length of paragraph `p` of report `r`'s text, in bytes (0 if none).
    fn text_len(&self, r: usize, p: usize) -> usize {
        self.documents
            .get(r)
            .and_then(|d| d.paragraphs.get(p))
            .map_or(0, |paragraph| paragraph.text.len())
    }

    /// The facts of paragraph `p` of report `r`, if extracted.
    fn facts_of(&self, r: usize, p: usize) -> Option<&Vec<SourcedFact>> {
        self.extracted.get(r)?.get(p)?.as_ref()
    }

    /// Extracts the figures of the next paragraphs not yet extracted, about
    /// [`SLICE_BYTES`] of text (at least one paragraph) of one report; false when
    /// every paragraph is.
    fn extract_slice(&mut self) -> bool {
        let mut todo = Vec::new();
        let mut bytes = 0;
        while bytes < SLICE_BYTES {
            let (r, p) = self.cursor;
            let Some(paragraphs) = self.extracted.get(r) else {
                break;
            };
            if p >= paragraphs.len() {
                if !todo.is_empty() {
                    break;
                }
                self.cursor = (r + 1, 0);
                continue;
            }
            self.cursor.1 += 1;
            if paragraphs.get(p).is_some_and(Option::is_none) {
                bytes += self.text_len(r, p);
                todo.push(p);
            }
        }
        if todo.is_empty() {
            return false;
        }
        self.extract(self.cursor.0, &todo);
        true
    }

    /// Extracts the figures of paragraphs `todo` (indices, ascending) of report
    /// `r`, storing each paragraph's facts.
    fn extract(&mut self, r: usize, todo: &[usize]) {
        let (Some(report), Some(document)) = (self.reports.get(r), self.documents.get(r)) else {
            return;
        };
        if todo.is_empty() {
            return;
        }
        // The paragraphs as a document of their own: extraction reads paragraphs only.
        let part = Document {
            layout: document.layout,
            sections: Vec::new(),
            paragraphs: todo
                .iter()
                .filter_map(|&p| document.paragraphs.get(p).cloned())
                .collect(),
            furniture: Vec::new(),
        };
        let part = Corpus::from_documents(vec![report.clone()], vec![part]);
        let Some(slots) = self.extracted.get_mut(r) else {
            return;
        };
        for &p in todo {
            if let Some(slot) = slots.get_mut(p) {
                *slot = Some(Vec::new());
            }
        }
        // Facts come in paragraph order, each naming its paragraph's (unique) id.
        let mut at = todo.iter().copied().peekable();
        for mut fact in part.facts {
            fact.report_index = r;
            while let Some(&p) = at.peek() {
                if document
                    .paragraphs
                    .get(p)
                    .is_some_and(|x| x.id == fact.paragraph)
                {
                    break;
                }
                at.next();
            }
            if let Some(Some(facts)) = at.peek().and_then(|&p| slots.get_mut(p)) {
                facts.push(fact);
            }
        }
    }

    /// Whether every step is done.
    pub fn is_done(&self) -> bool {
        self.pending.is_empty() && self.series.is_some()
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

    /// Every catalogued series, glanced at from a fresh start-up, is the series
    /// the whole reading builds: the paragraphs a glance leaves unread hold none
    /// of its facts.
    #[test]
    fn a_glance_builds_the_series_the_whole_reading_builds() -> Result<(), StartupError> {
        let whole = Corpus::read(corpus::bundled()?);
        let catalogue = Catalogue::bundled()?;
        let series = catalogue.build(&whole);
        assert!(series.len() > 40);
        let mut shares = Vec::new();
        for expected in &series {
            let mut startup = Startup::bundled()?;
            let glanced = startup.glance(&expected.id);
            assert_eq!(glanced.as_ref(), Some(expected), "{}", expected.id);
            // The share of the reports' paragraph text whose figures it extracted.
            let (mut read, mut all) = (0, 0);
            for (slots, document) in startup.extracted.iter().zip(&startup.documents) {
                for (slot, paragraph) in slots.iter().zip(&document.paragraphs) {
                    all += paragraph.text.len();
                    read += if slot.is_some() {
                        paragraph.text.len()
                    } else {
                        0
                    };
                }
            }
            shares.push(read as f64 / all.max(1) as f64);
        }
        shares.sort_by(f64::total_cmp);
        let median = shares.get(shares.len() / 2).copied().unwrap_or(1.0);
        let most = shares.last().copied().unwrap_or(1.0);
        // `cargo test --lib startup -- --nocapture` prints them (README, "Size and speed").
        println!(
            "a glance extracts {:.1} % of the text (median), {:.1} % at most",
            median * 100.0,
            most * 100.0
        );
        // Most series are found in a small part of the reports.
        assert!(median < 0.2, "median share {median}");
        assert!(Startup::bundled()?.glance("no_such_series").is_none());
        Ok(())
    }

    /// Glances between steps change nothing the steps build.
    #[test]
    fn glances_between_steps_change_nothing() -> Result<(), StartupError> {
        let whole = Corpus::read(corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&whole);
        let mut startup = Startup::bundled()?;
        let mut glanced = 0;
        for (k, expected) in series.iter().enumerate().step_by(7) {
            for _ in 0..k % 5 + 1 {
                startup.step();
            }
            if let Some(glance) = startup.glance(&expected.id) {
                assert_eq!(&glance, expected);
                glanced += 1;
            }
        }
        assert!(glanced >= 3, "{glanced} glances");
        let stepped = startup.finish();
        assert_eq!(stepped.corpus.facts.len(), whole.facts.len());
        for (a, b) in stepped.corpus.facts.iter().zip(&whole.facts) {
            assert_eq!(
                (a.report_index, &a.paragraph, &a.fact),
                (b.report_index, &b.paragraph, &b.fact)
            );
        }
        assert_eq!(stepped.series, series);
        Ok(())
    }

    /// Two charts preparing their glances in turns (a task each) both finish,
    /// each with its series, in at most one piece per report read and scanned.
    #[test]
    fn glances_prepared_in_turns_both_finish() -> Result<(), StartupError> {
        let whole = Corpus::read(corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&whole);
        let (Some(a), Some(b)) = (series.first(), series.last()) else {
            panic!("no series");
        };
        let mut startup = Startup::bundled()?;
        let (mut more_a, mut more_b, mut pieces) = (true, true, 0);
        while more_a || more_b {
            more_a = more_a && startup.prepare(&a.id);
            more_b = more_b && startup.prepare(&b.id);
            pieces += 1;
            // A report read, its paragraphs picked, then read a slice at a time.
            assert!(pieces <= 40, "{pieces} turns");
        }
        assert_eq!(startup.glance(&a.id).as_ref(), Some(a));
        assert_eq!(startup.glance(&b.id).as_ref(), Some(b));
        assert!(!startup.prepare("no_such_series"));
        Ok(())
    }

    /// A glance's pieces read about a slice of text each, as the steps do: the
    /// series whose paragraphs are the most text is read in several pieces.
    #[test]
    fn no_glance_piece_reads_more_than_a_slice() -> Result<(), StartupError> {
        let read = |s: &Startup| -> usize {
            s.extracted
                .iter()
                .zip(&s.documents)
                .flat_map(|(slots, d)| slots.iter().zip(&d.paragraphs))
                .filter(|(slot, _)| slot.is_some())
                .map(|(_, p)| p.text.len())
                .sum()
        };
        let mut most = 0;
        for def in &Catalogue::bundled()?.series {
            let mut startup = Startup::bundled()?;
            let mut before = 0;
            while startup.prepare(&def.id) {
                let after = read(&startup);
                let longest = startup
                    .documents
                    .iter()
                    .flat_map(|d| &d.paragraphs)
                    .map(|p| p.text.len())
                    .max()
                    .unwrap_or(0);
                assert!(
                    after - before < SLICE_BYTES + longest,
                    "{}: {}",
                    def.id,
                    after - before
                );
                most = most.max(after - before);
                before = after;
            }
        }
        assert!(most > SLICE_BYTES / 2, "{most}");
        Ok(())
    }
}
