//! Charts: series drawn with plotters on any `DrawingBackend`.
//!
//! Invariant: drawing code takes a `DrawingArea` and never knows whether it is a
//! browser canvas or an SVG string. Every length is multiplied by `ChartStyle::scale`
//! so that a canvas sized by `devicePixelRatio` is drawn sharp, not blurred.

mod bars;
pub mod format;
mod frame;
pub mod marks;
mod palette;
mod time;

pub use frame::source_line;
pub use palette::{Palette, Theme};

use crate::series::{Kind, Series};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

pub use crate::i18n::Lang;

/// How to draw: language, theme and device scale.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ChartStyle {
    pub lang: Lang,
    pub theme: Theme,
    /// Device pixels per CSS pixel: 1 for SVG, `devicePixelRatio` for a canvas.
    /// Zero or less is read as 1.
    pub scale: f64,
    /// Fit the value axis to the values instead of starting it at zero (only when
    /// the reader asks: a truncated axis exaggerates change).
    pub fit_axis: bool,
}

impl ChartStyle {
    pub fn palette(&self) -> Palette {
        Palette::of(self.theme)
    }

    fn normalised(mut self) -> ChartStyle {
        if !(self.scale.is_finite() && self.scale > 0.0) {
            self.scale = 1.0;
        }
        self
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

/// Where one point was drawn, in CSS pixels from the chart's top left.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DrawnMark {
    pub x: f64,
    pub y: f64,
    /// Index of the point in `Series::points`.
    pub point: usize,
}

/// What a drawing leaves behind: where its points are, for tooltips and keyboard.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DrawnChart {
    pub marks: Vec<DrawnMark>,
}

impl DrawnChart {
    /// The point drawn nearest to (`x`, `y`) (CSS pixels), if one is within `radius`.
    pub fn nearest(&self, x: f64, y: f64, radius: f64) -> Option<usize> {
        self.marks
            .iter()
            .map(|m| (m.point, (m.x - x).hypot(m.y - y)))
            .filter(|(_, d)| *d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(point, _)| point)
    }

    /// The point whose mark is nearest to `x` alone (a time series' hover column).
    pub fn nearest_column(&self, x: f64, y: f64) -> Option<usize> {
        self.marks
            .iter()
            .map(|m| (m.point, (m.x - x).abs() * 4.0 + (m.y - y).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(point, _)| point)
    }
}

/// Draws `series` on `root`: a line for a time series, bars for a breakdown.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &Series,
    style: &ChartStyle,
) -> Result<DrawnChart, ChartError> {
    let style = style.normalised();
    root.fill(&style.palette().background)
        .map_err(backend_error)?;
    let drawn = match series.kind {
        Kind::Time => time::draw(root, series, &style)?,
        Kind::Breakdown => bars::draw(root, series, &style)?,
    };
    root.present().map_err(backend_error)?;
    Ok(drawn)
}

/// The height (CSS pixels) at which `series` reads well at `css_width`: a time
/// series keeps a pleasant aspect; a breakdown gets a row per category.
pub fn preferred_height(series: &Series, style: &ChartStyle, css_width: f64) -> f64 {
    let width = css_width.max(1.0);
    let frame = frame::Frame::new(
        series,
        &ChartStyle {
            scale: 1.0,
            ..*style
        },
        width,
    );
    let plot = match series.kind {
        Kind::Time => (width * 0.6).clamp(240.0, 420.0),
        Kind::Breakdown => series.bars().len() as f64 * bars::ROW + 8.0,
    };
    (frame.height() + plot).round()
}

/// Renders `series` to an SVG document of `width` × its preferred height.
pub fn svg(series: &Series, style: &ChartStyle, width: u32) -> Result<String, ChartError> {
    let style = ChartStyle {
        scale: 1.0,
        ..*style
    };
    let height = preferred_height(series, &style, f64::from(width)) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, series, &style)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::Qualifier;

    use crate::series::sample::{point, protection_orders as sample};

    #[test]
    fn a_time_series_renders_to_svg_with_title_source_and_a_mark_per_point(
    ) -> Result<(), ChartError> {
        let svg = svg(&sample(), &ChartStyle::default(), 640)?;
        assert!(svg.contains("Ordonnances de protection"));
        assert!(svg.contains("Source : CAT/C/KAZ/3, Article 16, 13 ; A/HRC/WG.6/34/KAZ/1, par. 81"));
        // "plus de" points are labelled ≥, and the legend names only the marks used.
        assert!(svg.contains("≥\u{a0}44\u{202f}000"));
        assert!(svg.contains("chiffre exact"));
        assert!(svg.contains("« plus de », « au moins »"));
        assert!(!svg.contains("environ"));
        Ok(())
    }

    #[test]
    fn english_labels_in_english() -> Result<(), ChartError> {
        let style = ChartStyle {
            lang: Lang::En,
            ..ChartStyle::default()
        };
        let svg = svg(&sample(), &style, 640)?;
        assert!(svg.contains("Protection orders"));
        assert!(svg.contains("≥\u{a0}44,000"));
        Ok(())
    }

    #[test]
    fn the_nearest_point_is_found_from_a_position() -> Result<(), ChartError> {
        let mut buffer = String::new();
        let root = SVGBackend::with_string(&mut buffer, (640, 400)).into_drawing_area();
        let drawn = draw(&root, &sample(), &ChartStyle::default())?;
        assert_eq!(drawn.marks.len(), 3);
        let second = drawn.marks[1];
        assert_eq!(drawn.nearest(second.x + 3.0, second.y - 2.0, 12.0), Some(1));
        assert_eq!(drawn.nearest(-100.0, -100.0, 12.0), None);
        // Marks run left to right by year.
        assert!(drawn.marks[0].x < drawn.marks[1].x && drawn.marks[1].x < drawn.marks[2].x);
        Ok(())
    }

    #[test]
    fn the_value_axis_starts_at_zero_unless_asked() -> Result<(), ChartError> {
        // The texts of an SVG document, trimmed.
        fn texts(svg: &str) -> Vec<String> {
            svg.split("</text>")
                .filter_map(|chunk| chunk.rsplit('>').next())
                .map(|t| t.trim().to_string())
                .collect()
        }
        let zero = texts(&svg(&sample(), &ChartStyle::default(), 640)?);
        assert!(zero.iter().any(|t| t == "0"), "{zero:?}");
        let style = ChartStyle {
            fit_axis: true,
            ..ChartStyle::default()
        };
        let fitted = texts(&svg(&sample(), &style, 640)?);
        assert!(
            !fitted.iter().any(|t| t == "0"),
            "a fitted axis starts near the lowest value: {fitted:?}"
        );
        Ok(())
    }

    #[test]
    fn an_empty_series_is_an_error_not_a_blank_chart() {
        let mut empty = sample();
        empty.points.clear();
        assert!(matches!(
            svg(&empty, &ChartStyle::default(), 640),
            Err(ChartError::Empty(_))
        ));
    }

    #[test]
    fn conflicting_values_are_both_drawn_and_flagged() -> Result<(), ChartError> {
        let mut series = sample();
        series.points.push(point(
            2018,
            60000.0,
            "60 000",
            Qualifier::Exact,
            "CEDAW/C/KAZ/RQ/6",
            "3 b)",
        ));
        crate::series::flag_conflicts(&mut series.points);
        assert!(series.points[2].conflict && series.points[3].conflict);
        let svg = svg(&series, &ChartStyle::default(), 640)?;
        assert!(svg.contains("chiffres divergents"));
        assert!(svg.contains("60\u{202f}000") && svg.contains("64\u{202f}000"));
        Ok(())
    }
}
