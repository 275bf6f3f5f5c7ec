//! The `derek` command line: the same core as the widget, for researchers and for
//! measurement. Each subcommand prints JSON Lines (one object per line) or text.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: derek <command> [args]

commands:
  series                     list the series found in the bundled reports
  chart ID --svg FILE [--lang fr|en] [--theme light|dark] [--width PX]
                             draw a series to an SVG file
  paragraphs FILE            print the paragraphs of a report, one JSON object a line";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("series") => cmd_series(),
        Some("chart") => cmd_chart(&args[1..]),
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

fn cmd_chart(args: &[String]) -> Result<(), String> {
    let (id, rest) = args.split_first().ok_or("chart needs a series id")?;
    let mut style = derek::chart::ChartStyle::default();
    let mut width = 800;
    let mut out = None;
    let mut options = rest.iter();
    while let Some(flag) = options.next() {
        let value = options
            .next()
            .ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--svg" => out = Some(value.clone()),
            "--lang" => style.lang = derek::chart::Lang::from_code(value),
            "--theme" => style.theme = derek::chart::Theme::from_code(value),
            "--width" => {
                width = value
                    .parse()
                    .map_err(|_| format!("--width takes pixels, not {value:?}"))?
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let out = out.ok_or("chart needs --svg FILE")?;
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let series = derek::series::domestic_violence_cases(&reports);
    if series.id != *id {
        return Err(format!("no series with id {id:?} (try `derek series`)"));
    }
    let svg = derek::chart::svg(&series, &style, width).map_err(|e| e.to_string())?;
    std::fs::write(&out, svg).map_err(|e| format!("cannot write {out}: {e}"))
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
    for p in &document.paragraphs {
        let line = serde_json::json!({
            "id": p.id,
            "label": p.label,
            "section": p.section,
            "first_line": p.first_line,
            "last_line": p.last_line,
            "text": p.text,
        });
        writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))
}
