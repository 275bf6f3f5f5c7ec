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
use derek::series::{
    flag_conflicts, mark_breaks, Break, Key, Kind, Month, Period, Point, Qualifier, Series, Unit,
    YearSource,
};
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
        unit: Unit::Count,
        kind: Kind::Time,
        breaks: Vec::new(),
        texts: Default::default(),
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
        id: "ethnic_composition_2025".into(),
        theme: "population".into(),
        unit: Unit::Percent,
        kind: Kind::Breakdown,
        breaks: Vec::new(),
        texts: Default::default(),
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

/// "Rules of conduct imposed": one population in 2011-2012, another from 2018 on
/// (a break in series), and a last figure that covers January to August only.
fn rules_of_conduct() -> Series {
    let year = |year| Key::Year { year };
    let mut points = vec![
        point(
            year(2011),
            2900.0,
            Qualifier::Exact,
            YearSource::Stated,
            "CAT/C/KAZ/3",
            "par. 30",
        ),
        point(
            year(2012),
            3300.0,
            Qualifier::Exact,
            YearSource::Stated,
            "CAT/C/KAZ/3",
            "par. 30",
        ),
        point(
            year(2018),
            40000.0,
            Qualifier::MoreThan,
            YearSource::Stated,
            "A/HRC/WG.6/34/KAZ/1",
            "par. 81",
        ),
        point(
            year(2019),
            41000.0,
            Qualifier::Exact,
            YearSource::Stated,
            "A/HRC/WG.6/34/KAZ/1",
            "par. 81",
        ),
        point(
            year(2020),
            42000.0,
            Qualifier::Exact,
            YearSource::Stated,
            "CEDAW/C/KAZ/RQ/6",
            "3 b)",
        ),
        point(
            year(2021),
            26000.0,
            Qualifier::Exact,
            YearSource::Stated,
            "CEDAW/C/KAZ/RQ/6",
            "3 b)",
        ),
    ];
    points[5].period = Some(Period {
        from: Month {
            year: 2021,
            month: 1,
        },
        to: Month {
            year: 2021,
            month: 8,
        },
        as_of: None,
    });
    // Its legend line is the series' own note, `series.rules_of_conduct_imposed.break_2018`.
    let breaks = vec![Break { from: 2018 }];
    flag_conflicts(&mut points);
    mark_breaks(&mut points, &breaks);
    Series {
        id: "rules_of_conduct_imposed".into(),
        theme: "violence".into(),
        unit: Unit::Count,
        kind: Kind::Time,
        breaks,
        points,
        texts: Default::default(),
    }
}

/// Women in the civil service, 2025: one report says 56,2 % of all agents (as of 1
/// July), another says 56,2 % in one answer and 55,8 % in another; both agree on
/// 39,1 % for senior posts.
fn civil_service() -> Series {
    let category = |name: &str| Key::Category {
        category: name.into(),
    };
    let share = |name: &str, value: f64, report: &str, reference: &str| {
        point(
            category(name),
            value,
            Qualifier::Exact,
            YearSource::Stated,
            report,
            reference,
        )
    };
    let july = Period {
        from: Month {
            year: 2025,
            month: 7,
        },
        to: Month {
            year: 2025,
            month: 7,
        },
        as_of: Some(1),
    };
    let mut points = vec![
        share("Ensemble des agents", 56.2, "CERD/C/KAZ/11-14", "par. 91"),
        share("Ensemble des agents", 56.2, "CEDAW/C/KAZ/RQ/6", "15 d)"),
        share("Ensemble des agents", 55.8, "CEDAW/C/KAZ/RQ/6", "10 d)"),
        share(
            "Postes à responsabilité",
            39.1,
            "CERD/C/KAZ/11-14",
            "par. 91",
        ),
        share("Postes à responsabilité", 39.1, "CEDAW/C/KAZ/RQ/6", "10 d)"),
        share(
            "Postes à responsabilité, organes locaux",
            34.4,
            "CERD/C/KAZ/11-14",
            "par. 91",
        ),
    ];
    for i in [0, 3, 5] {
        points[i].period = Some(july);
    }
    flag_conflicts(&mut points);
    Series {
        id: "women_in_civil_service_2025".into(),
        theme: "women".into(),
        unit: Unit::Percent,
        kind: Kind::Breakdown,
        breaks: Vec::new(),
        texts: Default::default(),
        points,
    }
}

/// Whether `svg` holds a solid straight line (one `<polyline>` of two points)
/// from `a` to `b` (pixels).
fn has_solid_line(svg: &str, a: (f64, f64), b: (f64, f64)) -> bool {
    let pair =
        |p: (f64, f64), q: (f64, f64)| format!("points=\"{},{} {},{} \"", p.0, p.1, q.0, q.1);
    svg.contains(&pair(a, b)) || svg.contains(&pair(b, a))
}

/// Draws `series` to an SVG string 720 px wide; returns it with the marks.
fn drawn(series: &Series, style: &ChartStyle) -> (String, chart::DrawnChart) {
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let height = chart::preferred_height(series, style, 720.0) as u32;
    let mut svg = String::new();
    let marks = {
        let root = SVGBackend::with_string(&mut svg, (720, height)).into_drawing_area();
        chart::draw(&root, series, style).expect("it draws")
    };
    (svg, marks)
}

/// The texts of an SVG document, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|chunk| chunk.rsplit('>').next())
        .map(|t| t.trim().to_string())
        .collect()
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

/// Protection orders are known for 2011, 2012, 2018 and 2019: 2011-2012 and
/// 2018-2019 are joined, 2012-2018 is dotted, never solid, and the legend says
/// which years have no figure.
#[test]
fn a_gap_is_dotted_and_said_not_drawn_as_a_trend() {
    let series = protection_orders();
    let (svg, drawn) = drawn(&series, &ChartStyle::default());
    let at = |year: i32| {
        let point = series
            .line()
            .into_iter()
            .find(|i| series.points[*i].year() == Some(year))
            .expect("a point on the line");
        let mark = drawn
            .marks
            .iter()
            .find(|m| m.point == point)
            .expect("drawn");
        (mark.x, mark.y)
    };
    assert!(has_solid_line(&svg, at(2011), at(2012)), "2011-2012 solid");
    assert!(
        !has_solid_line(&svg, at(2012), at(2018)),
        "2012-2018 drawn solid"
    );
    assert!(svg.contains("aucun chiffre pour 2013–2017"));
    check(
        "line-fr-light-720.svg",
        &chart::svg(&series, &ChartStyle::default(), 720).expect("it draws"),
    );
}

/// A break in series is never joined across, is marked, and its note is a legend
/// line; a part-year figure is not joined either, and is framed and labelled.
#[test]
fn a_break_in_series_and_a_part_year_have_their_marks_and_legend_lines() {
    let series = rules_of_conduct();
    let style = ChartStyle {
        lang: Lang::En,
        ..ChartStyle::default()
    };
    let (svg, drawn) = drawn(&series, &style);
    let at = |i: usize| {
        let mark = drawn.marks.iter().find(|m| m.point == i).expect("drawn");
        (mark.x, mark.y)
    };
    assert!(has_solid_line(&svg, at(0), at(1)));
    assert!(has_solid_line(&svg, at(2), at(3)));
    assert!(
        !has_solid_line(&svg, at(1), at(2)),
        "joined across the break"
    );
    assert!(
        !has_solid_line(&svg, at(4), at(5)),
        "joined to a part-year figure"
    );
    // The break's legend line is the series' own note from the English table.
    assert!(svg.contains("different definition from 2018:"));
    assert!(svg.contains("part of a year, or a date within it"));
    assert!(svg.contains("26,000 (Jan–Aug)"));
    // The same lines, and the months, in the Russian and Kazakh tables' words.
    for (lang, words) in [
        (
            Lang::Ru,
            [
                "иное определение начиная с 2018",
                "часть года",
                "(янв.–авг.)",
            ],
        ),
        (
            Lang::Kk,
            [
                "2018 жылдан бастап анықтама өзгеше",
                "жылдың бір бөлігі",
                "(қаң.–там.)",
            ],
        ),
    ] {
        let style = ChartStyle {
            lang,
            ..ChartStyle::default()
        };
        let svg = chart::svg(&series, &style, 720).expect("it draws");
        for word in words {
            assert!(svg.contains(word), "{lang:?}: no {word:?}");
        }
    }
    // The part-year point is framed by a square.
    let (x, y) = at(5);
    assert!(
        svg.contains(&format!("<rect x=\"{}\" y=\"{}\"", x - 9.0, y - 9.0)),
        "no frame at {x},{y}"
    );
    check(
        "line-en-light-720-break.svg",
        &chart::svg(&series, &style, 720).expect("it draws"),
    );
}

/// A category the reports give twice is one bar, drawn as disputed, with both
/// values at its end; two equal values are one value.
#[test]
fn a_disputed_category_is_one_bar_with_both_values() {
    let series = civil_service();
    let (svg, drawn) = drawn(&series, &ChartStyle::default());
    let texts = texts(&svg);
    let count = |t: &str| texts.iter().filter(|x| *x == t).count();
    assert_eq!(count("Ensemble des agents"), 1, "{texts:?}");
    assert_eq!(
        count("55,8\u{202f}% ≠ 56,2\u{202f}% (1er juil.)"),
        1,
        "{texts:?}"
    );
    assert_eq!(count("39,1\u{202f}% (1er juil.)"), 1, "{texts:?}");
    // Every point can be reached on its bar.
    assert_eq!(drawn.marks.len(), series.points.len());
    check(
        "bars-fr-light-720-conflict.svg",
        &chart::svg(&series, &ChartStyle::default(), 720).expect("it draws"),
    );
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
