//! The README tells the truth: its table of series is generated from the catalogue
//! built from the bundled reports (ids, titles, kinds, number of points, reports)
//! and must match it exactly. After a change to the catalogue,
//! `UPDATE_SNAPSHOTS=1 cargo test --test readme` rewrites the table.

use derek::i18n::Lang;
use derek::series::catalogue::Catalogue;
use derek::series::sourced::Corpus;
use derek::series::{Kind, Series};

const START: &str = "<!-- series:start -->";
const END: &str = "<!-- series:end -->";

/// The README's series table, as the catalogue gives it.
fn table(series: &[Series], themes: usize) -> String {
    let mut out = format!(
        "{} series in {themes} themes, defined (each with its definition) in \
         `data/series.toml` and checked point by point in `tests/series.rs`:\n\n\
         | id | title | kind | points | reports |\n| --- | --- | --- | ---: | --- |\n",
        series.len()
    );
    for s in series {
        let kind = match s.kind {
            Kind::Time => "time",
            Kind::Breakdown => "breakdown",
        };
        let mut reports: Vec<&str> = Vec::new();
        for p in &s.points {
            if !reports.contains(&p.report.as_str()) {
                reports.push(&p.report);
            }
        }
        reports.sort_unstable();
        out.push_str(&format!(
            "| `{}` | {} | {kind} | {} | {} |\n",
            s.id,
            Lang::En.text().series_title(&s.id).replace('|', "\\|"),
            s.points.len(),
            reports.join(", ")
        ));
    }
    out
}

#[test]
fn the_readme_lists_every_series_with_its_points() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path)?;
    let start = readme.find(START).ok_or("no series:start marker")? + START.len();
    let end = readme.find(END).ok_or("no series:end marker")?;
    let corpus = Corpus::read(derek::corpus::bundled()?);
    let catalogue = Catalogue::bundled()?;
    let series = catalogue.build(&corpus);
    let want = format!("\n{}", table(&series, catalogue.themes.len()));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let updated = format!("{}{want}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated)?;
        return Ok(());
    }
    let got = &readme[start..end];
    assert!(
        got == want,
        "README.md's series table is out of date: run `UPDATE_SNAPSHOTS=1 cargo test --test readme`\n--- README\n{got}\n--- catalogue\n{want}"
    );
    Ok(())
}
