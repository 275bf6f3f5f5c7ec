//! A small hand-made series for unit tests of the modules downstream (chart,
//! present): the CAT report's protection orders, one figure of each kind.

use super::{Key, Kind, Point, Qualifier, Series, Unit, YearSource};

/// A stated-year point with `verbatim` as written and no sentence.
pub fn point(
    year: i32,
    value: f64,
    verbatim: &str,
    qualifier: Qualifier,
    report: &str,
    reference: &str,
) -> Point {
    Point {
        key: Key::Year { year },
        value,
        qualifier,
        year_source: YearSource::Stated,
        report: report.into(),
        paragraph: "p1".into(),
        reference: reference.into(),
        line: 1,
        verbatim: verbatim.into(),
        sentence: String::new(),
        conflict: false,
        period: None,
        series_break: None,
        report_index: 0,
        span: (0, 0),
        sentence_span: (0, 0),
    }
}

/// Protection orders: "plus de 36 000" (2011), "plus de 44 000" (2012, with its
/// sentence, which holds a comma and quotes), 64 000 (2018).
pub fn protection_orders() -> Series {
    let mut points = vec![
        point(
            2011,
            36000.0,
            "36 000",
            Qualifier::MoreThan,
            "CAT/C/KAZ/3",
            "Article 16, 13",
        ),
        point(
            2012,
            44000.0,
            "44 000",
            Qualifier::MoreThan,
            "CAT/C/KAZ/3",
            "Article 16, 13",
        ),
        point(
            2018,
            64000.0,
            "64 000",
            Qualifier::Exact,
            "A/HRC/WG.6/34/KAZ/1",
            "par. 81",
        ),
    ];
    points[1].line = 447;
    points[1].sentence = "En 2012, plus de 44 000 ordonnances \"de protection\" ont été prises contre des personnes ayant commis une infraction.".into();
    Series {
        id: "protection_orders_issued".into(),
        theme: "violence".into(),
        unit: Unit::Count,
        kind: Kind::Time,
        points,
        breaks: Vec::new(),
        texts: Default::default(),
    }
}
