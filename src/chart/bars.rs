//! A breakdown: categories as horizontal bars, largest first, values at their ends.
//! One bar per category: values that disagree make one disputed bar, never two.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{text_width, Frame};
use super::marks::MarkKind;
use super::{backend_error, format, ChartError, ChartStyle, DrawnChart, DrawnMark};
use crate::series::{Bar, Point, Series};

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

    // One bar per category: values that disagree are one disputed bar.
    let bars = series.bars();
    let labels: Vec<String> = bars
        .iter()
        .map(|bar| {
            bar.points
                .first()
                .and_then(|i| series.points.get(*i))
                .and_then(|p| series.category_label(p, style.lang))
                .unwrap_or(&bar.category)
                .to_string()
        })
        .collect();
    let label_width = labels
        .iter()
        .map(|l| text_width(l, m.text))
        .fold(0.0, f64::max)
        .min(plot_width * 0.4)
        + m.pad;
    let values: Vec<String> = bars
        .iter()
        .map(|bar| value_label(series, bar, style))
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
    let row = (plot_height / bars.len().max(1) as f64).min(ROW * m.scale * 1.4);
    let bar_height = row * 0.68;
    let x_of = |value: f64| left + bar_space * (value / max).max(0.0);

    let mut drawn = DrawnChart::default();
    for (slot, bar) in bars.iter().enumerate() {
        let points: Vec<&Point> = bar
            .points
            .iter()
            .filter_map(|i| series.points.get(*i))
            .collect();
        let Some(first) = points.first() else {
            continue;
        };
        let top = slot as f64 * row + (row - bar_height) / 2.0;
        let centre = (top + bar_height / 2.0) as i32;
        let high = points.iter().map(|p| p.value).fold(f64::MIN, f64::max);
        let low = points.iter().map(|p| p.value).fold(f64::MAX, f64::min);
        let end = x_of(high);
        let colour = if bar.conflict {
            palette.conflict
        } else {
            palette.series
        };
        let thin = m.px(1.5).max(1) as u32;
        let corners = |to: f64| {
            [
                (left as i32, top as i32),
                (to.max(left + 1.0) as i32, (top + bar_height) as i32),
            ]
        };
        if bar.conflict {
            // A disputed category: solid to the lowest value stated, outlined up to
            // the highest, a tick at every value. No value is drawn as "the" value.
            plot.draw(&Rectangle::new(corners(x_of(low)), colour.filled()))
                .map_err(backend_error)?;
            plot.draw(&Rectangle::new(corners(end), colour.stroke_width(thin)))
                .map_err(backend_error)?;
            for p in &points {
                let x = x_of(p.value) as i32;
                plot.draw(&PathElement::new(
                    vec![
                        (x, (top - bar_height * 0.2) as i32),
                        (x, (top + bar_height * 1.2) as i32),
                    ],
                    palette.ink.stroke_width(thin),
                ))
                .map_err(backend_error)?;
            }
        } else if MarkKind::of(first) == MarkKind::Exact {
            // An exact figure is a solid bar; a bounded or approximate one is outlined.
            plot.draw(&Rectangle::new(corners(end), colour.filled()))
                .map_err(backend_error)?;
        } else {
            plot.draw(&Rectangle::new(corners(end), colour.mix(0.25).filled()))
                .map_err(backend_error)?;
            plot.draw(&Rectangle::new(corners(end), colour.stroke_width(thin)))
                .map_err(backend_error)?;
        }
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
        // Every point of the bar can be reached, at its own value.
        let (origin_x, origin_y) = plot.get_base_pixel();
        for (index, p) in bar.points.iter().zip(&points) {
            drawn.marks.push(DrawnMark {
                x: (f64::from(origin_x) + x_of(p.value)) / style.scale,
                y: (f64::from(origin_y) + top + bar_height / 2.0) / style.scale,
                point: *index,
            });
        }
    }
    Ok(drawn)
}

/// The value at a bar's end: "56,2 %", "≥ 44 000", "55,8 ≠ 56,2 %" for a disputed
/// category, with the months a part-year figure covers.
fn value_label(series: &Series, bar: &Bar, style: &ChartStyle) -> String {
    let mut shown: Vec<String> = Vec::new();
    let mut periods: Vec<String> = Vec::new();
    // Lowest first, each distinct value once.
    for i in bar.points.iter().rev() {
        let Some(p) = series.points.get(*i) else {
            continue;
        };
        let text = format!(
            "{}{}",
            format::qualifier_sign(p.qualifier),
            format::with_unit(p.value, series.unit, style.lang)
        );
        if !shown.contains(&text) {
            shown.push(text);
        }
        if let Some(period) = &p.period {
            let text = format::period_short(period, style.lang);
            if !periods.contains(&text) {
                periods.push(text);
            }
        }
    }
    let mut label = shown.join(" ≠ ");
    if !periods.is_empty() {
        label = format!("{label} ({})", periods.join(", "));
    }
    label
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
