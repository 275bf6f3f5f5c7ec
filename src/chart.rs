//! Charts: series drawn with plotters on any `DrawingBackend`.
//!
//! Invariant: drawing code takes a `DrawingArea` and never knows whether it is a
//! browser canvas or an SVG string. Every length is multiplied by `ChartStyle::scale`
//! so that a canvas sized by `devicePixelRatio` is drawn sharp, not blurred.

use crate::series::Series;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Interface and number-format language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// `"en"` → English; anything else → French, the reports' language.
    pub fn from_code(code: &str) -> Lang {
        if code.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// How to draw: language and device scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    pub lang: Lang,
    /// Device pixels per CSS pixel: 1 for SVG, `devicePixelRatio` for a canvas.
    pub scale: f64,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            lang: Lang::Fr,
            scale: 1.0,
        }
    }
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the series {0:?} has no points to draw")]
    Empty(String),
    #[error("the drawing backend failed: {0}")]
    Backend(String),
}

fn backend_error<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Backend(format!("{e:?}"))
}

/// The series colour: Okabe–Ito blue, distinguishable by colour-blind readers.
const SERIES_COLOUR: RGBColor = RGBColor(0, 114, 178);
const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(221, 221, 221);

/// Draws a time series as a line with markers: whole-year ticks, values from zero.
pub fn draw_time_series<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &Series,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let (first, last) = match (series.points.first(), series.points.last()) {
        (Some(f), Some(l)) => (f.year, l.year),
        _ => return Err(ChartError::Empty(series.id.clone())),
    };
    let px = |v: f64| (v * style.scale).round() as i32;
    let max = series.points.iter().map(|p| p.value).fold(0.0, f64::max);
    let title = match style.lang {
        Lang::Fr => &series.title_fr,
        Lang::En => &series.title_en,
    };

    root.fill(&WHITE).map_err(backend_error)?;
    let years = (first - 1)..(last + 1);
    let mut chart = ChartBuilder::on(root)
        .caption(title, ("sans-serif", px(18.0)).into_font().color(&INK))
        .margin(px(12.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(years, 0.0..(max * 1.15).max(1.0))
        .map_err(backend_error)?;

    let lang = style.lang;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(GRID)
        .bold_line_style(GRID)
        .axis_style(INK)
        .label_style(("sans-serif", px(12.0)).into_font().color(&INK))
        .x_labels(((last - first + 3) as usize).min(12))
        .x_label_formatter(&|y| y.to_string())
        .y_labels(6)
        .y_label_formatter(&|v| format_number(*v, lang))
        .draw()
        .map_err(backend_error)?;

    let stroke = px(2.0).max(1) as u32;
    chart
        .draw_series(LineSeries::new(
            series.points.iter().map(|p| (p.year, p.value)),
            SERIES_COLOUR.stroke_width(stroke),
        ))
        .map_err(backend_error)?;
    chart
        .draw_series(
            series
                .points
                .iter()
                .map(|p| Circle::new((p.year, p.value), px(5.0), SERIES_COLOUR.filled())),
        )
        .map_err(backend_error)?;
    root.present().map_err(backend_error)?;
    Ok(())
}

/// Formats a number the French way ("115 526", "71,2") or the English way ("115,526").
pub fn format_number(value: f64, lang: Lang) -> String {
    let (group, decimal) = match lang {
        // U+202F, the narrow no-break space French typography uses between digit groups.
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let rounded = (value * 10.0).round() / 10.0;
    let negative = rounded < 0.0;
    let whole = rounded.abs().trunc() as u64;
    let tenth = ((rounded.abs() - whole as f64) * 10.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if tenth > 0 {
        out.push(decimal);
        out.push_str(&tenth.to_string());
    }
    out
}

/// Renders a time series to an SVG document (for tests, the CLI and downloads).
pub fn time_series_svg(
    series: &Series,
    style: &ChartStyle,
    size: (u32, u32),
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_time_series(&root, series, style)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::{Point, Series};

    fn sample() -> Series {
        let point = |year, value: f64| Point {
            year,
            value,
            verbatim: value.to_string(),
            report: "X/1".into(),
            line: 1,
        };
        Series {
            id: "s".into(),
            title_fr: "Titre".into(),
            title_en: "Title".into(),
            points: vec![point(2022, 115526.0), point(2024, 75004.0)],
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(format_number(115526.0, Lang::Fr), "115\u{202f}526");
        assert_eq!(format_number(115526.0, Lang::En), "115,526");
        assert_eq!(format_number(71.2, Lang::Fr), "71,2");
        assert_eq!(format_number(999.0, Lang::En), "999");
    }

    #[test]
    fn a_time_series_renders_to_svg_with_title_and_markers() -> Result<(), ChartError> {
        let svg = time_series_svg(&sample(), &ChartStyle::default(), (640, 400))?;
        assert!(svg.contains("Titre"));
        assert_eq!(svg.matches("<circle").count(), 2);
        Ok(())
    }

    #[test]
    fn an_empty_series_is_an_error_not_a_blank_chart() {
        let mut empty = sample();
        empty.points.clear();
        let result = time_series_svg(&empty, &ChartStyle::default(), (640, 400));
        assert!(matches!(result, Err(ChartError::Empty(_))));
    }
}
