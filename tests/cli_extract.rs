//! The `derek extract` command on good and malformed input: a clear error naming
//! the file (exit 1) or a normal result, never a panic, in reasonable time.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn temp_file(name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("derek-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(name);
    std::fs::write(&path, bytes)?;
    Ok(path)
}

fn derek(args: &[&str]) -> std::io::Result<(Output, Duration)> {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_derek"))
        .args(args)
        .output()?;
    Ok((out, start.elapsed()))
}

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn a_bundled_report_prints_json_lines_with_the_catalogued_year(
) -> Result<(), Box<dyn std::error::Error>> {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/reports/000_1e0e7617287b5cc9.txt"
    );
    let (out, _) = derek(&["extract", file])?;
    no_panic(&out);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout)?;
    let mut n = 0;
    let (mut implied, mut implied_at_reference) = (0usize, 0usize);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let keys: Vec<&str> = v
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            [
                "line",
                "paragraph",
                "qualifier",
                "subject",
                "unit",
                "value",
                "verbatim",
                "year",
                "year_source"
            ]
        );
        // An implied year counts from the reference year: the year itself, or a
        // span to it ("depuis 2016"), or a year the sentence before gives; never
        // after it.
        if v["year_source"] == "implied" {
            let last = match &v["year"] {
                serde_json::Value::String(span) => span
                    .split_once('-')
                    .and_then(|(_, b)| b.parse::<i64>().ok()),
                year => year.as_i64(),
            };
            assert!(last.is_some_and(|y| y <= 2019), "{line}");
            implied_at_reference += usize::from(v["year"] == 2019);
            implied += 1;
        }
        n += 1;
    }
    assert!(n > 100, "only {n} facts");
    // Most implied years are the reference year itself.
    assert!(
        implied_at_reference * 10 >= implied * 9,
        "{implied_at_reference} of {implied}"
    );
    let (out, _) = derek(&["extract", file, "--reference-year", "2030"])?;
    assert!(String::from_utf8(out.stdout)?.contains("\"year\":2030,\"year_source\":\"implied\""));
    Ok(())
}

#[test]
fn binary_invalid_utf8_and_missing_files_are_clear_errors() -> Result<(), Box<dyn std::error::Error>>
{
    let binary = temp_file(
        "binary.bin",
        &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0xff, 0xfe],
    )?;
    let latin1 = temp_file(
        "latin1.txt",
        b"En 2018, 12 000 femmes ont \xe9t\xe9 aid\xe9es.",
    )?;
    let missing = std::env::temp_dir().join("derek-no-such-file.txt");
    for path in [&binary, &latin1, &missing] {
        let p = path.to_string_lossy();
        let (out, _) = derek(&["extract", &p])?;
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{p}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(p.as_ref()), "error does not name {p}: {err}");
        assert!(out.stdout.is_empty());
    }
    let (out, _) = derek(&["extract"])?;
    assert_eq!(out.status.code(), Some(1));
    let (out, _) = derek(&["extract", "x", "--reference-year", "soon"])?;
    assert_eq!(out.status.code(), Some(1));
    Ok(())
}

#[test]
fn digits_and_a_large_text_run_in_reasonable_time() -> Result<(), Box<dyn std::error::Error>> {
    // A file of digits, with and without separators.
    let mut digits = "0123456789".repeat(100_000).into_bytes();
    digits.extend_from_slice(
        "\n1 2 3 4 5 6 7 8 9 000 000,5 %\n"
            .repeat(20_000)
            .as_bytes(),
    );
    let path = temp_file("digits.txt", &digits)?;
    let (out, took) = derek(&["extract", &path.to_string_lossy()])?;
    no_panic(&out);
    assert!(out.status.success());
    assert!(took < Duration::from_secs(60), "{took:?}");

    // About 50 MB of report text.
    let report = include_str!("../data/reports/001_759d8b3176a05a7e.txt");
    let big = report.repeat(50_000_000 / report.len() + 1);
    let path = temp_file("big.txt", big.as_bytes())?;
    let (out, took) = derek(&[
        "extract",
        &path.to_string_lossy(),
        "--reference-year",
        "2025",
    ])?;
    no_panic(&out);
    assert!(out.status.success());
    assert!(!out.stdout.is_empty());
    assert!(took < Duration::from_secs(240), "{took:?}");
    eprintln!("50 MB extracted in {took:?}");
    Ok(())
}

/// A typo in a flag, or a file given to a command that takes none, is an error
/// that says what the command accepts: never a plausible answer to another question.
#[test]
fn unknown_flags_and_stray_arguments_are_errors_that_say_what_is_accepted(
) -> Result<(), Box<dyn std::error::Error>> {
    let cases: &[(&[&str], &str, &str)] = &[
        (&["series", "--bogus"], "--bogus", "series [--json]"),
        (&["series", "FILE", "--json"], "FILE", "series [--json]"),
        (
            &["series", "--auto", "--json"],
            "--auto",
            "series --auto FILE",
        ),
        (
            &["series", "--auto", "a.txt", "--bogus"],
            "--bogus",
            "series --auto FILE",
        ),
        (&["facts", "--json"], "--json", "derek facts"),
        (&["extract", "a.txt", "b.txt"], "b.txt", "extract FILE"),
        (
            &["extract", "a.txt", "--year", "2020"],
            "--year",
            "--reference-year",
        ),
        (
            &["paragraphs", "a.txt", "b.txt"],
            "b.txt",
            "paragraphs FILE",
        ),
        (&["chart", "x", "--svg"], "--svg", "--svg FILE"),
        (&["chart", "x", "y", "--svg", "o.svg"], "y", "chart ID"),
        (&["bogus"], "bogus", "commands:"),
    ];
    for (args, names, accepted) in cases {
        let (out, _) = derek(args)?;
        no_panic(&out);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(out.stdout.is_empty(), "{args:?} printed a result");
        let err = String::from_utf8(out.stderr)?;
        assert!(err.contains(names), "{args:?}: {err}");
        assert!(err.contains(accepted), "{args:?}: {err}");
    }
    Ok(())
}
