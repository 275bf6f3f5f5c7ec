//! A breakdown: categories as horizontal bars, largest first, values at their ends.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{text_width, Frame};
use super::marks::MarkKind;
use super::{backend_error, format, ChartError, ChartStyle, DrawnChart, DrawnMark};
use crate::series::Series;

/// Height of one bar's row, in CSS pixels.
pub const ROW: f64 = 26.0;

/// Draws `series` (a breakdown) on `root`; returns where each bar ends.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &Series,
    style: &ChartStyle,
) -> Result<DrawnChart, ChartError> {
    if series.points.is_empty() {
        return Err(ChartError::Empty(series.id.clone()));
    }
    let palette = style.palette();
    let (width, _) = root.dim_in_pixel();
    let frame = Frame::new(series, style, f64::from(width));
    let m = frame.metrics;
    let plot = frame.draw(root, style)?;
    let (plot_width, plot_height) = plot.dim_in_pixel();
    let (plot_width, plot_height) = (f64::from(plot_width), f64::from(plot_height));

    let mut order: Vec<usize> = (0..series.points.len()).collect();
    order.sort_by(|a, b| series.points[*b].value.total_cmp(&series.points[*a].value));

    let labels: Vec<String> = order
        .iter()
        .map(|i| {
            series
                .category_label(&series.points[*i], style.lang)
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    let label_width = labels
        .iter()
        .map(|l| text_width(l, m.text))
        .fold(0.0, f64::max)
        .min(plot_width * 0.4)
        + m.pad;
    let values: Vec<String> = order
        .iter()
        .map(|i| {
            let p = &series.points[*i];
            format!(
                "{}{}",
                format::qualifier_sign(p.qualifier),
                format::with_unit(p.value, series.unit, style.lang)
            )
        })
        .collect();
    let value_width = values
        .iter()
        .map(|v| text_width(v, m.small))
        .fold(0.0, f64::max)
        + m.pad;
    let left = m.pad + label_width;
    let bar_space = (plot_width - left - value_width - m.pad).max(m.pad);
    let max = series
        .points
        .iter()
        .map(|p| p.value)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let row = (plot_height / order.len() as f64).min(ROW * m.scale * 1.4);
    let bar = row * 0.68;

    let mut drawn = DrawnChart::default();
    for (slot, index) in order.iter().enumerate() {
        let point = &series.points[*index];
        let top = slot as f64 * row + (row - bar) / 2.0;
        let centre = (top + bar / 2.0) as i32;
        let end = left + bar_space * (point.value / max).max(0.0);
        let colour = if point.conflict {
            palette.conflict
        } else {
            palette.series
        };
        let corners = [
            (left as i32, top as i32),
            (end.max(left + 1.0) as i32, (top + bar) as i32),
        ];
        // An exact figure is a solid bar; a bounded or approximate one is outlined.
        if MarkKind::of(point) == MarkKind::Exact {
            plot.draw(&Rectangle::new(corners, colour.filled()))
        } else {
            plot.draw(&Rectangle::new(corners, colour.mix(0.25).filled()))
                .map_err(backend_error)?;
            plot.draw(&Rectangle::new(
                corners,
                colour.stroke_width(m.px(1.5).max(1) as u32),
            ))
        }
        .map_err(backend_error)?;
        let label = clip(&labels[slot], m.text, label_width - m.pad);
        let font = ("sans-serif", m.text)
            .into_font()
            .color(&palette.ink)
            .pos(Pos::new(HPos::Right, VPos::Center));
        plot.draw(&Text::new(
            label,
            ((left - m.pad * 0.5) as i32, centre),
            font,
        ))
        .map_err(backend_error)?;
        let font = ("sans-serif", m.small)
            .into_font()
            .color(&palette.ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        plot.draw(&Text::new(
            values[slot].clone(),
            ((end + m.pad * 0.4) as i32, centre),
            font,
        ))
        .map_err(backend_error)?;
        let (origin_x, origin_y) = plot.get_base_pixel();
        drawn.marks.push(DrawnMark {
            x: (f64::from(origin_x) + end) / style.scale,
            y: (f64::from(origin_y) + top + bar / 2.0) / style.scale,
            point: *index,
        });
    }
    Ok(drawn)
}

/// Shortens a label to fit `width`, with an ellipsis.
fn clip(label: &str, size: f64, width: f64) -> String {
    if text_width(label, size) <= width {
        return label.to_string();
    }
    let keep = ((width / (size * 0.56)) as usize).saturating_sub(1).max(1);
    let mut short: String = label.chars().take(keep).collect();
    short.push('…');
    short
}
