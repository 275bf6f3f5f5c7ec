//! The `derek` command line: the same core as the widget, for researchers and for
//! measurement. Each subcommand prints JSON Lines (one object per line) or text.

use std::process::ExitCode;

const USAGE: &str = "usage: derek <command> [args]

commands:
  series                     list the series found in the bundled reports";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("series") => cmd_series(),
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
