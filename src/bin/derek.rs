//! The `derek` command line: the same core as the widget, for researchers and for
//! measurement. Each subcommand prints JSON Lines (one object per line) or text.

use derek::i18n::Lang;
use lexopt::ValueExt;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: derek <command> [args]

commands:
  series [--json]            the catalogued series and their points (text, or JSON Lines)
  series --auto FILE... [--json]
                             the series found automatically in any report files (not
                             reviewed: found_automatically true), same form
  chart ID --svg FILE [--lang fr|en|ru|kk] [--theme light|dark] [--axis zero|fit] [--width PX]
                             draw a series to an SVG file
  candidates                 groups of dated facts (two or more years) that no series holds yet,
                             with their sentences, and the share of dated facts in a series
  facts                      print every fact of the bundled reports with its source, JSON Lines
  paragraphs FILE            print the paragraphs of a report, one JSON object a line
  extract FILE [--reference-year YYYY]
                             print the facts of a report, one JSON object a line
                             (a bundled report's reference year by default, else the
                             year its cover states, said on stderr); flattened tables
                             (a row of years, a label, a value a line) read cell by cell";

fn main() -> ExitCode {
    match run(lexopt::Parser::from_env()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("derek: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What went wrong with the arguments, and what is accepted instead.
fn wrong(err: lexopt::Error, accepted: &str) -> String {
    format!(
        "{err}
usage: derek {accepted}
(`derek --help` lists every command)"
    )
}

fn run(mut args: lexopt::Parser) -> Result<(), String> {
    use lexopt::Arg::{Long, Short, Value};
    let command = match args.next().map_err(|e| wrong(e, "<command> [args]"))? {
        Some(Value(command)) => command.string().map_err(|e| wrong(e, "<command>"))?,
        Some(Short('h') | Long("help")) => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(wrong(other.unexpected(), "<command> [args]")),
        None => return Err(USAGE.to_string()),
    };
    match command.as_str() {
        "series" => {
            const ACCEPTED: &str = "series [--json] | series --auto FILE... [--json]";
            let (mut json, mut auto) = (false, false);
            let mut files = Vec::new();
            while let Some(arg) = args.next().map_err(|e| wrong(e, ACCEPTED))? {
                match arg {
                    Long("json") => json = true,
                    Long("auto") => auto = true,
                    Value(f) => files.push(path(f)?),
                    other => return Err(wrong(other.unexpected(), ACCEPTED)),
                }
            }
            match (auto, files.is_empty()) {
                (true, true) => Err(format!(
                    "series --auto needs report files\nusage: derek {ACCEPTED}"
                )),
                (true, false) => cmd_series_auto(&files, json),
                // Files without --auto: the catalogued series read no files.
                (false, false) => Err(format!(
                    "series reads files only with --auto: {}\nusage: derek {ACCEPTED}",
                    files.join(" ")
                )),
                (false, true) => cmd_series(json),
            }
        }
        "chart" => cmd_chart(&mut args),
        "facts" => {
            if let Some(arg) = args.next().map_err(|e| wrong(e, "facts"))? {
                return Err(wrong(arg.unexpected(), "facts"));
            }
            cmd_facts()
        }
        "paragraphs" => {
            const ACCEPTED: &str = "paragraphs FILE";
            let mut file = None;
            while let Some(arg) = args.next().map_err(|e| wrong(e, ACCEPTED))? {
                match arg {
                    Value(f) if file.is_none() => file = Some(path(f)?),
                    other => return Err(wrong(other.unexpected(), ACCEPTED)),
                }
            }
            cmd_paragraphs(
                &file.ok_or_else(|| format!("a FILE is needed\nusage: derek {ACCEPTED}"))?,
            )
        }
        "candidates" => {
            if let Some(arg) = args.next().map_err(|e| wrong(e, "candidates"))? {
                return Err(wrong(arg.unexpected(), "candidates"));
            }
            cmd_candidates()
        }
        "extract" => cmd_extract(&mut args),
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}

/// A file argument as a string (Derek names files in its messages).
fn path(value: std::ffi::OsString) -> Result<String, String> {
    value
        .into_string()
        .map_err(|v| format!("the file name {v:?} is not valid UTF-8"))
}

fn bundled_series() -> Result<Vec<derek::series::Series>, String> {
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let corpus = derek::series::sourced::Corpus::read(reports);
    let catalogue = derek::series::catalogue::Catalogue::bundled().map_err(|e| e.to_string())?;
    Ok(catalogue.build(&corpus))
}

fn cmd_series(json: bool) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for series in bundled_series()? {
        if json {
            let line = series_json(&series)?;
            writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))?;
        } else {
            write_series(&mut out, &series)?;
        }
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))
}

/// `derek series --auto FILE… [--json]`: each file read as a report brought by a
/// reader (its reference year from its cover), its series found automatically.
fn cmd_series_auto(files: &[String], json: bool) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (index, file) in files.iter().enumerate() {
        let text = read_report(file)?;
        let name = std::path::Path::new(file.as_str())
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file);
        // A bundled report keeps its symbol and catalogued year: the ids are the
        // ones the widget embeds (`auto-cat-c-kaz-3-1`).
        let bundled = derek::corpus::bundled()
            .ok()
            .and_then(|reports| reports.into_iter().find(|r| r.meta.file == name));
        let (name, year) = match &bundled {
            Some(r) => (r.meta.symbol.as_str(), Some(r.meta.reference_year)),
            None => (name, None),
        };
        let own = derek::series::own::OwnReport::read(name, &text, year, index)
            .map_err(|e| format!("{file}: {e}"))?;
        let found = derek::series::auto::auto_series(&own.name, &own.facts);
        if !json {
            let year = own.reference_year.map_or_else(
                || "no reference year".to_string(),
                |y| format!("reference year {y}"),
            );
            writeln!(
                out,
                "{file}: {} series found automatically (not reviewed), {} facts, {year}",
                found.len(),
                own.facts.len()
            )
            .map_err(|e| format!("cannot write: {e}"))?;
        }
        for auto in &found {
            if json {
                // The fields of `derek series --json` (titles and definitions
                // included), and what marks it as found automatically.
                let mut value = series_value(&auto.series)?;
                if let Some(object) = value.as_object_mut() {
                    object.insert(
                        "found_automatically".into(),
                        auto.found_automatically.into(),
                    );
                    object.insert("label".into(), auto.label.clone().into());
                }
                writeln!(out, "{value}").map_err(|e| format!("cannot write: {e}"))?;
            } else {
                write_series(&mut out, &auto.series)?;
            }
        }
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))
}

/// A series as `derek series --json` prints it: its fields, with its titles and
/// definitions in the reports' language and in English, as the fields
/// `title_fr`, `title_en`, `definition_fr`, `definition_en` it has always had
/// (from the string tables, or from the texts a series found automatically
/// carries; `data/i18n/` holds every language).
fn series_value(series: &derek::series::Series) -> Result<serde_json::Value, String> {
    let mut value = serde_json::to_value(series).map_err(|e| e.to_string())?;
    if let Some(object) = value.as_object_mut() {
        for lang in [Lang::Fr, Lang::En] {
            for field in ["title", "definition"] {
                let text = series.text(lang, field).unwrap_or_default();
                object.insert(format!("{field}_{}", lang.code()), text.into());
            }
        }
    }
    Ok(value)
}

/// One line of `derek series --json`.
fn series_json(series: &derek::series::Series) -> Result<String, String> {
    series_value(series).map(|v| v.to_string())
}

/// A series and its points as text, one point a line.
fn write_series(out: &mut impl Write, series: &derek::series::Series) -> Result<(), String> {
    writeln!(
        out,
        "{:<36} {:>3} points  {}",
        series.id,
        series.points.len(),
        series.title(Lang::En)
    )
    .and_then(|()| {
        series.points.iter().try_for_each(|p| {
            let mut key = match &p.key {
                derek::series::Key::Year { year } => year.to_string(),
                derek::series::Key::Category { category } => category.clone(),
            };
            // A part-year figure says its months; the first point of a new
            // definition says so.
            if let Some(period) = p.period {
                key = format!("{key} [{}]", period.iso());
            }
            if let Some(b) = &p.series_break {
                key = format!("{key} [break from {}]", b.from);
            }
            writeln!(
                out,
                "    {key:<24} {:>14} {:<10} {:<8} {}{} {}, {} (l. {})",
                p.value,
                serde_json::to_value(p.qualifier)
                    .unwrap_or_default()
                    .as_str()
                    .unwrap_or(""),
                serde_json::to_value(p.year_source)
                    .unwrap_or_default()
                    .as_str()
                    .unwrap_or(""),
                if p.conflict { "CONFLICT " } else { "" },
                p.verbatim,
                p.report,
                p.reference,
                p.line
            )
        })
    })
    .map_err(|e| format!("cannot write: {e}"))
}

fn cmd_chart(args: &mut lexopt::Parser) -> Result<(), String> {
    use lexopt::Arg::{Long, Value};
    const ACCEPTED: &str =
        "chart ID --svg FILE [--lang fr|en|ru|kk] [--theme light|dark] [--axis zero|fit] [--width PX]";
    let mut style = derek::chart::ChartStyle::default();
    let mut width = 800;
    let mut out = None;
    let mut id = None;
    let value = |args: &mut lexopt::Parser| -> Result<String, String> {
        args.value()
            .map_err(|e| wrong(e, ACCEPTED))?
            .string()
            .map_err(|e| wrong(e, ACCEPTED))
    };
    while let Some(arg) = args.next().map_err(|e| wrong(e, ACCEPTED))? {
        match arg {
            Long("svg") => out = Some(value(args)?),
            Long("lang") => {
                let v = value(args)?;
                style.lang = Lang::ALL
                    .into_iter()
                    .find(|l| l.code() == v)
                    .ok_or_else(|| format!("--lang takes fr, en, ru or kk, not {v:?}"))?
            }
            Long("theme") => {
                let v = value(args)?;
                if !matches!(v.as_str(), "light" | "dark") {
                    return Err(format!("--theme takes light or dark, not {v:?}"));
                }
                style.theme = derek::chart::Theme::from_code(&v)
            }
            Long("axis") => {
                let v = value(args)?;
                style.fit_axis = match v.as_str() {
                    "fit" => true,
                    "zero" => false,
                    _ => return Err(format!("--axis takes zero or fit, not {v:?}")),
                }
            }
            Long("width") => {
                let v = value(args)?;
                width = v
                    .parse()
                    .map_err(|_| format!("--width takes pixels, not {v:?}"))?
            }
            Value(v) if id.is_none() => id = Some(path(v)?),
            other => return Err(wrong(other.unexpected(), ACCEPTED)),
        }
    }
    let id = id.ok_or_else(|| format!("chart needs a series id\nusage: derek {ACCEPTED}"))?;
    let out = out.ok_or("chart needs --svg FILE")?;
    let series = bundled_series()?
        .into_iter()
        .find(|s| s.id == *id)
        .ok_or_else(|| format!("no series with id {id:?} (try `derek series`)"))?;
    let svg = derek::chart::svg(&series, &style, width).map_err(|e| e.to_string())?;
    std::fs::write(&out, svg).map_err(|e| format!("cannot write {out}: {e}"))
}

/// One line of `derek paragraphs`, fields in this order.
#[derive(serde::Serialize)]
struct ParagraphLine<'a> {
    id: &'a str,
    label: &'a str,
    section: Option<&'a str>,
    first_line: usize,
    last_line: usize,
    text: &'a str,
}

fn cmd_paragraphs(file: &str) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{file} is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let document = derek::document::parse(&text);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = document.paragraphs.iter().try_for_each(|p| {
        let line = ParagraphLine {
            id: &p.id,
            label: &p.label,
            section: p.section.as_deref(),
            first_line: p.first_line,
            last_line: p.last_line,
            text: &p.text,
        };
        serde_json::to_writer(&mut out, &line).map_err(std::io::Error::from)?;
        writeln!(out)
    });
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // `derek paragraphs FILE | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write: {e}")),
    }
}

/// Reads a report file as UTF-8 text; a clear error naming the file otherwise.
fn read_report(file: &str) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    if bytes.contains(&0) {
        return Err(format!("{file} is a binary file, not a text report"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{file} is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// One line of `derek extract`: exactly these fields, in this order.
#[derive(serde::Serialize)]
struct FactLine<'a> {
    line: usize,
    value: serde_json::Value,
    verbatim: &'a str,
    unit: derek::extract::Unit,
    qualifier: derek::extract::Qualifier,
    year: Option<derek::extract::Year>,
    year_source: Option<derek::extract::YearSource>,
    subject: &'a str,
    paragraph: &'a str,
}

/// A number as JSON: an integer when it is one.
fn json_number(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

fn cmd_extract(args: &mut lexopt::Parser) -> Result<(), String> {
    use lexopt::Arg::{Long, Value};
    const ACCEPTED: &str = "extract FILE [--reference-year YYYY]";
    let mut file: Option<String> = None;
    let mut reference_year: Option<i32> = None;
    while let Some(arg) = args.next().map_err(|e| wrong(e, ACCEPTED))? {
        match arg {
            Long("reference-year") => {
                let y = args
                    .value()
                    .map_err(|e| wrong(e, ACCEPTED))?
                    .string()
                    .map_err(|e| wrong(e, ACCEPTED))?;
                reference_year = Some(
                    y.parse()
                        .map_err(|_| format!("--reference-year wants a year, not {y:?}"))?,
                );
            }
            Value(f) if file.is_none() => file = Some(path(f)?),
            other => return Err(wrong(other.unexpected(), ACCEPTED)),
        }
    }
    let file = file.ok_or_else(|| format!("a FILE is needed\nusage: derek {ACCEPTED}"))?;
    let file = file.as_str();
    let text = read_report(file)?;
    // The period a bundled report covers dates "au cours de la période considérée".
    let mut period = None;
    if reference_year.is_none() {
        // A bundled report (matched by file name) speaks from its catalogued year.
        let name = std::path::Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file);
        if let Ok(reports) = derek::corpus::bundled() {
            if let Some(r) = reports.iter().find(|r| r.meta.file == name) {
                reference_year = Some(r.meta.reference_year);
                period =
                    derek::extract::Dating::of_report(r.meta.reference_year, &r.meta.period).period;
            }
        }
    }
    if reference_year.is_none() {
        // Any other report speaks from the year its cover or introduction states.
        match derek::document::cover::reference_year(&text) {
            Some(date) => {
                eprintln!(
                    "derek: reference year {} read from {} (line {}: « {} »); \
                     --reference-year overrides it",
                    date.year,
                    date.source.describe(Lang::En),
                    date.line,
                    date.text
                );
                reference_year = Some(date.year);
            }
            None => eprintln!(
                "derek: no reference year on the cover of {file}: figures stated without \
                 a year are left undated (give --reference-year YYYY)"
            ),
        }
    }
    if period.is_none() {
        // "Au cours de la période considérée" dates by the period the cover states.
        period = derek::document::cover::period_covered(&text)
            .map(|(first, last)| derek::extract::Year::Period(first, last));
    }
    let document = derek::document::parse(&text);
    let dating = derek::extract::Dating {
        reference_year,
        period,
    };
    let facts = derek::extract::table::extract_report_dated(&text, &document, &dating);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for f in &facts {
        let line = FactLine {
            line: f.line,
            value: json_number(f.fact.value),
            verbatim: &f.fact.verbatim,
            unit: f.fact.unit,
            qualifier: f.fact.qualifier,
            year: f.fact.year,
            year_source: f.fact.year_source,
            subject: &f.fact.subject,
            paragraph: &f.paragraph,
        };
        let json = serde_json::to_string(&line).map_err(|e| format!("cannot encode: {e}"))?;
        writeln!(out, "{json}").map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))
}

fn cmd_facts() -> Result<(), String> {
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let corpus = derek::series::sourced::Corpus::read(reports);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for fact in &corpus.facts {
        let json = serde_json::to_string(fact).map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))
}

/// `derek candidates`: what the catalogue leaves out, for a person to judge.
fn cmd_candidates() -> Result<(), String> {
    use derek::series::candidates;
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let corpus = derek::series::sourced::Corpus::read(reports);
    let catalogue = derek::series::catalogue::Catalogue::bundled().map_err(|e| e.to_string())?;
    let held = candidates::in_series(&catalogue, &corpus.facts);
    let found = candidates::candidates(&corpus.facts, &held);
    let coverage = candidates::coverage(&corpus.facts, &held);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let name = |v: serde_json::Result<serde_json::Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let written = (|| -> std::io::Result<()> {
        for c in &found {
            let years: Vec<String> = c.years().iter().map(i32::to_string).collect();
            writeln!(
                out,
                "== {} ({}): {} facts, years {}",
                if c.label.is_empty() {
                    "(no subject)"
                } else {
                    &c.label
                },
                name(serde_json::to_value(c.unit)),
                c.facts.len(),
                years.join(", ")
            )?;
            let mut sentences: Vec<&str> = Vec::new();
            for f in &c.facts {
                let year = f.fact.year.map(|y| match y {
                    derek::extract::Year::Single(y) => y.to_string(),
                    derek::extract::Year::Period(a, b) => format!("{a}-{b}"),
                });
                writeln!(
                    out,
                    "   {:<6} {:>14} {:<10} {:<8} {}, {} (l. {})",
                    year.unwrap_or_default(),
                    f.fact.verbatim,
                    name(serde_json::to_value(f.fact.qualifier)),
                    name(serde_json::to_value(f.fact.year_source)),
                    f.report,
                    f.reference,
                    f.line
                )?;
                if !sentences.contains(&&*f.sentence) {
                    sentences.push(&f.sentence);
                }
            }
            for s in sentences {
                writeln!(
                    out,
                    "   « {} »",
                    s.split_whitespace().collect::<Vec<_>>().join(" ")
                )?;
            }
        }
        writeln!(
            out,
            "{} candidates; {} of {} dated facts ({:.1} %) belong to a series",
            found.len(),
            coverage.in_series,
            coverage.dated,
            coverage.percent()
        )?;
        out.flush()
    })();
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write: {e}")),
    }
}
