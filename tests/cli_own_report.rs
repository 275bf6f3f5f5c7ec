//! `derek extract` on a report Derek has never seen: the reference year read from
//! its cover (and said on stderr), and a flattened table read cell by cell.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static CALLS: AtomicUsize = AtomicUsize::new(0);

const REPORT: &str = "Nations Unies  CEDAW/C/XYZ/7\n\nDistr. générale\n27 octobre 2025\n\n\
1. Environ 70 000 ordonnances de protection ont été délivrées.\n\n\
2. Le tableau ci-dessous donne les dépenses.\n\n\
En milliards de tenge\n2022\n2023\n2024\nCentres de crise\n1,5\n1,8\n2,1\n\n\
3. Fin du rapport.\n";

fn extract(args: &[&str]) -> Result<(Vec<serde_json::Value>, String), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("derek-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    // One file per call: the tests run in parallel.
    let path = dir.join(format!("own-{}.txt", CALLS.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, REPORT)?;
    let path = path.to_str().ok_or("temp path is not UTF-8")?;
    let out = Command::new(env!("CARGO_BIN_EXE_derek"))
        .arg("extract")
        .arg(path)
        .args(args)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let facts = String::from_utf8(out.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((facts, String::from_utf8(out.stderr)?))
}

#[test]
fn the_cover_dates_implied_figures_and_says_so() -> Result<(), Box<dyn std::error::Error>> {
    let (facts, stderr) = extract(&[])?;
    assert!(
        stderr.contains("reference year 2025 read from the distribution date"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Distr. générale 27 octobre 2025"),
        "{stderr}"
    );
    let orders = facts
        .iter()
        .find(|f| f["value"] == 70000)
        .ok_or("the 70 000 orders are missing")?;
    assert_eq!(orders["year"], 2025);
    assert_eq!(orders["year_source"], "implied");
    // A year given by hand wins, and nothing is said about the cover.
    let (facts, stderr) = extract(&["--reference-year", "2023"])?;
    assert!(!stderr.contains("reference year"), "{stderr}");
    let orders = facts
        .iter()
        .find(|f| f["value"] == 70000)
        .ok_or("missing")?;
    assert_eq!(orders["year"], 2023);
    Ok(())
}

#[test]
fn a_flattened_table_gives_one_fact_per_value() -> Result<(), Box<dyn std::error::Error>> {
    let (facts, _) = extract(&[])?;
    let table: Vec<(serde_json::Value, serde_json::Value, serde_json::Value)> = facts
        .iter()
        .filter(|f| f["subject"] == "Centres de crise")
        .map(|f| (f["value"].clone(), f["year"].clone(), f["unit"].clone()))
        .collect();
    assert_eq!(
        table,
        vec![
            (1_500_000_000.into(), 2022.into(), "tenge".into()),
            (1_800_000_000.into(), 2023.into(), "tenge".into()),
            (2_100_000_000.into(), 2024.into(), "tenge".into()),
        ]
    );
    // The unit line's « milliards » and the header years are no facts of their own.
    assert!(
        facts.iter().all(|f| f["verbatim"] != "milliards"),
        "{facts:?}"
    );
    assert_eq!(
        facts
            .iter()
            .filter(|f| f["year_source"] == "stated")
            .count(),
        3
    );
    Ok(())
}

#[test]
fn series_auto_prints_the_series_found_in_the_same_form_as_series_json(
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("derek-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!(
        "auto-{}.txt",
        CALLS.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, REPORT)?;
    let path = path.to_str().ok_or("temp path is not UTF-8")?;
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_derek"))
            .args(args)
            .output()
    };
    let auto = run(&["series", "--auto", path, "--json"])?;
    assert!(
        auto.status.success(),
        "{}",
        String::from_utf8_lossy(&auto.stderr)
    );
    let found: Vec<serde_json::Value> = String::from_utf8(auto.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let catalogued = run(&["series", "--json"])?;
    let first: serde_json::Value = String::from_utf8(catalogued.stdout)?
        .lines()
        .next()
        .map(serde_json::from_str)
        .ok_or("no catalogued series")??;
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let crisis = found
        .iter()
        .find(|s| s["title_fr"] == "Centres de crise")
        .ok_or("the table's row is not a series")?;
    // The catalogue's fields (a breakdown's category names aside), and the mark.
    for key in keys(&first).iter().filter(|k| *k != "categories_en") {
        assert!(crisis.get(key).is_some(), "{key} is missing from {crisis}");
    }
    assert_eq!(crisis["found_automatically"], true);
    // Its titles and definitions come with it, as the catalogue's come from the
    // tables: the report's words, and what found it, in French and English.
    assert_eq!(crisis["title_en"], "Centres de crise");
    for (field, start) in [
        ("definition_fr", "Série trouvée automatiquement, non revue"),
        ("definition_en", "Series found automatically, not reviewed"),
    ] {
        assert!(
            crisis[field].as_str().is_some_and(|d| d.starts_with(start)),
            "{field}: {}",
            crisis[field]
        );
    }
    let years: Vec<&serde_json::Value> = crisis["points"]
        .as_array()
        .map(|p| p.iter().map(|p| &p["year"]).collect())
        .unwrap_or_default();
    assert_eq!(years, [2022, 2023, 2024]);
    // Without --json, a line per file says how many were found.
    let text = run(&["series", "--auto", path])?;
    let text = String::from_utf8(text.stdout)?;
    assert!(
        text.contains("1 series found automatically (not reviewed)"),
        "{text}"
    );
    Ok(())
}
