//! Turns the two catalogues (`data/reports/reports.toml`, `data/series.toml`) and the
//! four string tables (`data/i18n/*.toml`) into
//! static value trees (`src/baked.rs`) at build time, so that no TOML parser ships
//! in the wasm. A catalogue that is not valid TOML fails the build with the
//! parser's message (file, line, column). The trees know no field: the crate reads
//! them with its own serde derives and checks them with its own rules
//! (`Catalogue::bundled`, `corpus::bundled`), so a field added to a catalogue's
//! struct needs no change here.

use std::fmt::Write as _;
use std::path::Path;

const CATALOGUES: [(&str, &str); 6] = [
    ("REPORTS", "data/reports/reports.toml"),
    ("SERIES", "data/series.toml"),
    // The string tables, read by `src/i18n` the same way.
    ("I18N_FR", "data/i18n/fr.toml"),
    ("I18N_EN", "data/i18n/en.toml"),
    ("I18N_RU", "data/i18n/ru.toml"),
    ("I18N_KK", "data/i18n/kk.toml"),
];

fn main() {
    let mut out = String::from("// Written by build.rs from the catalogues: do not edit.\n");
    for (name, file) in CATALOGUES {
        println!("cargo::rerun-if-changed={file}");
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => fail(&format!("cannot read {file}: {e}")),
        };
        let table: toml::Table = match toml::from_str(&text) {
            Ok(table) => table,
            Err(e) => fail(&format!("{file} is not valid TOML: {e}")),
        };
        let _ = write!(
            out,
            "/// `{file}`, as written.\npub static {name}: Value = "
        );
        table_literal(&mut out, &table);
        out.push_str(";\n");
    }
    let dir = std::env::var_os("OUT_DIR").unwrap_or_default();
    let path = Path::new(&dir).join("catalogues.rs");
    if let Err(e) = std::fs::write(&path, out) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

/// Writes `value` as a `baked::Value` constant expression.
fn literal(out: &mut String, value: &toml::Value) {
    // Debug formatting of str and f64 is valid Rust literal syntax.
    let _ = match value {
        toml::Value::String(s) => write!(out, "Value::Str({s:?})"),
        toml::Value::Integer(i) => write!(out, "Value::Int({i})"),
        toml::Value::Float(f) if f.is_nan() => write!(out, "Value::Float(f64::NAN)"),
        toml::Value::Float(f) if f.is_infinite() => {
            let sign = if *f < 0.0 { "-" } else { "" };
            write!(out, "Value::Float({sign}f64::INFINITY)")
        }
        toml::Value::Float(f) => write!(out, "Value::Float({f:?})"),
        toml::Value::Boolean(b) => write!(out, "Value::Bool({b})"),
        toml::Value::Datetime(d) => write!(out, "Value::Str({:?})", d.to_string()),
        toml::Value::Array(items) => {
            out.push_str("Value::Array(&[");
            for item in items {
                literal(out, item);
                out.push(',');
            }
            out.push_str("])");
            Ok(())
        }
        toml::Value::Table(table) => {
            table_literal(out, table);
            Ok(())
        }
    };
}

fn table_literal(out: &mut String, table: &toml::Table) {
    out.push_str("Value::Table(&[");
    for (key, value) in table {
        let _ = write!(out, "({key:?},");
        literal(out, value);
        out.push_str("),");
    }
    out.push_str("])");
}
