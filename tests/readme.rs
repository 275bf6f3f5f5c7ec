//! The README tells the truth: its table of series matches the catalogue built
//! from the bundled reports (ids, kinds, number of points, reports).

use derek::series::catalogue::Catalogue;
use derek::series::sourced::Corpus;
use derek::series::Kind;

#[test]
fn the_readme_lists_every_series_with_its_points() -> Result<(), Box<dyn std::error::Error>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))?;
    let start = readme
        .find("<!-- series:start -->")
        .ok_or("no series:start marker")?;
    let end = readme
        .find("<!-- series:end -->")
        .ok_or("no series:end marker")?;
    let rows: Vec<Vec<String>> = readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    let corpus = Corpus::read(derek::corpus::bundled()?);
    let series = Catalogue::bundled()?.build(&corpus);
    assert_eq!(
        rows.len(),
        series.len(),
        "the README lists {} series, the catalogue has {}",
        rows.len(),
        series.len()
    );
    for s in &series {
        let row = rows
            .iter()
            .find(|r| r[0] == format!("`{}`", s.id))
            .ok_or_else(|| format!("{} is not in the README", s.id))?;
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
        assert_eq!(row[2], kind, "{}", s.id);
        assert_eq!(row[3], s.points.len().to_string(), "{}: points", s.id);
        for report in reports {
            assert!(
                row[4].contains(report),
                "{}: {report} missing from {:?}",
                s.id,
                row[4]
            );
        }
    }
    Ok(())
}
