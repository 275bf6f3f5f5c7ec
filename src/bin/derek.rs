//! The `derek` command line: the same core as the widget, for researchers and for
//! measurement. Each subcommand prints JSON Lines (one object per line) or text.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: derek <command> [args]

commands:
  series                     list the series found in the bundled reports
  paragraphs FILE            print the paragraphs of a report, one JSON object a line";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("series") => cmd_series(),
        Some("paragraphs") => match args.get(1) {
            Some(file) => cmd_paragraphs(file),
            None => Err(USAGE.to_string()),
        },
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("derek: {message}");
            ExitCode::FAILURE
        }
    }
}

fn cmd_series() -> Result<(), String> {
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let series = derek::series::domestic_violence_cases(&reports);
    println!("{} ({} points)", series.title_en, series.points.len());
    Ok(())
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
