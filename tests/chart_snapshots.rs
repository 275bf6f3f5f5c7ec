//! Charts rendered to SVG natively and compared with reviewed snapshots in
//! `tests/snapshots/`. The snapshot series are built by hand (every kind of mark:
//! exact, "plus de", "environ", an implied year, a conflict), so that a snapshot
//! changes only when the drawing changes, not when the extractor improves.
//!
//! After a deliberate change to the drawing: `UPDATE_SNAPSHOTS=1 cargo test --test
//! chart_snapshots`, look at the SVGs, and commit them.

use derek::chart::{self, ChartStyle, Lang, Theme};
use derek::series::catalogue::Catalogue;
use derek::series::sourced::Corpus;
use derek::series::{flag_conflicts, Key, Kind, Point, Qualifier, Series, Unit, YearSource};
use std::path::Path;

fn point(
    key: Key,
    value: f64,
    qualifier: Qualifier,
    year_source: YearSource,
    report: &str,
    reference: &str,
) -> Point {
    Point {
        key,
        value,
        qualifier,
        year_source,
        report: report.into(),
        paragraph: "p".into(),
        reference: reference.into(),
        line: 1,
        verbatim: value.to_string(),
        sentence: String::new(),
        conflict: false,
        period: None,
        series_break: None,
        report_index: 0,
        span: (0, 0),
        sentence_span: (0, 0),
    }
}

fn protection_orders() -> Series {
    let year = |year| Key::Year { year };
    let mut points = vec![
        point(
            year(2011),
            36000.0,
            Qualifier::MoreThan,
            YearSource::Stated,
            "CAT/C/KAZ/3",
            "Article 16",
        ),
        point(
            year(2012),
            44000.0,
            Qualifier::MoreThan,
            YearSource::Stated,
            "CAT/C/KAZ/3",
            "Article 16",
        ),
        point(
            year(2018),
            64000.0,
            Qualifier::Exact,
            YearSource::Stated,
            "A/HRC/WG.6/34/KAZ/1",
            "par. 81",
        ),
        point(
            year(2018),
            61000.0,
            Qualifier::Exact,
            YearSource::Stated,
            "CEDAW/C/KAZ/RQ/6",
            "3 b)",
        ),
        point(
            year(2019),
            70000.0,
            Qualifier::Approx,
            YearSource::Implied,
            "A/HRC/WG.6/34/KAZ/1",
            "par. 81",
        ),
    ];
    flag_conflicts(&mut points);
    Series {
        id: "protection_orders_issued".into(),
        theme: "violence".into(),
        title_fr: "Ordonnances de protection délivrées".into(),
        title_en: "Protection orders issued".into(),
        unit: Unit::Count,
        kind: Kind::Time,
        definition_fr: String::new(),
        definition_en: String::new(),
        breaks: Vec::new(),
        categories_en: Default::default(),
        points,
    }
}

fn ethnic_composition() -> Series {
    let category = |name: &str| Key::Category {
        category: name.into(),
    };
    let share = |name: &str, value: f64, qualifier| {
        point(
            category(name),
            value,
            qualifier,
            YearSource::Stated,
            "CERD/C/KAZ/11-14",
            "par. 8",
        )
    };
    Series {
        id: "ethnic_composition".into(),
        theme: "population".into(),
        title_fr: "Composition ethnique de la population au début de 2025".into(),
        title_en: "Ethnic composition of the population, start of 2025".into(),
        unit: Unit::Percent,
        kind: Kind::Breakdown,
        definition_fr: String::new(),
        definition_en: String::new(),
        breaks: Vec::new(),
        categories_en: [
            ("Russes", "Russians"),
            ("Ouzbeks", "Uzbeks"),
            ("Ukrainiens", "Ukrainians"),
            ("Ouïghours", "Uyghurs"),
            ("Allemands", "Germans"),
        ]
        .into_iter()
        .map(|(fr, en)| (fr.to_string(), en.to_string()))
        .collect(),
        points: vec![
            share("Kazakhs", 71.2, Qualifier::Exact),
            share("Russes", 14.7, Qualifier::Exact),
            share("Ouzbeks", 3.3, Qualifier::Exact),
            share("Ukrainiens", 1.8, Qualifier::Approx),
            share("Ouïghours", 1.5, Qualifier::Exact),
            share("Allemands", 1.1, Qualifier::MoreThan),
        ],
    }
}

fn check(name: &str, svg: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, svg).expect("the snapshot is written");
        return;
    }
    let reviewed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)",
            path.display()
        )
    });
    assert!(
        reviewed == svg,
        "{name} differs from its reviewed snapshot; if the change is wanted, run \
         UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots and review the SVG"
    );
}

#[test]
fn line_chart_matches_its_reviewed_snapshot() {
    let svg = chart::svg(&protection_orders(), &ChartStyle::default(), 720).expect("it draws");
    check("line-fr-light-720.svg", &svg);
}

#[test]
fn bar_chart_matches_its_reviewed_snapshot() {
    let style = ChartStyle {
        lang: Lang::En,
        theme: Theme::Dark,
        scale: 1.0,
        fit_axis: false,
    };
    let svg = chart::svg(&ethnic_composition(), &style, 560).expect("it draws");
    check("bars-en-dark-560.svg", &svg);
}

#[test]
fn the_narrow_line_chart_keeps_its_labels_apart() {
    // At 320 px, year labels thin out instead of overlapping.
    let svg = chart::svg(&protection_orders(), &ChartStyle::default(), 320).expect("it draws");
    let years: Vec<&str> = [
        "2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019",
    ]
    .into_iter()
    .filter(|y| svg.contains(&format!(">{y}<")))
    .collect();
    assert!(years.len() < 9, "all nine year labels at 320 px: {years:?}");
    check("line-fr-light-320.svg", &svg);
}

#[test]
fn every_catalogued_series_renders_in_both_languages_and_themes() {
    let corpus = Corpus::read(derek::corpus::bundled().expect("bundled reports"));
    let series = Catalogue::bundled().expect("the catalogue").build(&corpus);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/svg");
    std::fs::create_dir_all(&out).expect("target/svg");
    for s in series.iter().filter(|s| !s.points.is_empty()) {
        for (lang, theme) in [(Lang::Fr, Theme::Light), (Lang::En, Theme::Dark)] {
            let style = ChartStyle {
                lang,
                theme,
                scale: 1.0,
                fit_axis: false,
            };
            let svg = chart::svg(s, &style, 800).unwrap_or_else(|e| panic!("{}: {e}", s.id));
            assert!(svg.contains("Source"), "{} has no source line", s.id);
            std::fs::write(out.join(format!("{}-{lang:?}.svg", s.id)), svg).expect("svg written");
        }
    }
}
