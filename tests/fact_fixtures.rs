//! Scores the extractor against the hand-annotated fixtures in
//! `tests/fixtures/facts/`: recall, precision, and year / year_source / qualifier /
//! unit accuracy over matched facts, per report and overall. Prints every miss
//! and spurious fact (run with `--nocapture` to see them when passing).

use derek::corpus::bundled;
use serde_json::Value;
use std::error::Error;
use std::fmt::Write as _;

/// One extracted fact with its line, in the fixture's vocabulary.
#[derive(Debug, Clone)]
struct Got {
    line: usize,
    value: f64,
    verbatim: String,
    unit: String,
    qualifier: String,
    year: String,
    year_source: String,
}

/// One annotated fact.
#[derive(Debug, Clone)]
struct Want {
    line: usize,
    value: f64,
    verbatim: String,
    unit: String,
    qualifier: String,
    year: String,
    year_source: String,
    subject: String,
}

fn as_text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "null".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// The extractor's facts for a report, with 1-based lines of the original file.
fn extract_report(text: &str, reference_year: i32) -> Vec<Got> {
    let doc = derek::document::parse(text);
    derek::extract::extract_document(&doc, Some(reference_year))
        .into_iter()
        .map(|f| Got {
            line: f.line,
            value: f.fact.value,
            verbatim: f.fact.verbatim.clone(),
            unit: as_text(serde_json::to_value(f.fact.unit).ok().as_ref()),
            qualifier: as_text(serde_json::to_value(f.fact.qualifier).ok().as_ref()),
            year: as_text(serde_json::to_value(f.fact.year).ok().as_ref()),
            year_source: as_text(serde_json::to_value(f.fact.year_source).ok().as_ref()),
        })
        .collect()
}

#[derive(Default)]
struct Score {
    wanted: usize,
    got: usize,
    matched: usize,
    year: usize,
    year_source: usize,
    qualifier: usize,
    unit: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.wanted += o.wanted;
        self.got += o.got;
        self.matched += o.matched;
        self.year += o.year;
        self.year_source += o.year_source;
        self.qualifier += o.qualifier;
        self.unit += o.unit;
    }

    fn ratio(n: usize, d: usize) -> f64 {
        if d == 0 {
            1.0
        } else {
            n as f64 / d as f64
        }
    }

    fn recall(&self) -> f64 {
        Self::ratio(self.matched, self.wanted)
    }

    fn precision(&self) -> f64 {
        Self::ratio(self.matched, self.got)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} recall {:.3} ({}/{})  precision {:.3} ({}/{})  year {:.3}  year_source {:.3}  qualifier {:.3}  unit {:.3}",
            self.recall(),
            self.matched,
            self.wanted,
            self.precision(),
            self.matched,
            self.got,
            Self::ratio(self.year, self.matched),
            Self::ratio(self.year_source, self.matched),
            Self::ratio(self.qualifier, self.matched),
            Self::ratio(self.unit, self.matched),
        )
    }
}

fn score_report(
    fixture: &Value,
    text: &str,
    reference_year: i32,
    log: &mut String,
) -> Result<Score, Box<dyn Error>> {
    let paragraphs = fixture["paragraphs"]
        .as_array()
        .ok_or("fixture without paragraphs")?;
    let mut ranges = Vec::new();
    let mut wanted = Vec::new();
    for p in paragraphs {
        let first = p["first_line"].as_u64().ok_or("first_line")? as usize;
        let last = p["last_line"].as_u64().ok_or("last_line")? as usize;
        ranges.push((first, last));
        for f in p["facts"].as_array().ok_or("facts")? {
            wanted.push(Want {
                line: f["line"].as_u64().ok_or("line")? as usize,
                value: f["value"].as_f64().ok_or("value")?,
                verbatim: as_text(f.get("verbatim")),
                unit: as_text(f.get("unit")),
                qualifier: as_text(f.get("qualifier")),
                year: as_text(f.get("year")),
                year_source: as_text(f.get("year_source")),
                subject: as_text(f.get("subject")),
            });
        }
    }
    let got: Vec<Got> = extract_report(text, reference_year)
        .into_iter()
        .filter(|g| ranges.iter().any(|&(a, b)| (a..=b).contains(&g.line)))
        .collect();
    let mut used = vec![false; got.len()];
    let mut score = Score {
        wanted: wanted.len(),
        got: got.len(),
        ..Score::default()
    };
    for w in &wanted {
        let by_value = got
            .iter()
            .enumerate()
            .position(|(i, g)| !used[i] && g.line == w.line && same_value(g.value, w.value));
        let by_text = || {
            got.iter().enumerate().position(|(i, g)| {
                !used[i] && g.line == w.line && normalise(&g.verbatim) == normalise(&w.verbatim)
            })
        };
        match by_value.or_else(by_text) {
            Some(i) => {
                used[i] = true;
                let g = &got[i];
                score.matched += 1;
                let checks = [
                    (g.year == w.year, "year", &g.year, &w.year),
                    (
                        g.year_source == w.year_source,
                        "year_source",
                        &g.year_source,
                        &w.year_source,
                    ),
                    (
                        g.qualifier == w.qualifier,
                        "qualifier",
                        &g.qualifier,
                        &w.qualifier,
                    ),
                    (g.unit == w.unit, "unit", &g.unit, &w.unit),
                ];
                score.year += usize::from(checks[0].0);
                score.year_source += usize::from(checks[1].0);
                score.qualifier += usize::from(checks[2].0);
                score.unit += usize::from(checks[3].0);
                for (ok, field, g, w_) in checks {
                    if !ok {
                        let _ = writeln!(
                            log,
                            "  WRONG {field:<11} line {:>4} {:>14} «{}»: got {g}, want {w_}",
                            w.line, w.value, w.verbatim
                        );
                    }
                }
            }
            None => {
                let _ = writeln!(
                    log,
                    "  MISS     line {:>4} {:>14} «{}» {} {} {} ({})",
                    w.line, w.value, w.verbatim, w.unit, w.qualifier, w.year, w.subject
                );
            }
        }
    }
    for (g, u) in got.iter().zip(&used) {
        if !u {
            let _ = writeln!(
                log,
                "  SPURIOUS line {:>4} {:>14} «{}» {} {} {}",
                g.line, g.value, g.verbatim, g.unit, g.qualifier, g.year
            );
        }
    }
    Ok(score)
}

#[test]
fn extractor_matches_the_annotated_fixtures() -> Result<(), Box<dyn Error>> {
    let reports = bundled()?;
    let mut total = Score::default();
    let mut summary = String::new();
    for (i, report) in reports.iter().enumerate() {
        let path = format!(
            "{}/tests/fixtures/facts/{i:03}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        assert_eq!(
            fixture["report"].as_str(),
            Some(report.meta.file.as_str()),
            "{path} annotates another report"
        );
        let year = fixture["reference_year"]
            .as_i64()
            .map(|y| y as i32)
            .unwrap_or(report.meta.reference_year);
        let mut log = String::new();
        let s = score_report(&fixture, report.text, year, &mut log)?;
        eprintln!("== {}\n{log}", report.meta.file);
        let _ = writeln!(summary, "{}", s.line(&report.meta.file));
        total.add(&s);
    }
    let _ = writeln!(summary, "{}", total.line("overall"));
    eprintln!("{summary}");
    assert!(
        total.recall() >= 0.95,
        "recall {:.3} below 0.95",
        total.recall()
    );
    assert!(
        total.precision() >= 0.95,
        "precision {:.3} below 0.95",
        total.precision()
    );
    Ok(())
}
