//! A time series: a line over whole years, from zero, with honest marks. The line
//! joins consecutive known years only: across missing years it is dotted, across a
//! break in series or to a part-year figure it is not drawn at all.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{dotted, text_width, Frame};
use super::marks::{self, MarkKind};
use super::{backend_error, format, ChartError, ChartStyle, DrawnChart, DrawnMark};
use crate::series::{Join, Series, YearSource};

/// Draws `series` (a time series) on `root`; returns where each point was drawn.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &Series,
    style: &ChartStyle,
) -> Result<DrawnChart, ChartError> {
    let dated: Vec<(usize, i32)> = series
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.year().map(|y| (i, y)))
        .collect();
    let (Some(first), Some(last)) = (
        dated.iter().map(|(_, y)| *y).min(),
        dated.iter().map(|(_, y)| *y).max(),
    ) else {
        return Err(ChartError::Empty(series.id.clone()));
    };
    let palette = style.palette();
    let (width, _) = root.dim_in_pixel();
    let frame = Frame::new(series, style, f64::from(width));
    let m = frame.metrics;
    let plot_area = frame.draw(root, style)?;

    let max = series
        .points
        .iter()
        .map(|p| p.value)
        .fold(0.0_f64, f64::max);
    let top = nice_ceiling(max * 1.08);
    // From zero unless the reader asks to fit the axis to the values.
    let bottom = if style.fit_axis {
        let min = series
            .points
            .iter()
            .map(|p| p.value)
            .fold(f64::INFINITY, f64::min);
        nice_floor(min - (max - min).max(max.abs() * 0.02) * 0.15)
    } else {
        0.0
    };
    let span = f64::from(last - first);
    let pad = (span * 0.06).max(0.5);
    let x_range = (f64::from(first) - pad)..(f64::from(last) + pad);

    let tick_labels: Vec<String> = [bottom, top / 2.0, top]
        .iter()
        .map(|v| format::compact(*v, style.lang))
        .collect();
    let y_label_width = tick_labels
        .iter()
        .map(|l| text_width(l, m.small))
        .fold(0.0, f64::max)
        + m.pad;
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_left(m.pad as i32)
        .margin_right((m.pad * 1.5) as i32)
        .margin_top(m.px(22.0))
        .x_label_area_size((m.small * 2.2) as i32)
        .y_label_area_size(y_label_width as i32)
        .build_cartesian_2d(x_range, bottom..top)
        .map_err(backend_error)?;

    let plot_height = f64::from(chart.plotting_area().dim_in_pixel().1);
    let y_ticks = ((plot_height / (m.small * 3.5)) as usize).clamp(2, 8);
    let lang = style.lang;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(y_ticks)
        .max_light_lines(0)
        .bold_line_style(palette.grid.stroke_width(m.px(1.0).max(1) as u32))
        .axis_style(palette.muted.stroke_width(m.px(1.0).max(1) as u32))
        .label_style(("sans-serif", m.small).into_font().color(&palette.muted))
        .y_label_formatter(&|v| format::compact(*v, lang))
        .draw()
        .map_err(backend_error)?;

    // Whole-year ticks, spaced so that labels never touch.
    let plot_width = f64::from(chart.plotting_area().dim_in_pixel().0);
    let per_year = plot_width / (span + 2.0 * pad);
    let label = text_width("2000", m.small) * 1.6;
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| per_year * f64::from(*s) >= label)
        .unwrap_or(100);
    let (_, y_pixels) = chart.plotting_area().get_pixel_range();
    let label_y = y_pixels.end + m.px(6.0);
    let mut year = first - first.rem_euclid(step);
    while year <= last {
        if year >= first {
            let (x, _) = chart.backend_coord(&(f64::from(year), 0.0));
            let font = ("sans-serif", m.small)
                .into_font()
                .color(&palette.muted)
                .pos(Pos::new(HPos::Center, VPos::Top));
            root.draw(&Text::new(year.to_string(), (x, label_y), font))
                .map_err(backend_error)?;
            root.draw(&PathElement::new(
                vec![(x, y_pixels.end), (x, y_pixels.end + m.px(4.0))],
                palette.muted.stroke_width(m.px(1.0).max(1) as u32),
            ))
            .map_err(backend_error)?;
        }
        year += step;
    }

    // One value per year carries the line (see `Series::line`); other values for
    // that year stand beside it.
    let line = series.line();
    let pixel = |i: usize| {
        let p = &series.points[i];
        chart.backend_coord(&(f64::from(p.year().unwrap_or(first)), p.value))
    };
    let stroke = m.px(2.0).max(1) as u32;
    for link in series.links() {
        let (a, b) = (link.from, link.to);
        let implied = [a, b]
            .iter()
            .any(|i| series.points[*i].year_source == YearSource::Implied);
        let path = vec![pixel(a), pixel(b)];
        let style = palette.series.stroke_width(stroke);
        match link.join {
            Join::Solid if implied => {
                root.draw(&DashedPathElement::new(path, m.px(6.0), m.px(4.0), style))
            }
            Join::Solid => root.draw(&PathElement::new(path, style)),
            // Years without a figure: dotted, never a solid trend.
            Join::Gap => root.draw(&dotted(pixel(a), pixel(b), m.px(5.0), style)),
            // Another definition, or part of a year: never joined.
            Join::Break | Join::Partial => Ok(()),
        }
        .map_err(backend_error)?;
    }
    // A break in series: a rule between the last year of one definition and the
    // first of the next, explained by its legend line.
    let (_, y_range) = chart.plotting_area().get_pixel_range();
    for b in series.breaks_drawn() {
        let (x, _) = chart.backend_coord(&(f64::from(b.from) - 0.5, bottom));
        root.draw(&dotted(
            (x, y_range.start),
            (x, y_range.end),
            m.px(6.0),
            palette.muted.stroke_width(m.px(1.5).max(1) as u32),
        ))
        .map_err(backend_error)?;
    }

    let radius = m.px(5.0);
    let mark_stroke = m.px(1.8).max(1) as u32;
    let show_labels =
        per_year * span.max(1.0) / line.len().max(1) as f64 > text_width("≥ 000 000", m.small);
    let mut drawn = DrawnChart::default();
    for (index, _) in &dated {
        let point = &series.points[*index];
        let (x, y) = pixel(*index);
        let on_line = line.contains(index);
        // Every value of a disputed year is drawn as disputed, the line's too.
        let colour = if point.conflict {
            palette.conflict
        } else {
            palette.series
        };
        if !on_line && point.conflict {
            // Join a second report's value to the line's, so the disagreement shows.
            if let Some(main) = line
                .iter()
                .find(|i| series.points[**i].year() == point.year())
            {
                root.draw(&DashedPathElement::new(
                    vec![pixel(*main), (x, y)],
                    m.px(2.0),
                    m.px(2.0),
                    colour.stroke_width(m.px(1.0).max(1) as u32),
                ))
                .map_err(backend_error)?;
            }
        }
        // An implied year is said by the mark itself, not only by the dashed line
        // that may join it: a point across a gap or a break has no line.
        if point.year_source == YearSource::Implied {
            marks::draw_marker(
                root,
                MarkKind::ImpliedYear,
                (x, y),
                radius,
                colour,
                palette.background,
                mark_stroke,
            )
            .map_err(backend_error)?;
        }
        marks::draw_marker(
            root,
            MarkKind::of(point),
            (x, y),
            radius,
            colour,
            palette.background,
            mark_stroke,
        )
        .map_err(backend_error)?;
        if point.period.is_some() {
            marks::draw_partial_frame(root, (x, y), radius, colour, mark_stroke)
                .map_err(backend_error)?;
        }
        if show_labels || point.conflict || point.period.is_some() {
            let mut text = format!(
                "{}{}",
                format::qualifier_sign(point.qualifier),
                format::with_unit(point.value, series.unit, style.lang)
            );
            if let Some(period) = &point.period {
                text = format!("{text} ({})", format::period_short(period, style.lang));
            }
            // Labels sit beside the marker, on the side the line leaves free: below
            // when the line climbs to the next point, above otherwise.
            // A label that would run off the right edge goes to the marker's left.
            let overflows = f64::from(x + radius) + m.px(4.0) as f64 + text_width(&text, m.small)
                > f64::from(width) - m.pad * 0.5;
            let (h, dx) = if on_line && !overflows {
                (HPos::Left, radius + m.px(4.0))
            } else {
                (HPos::Right, -radius - m.px(4.0))
            };
            let next_higher = line
                .iter()
                .position(|i| i == index)
                .and_then(|at| line.get(at + 1))
                .is_some_and(|next| pixel(*next).1 < y);
            let (v, dy) = if next_higher {
                (VPos::Top, radius / 2)
            } else {
                (VPos::Bottom, -radius / 2)
            };
            let font = ("sans-serif", m.small)
                .into_font()
                .color(&palette.ink)
                .pos(Pos::new(h, v));
            root.draw(&Text::new(text, (x + dx, y + dy), font))
                .map_err(backend_error)?;
        }
        drawn.marks.push(DrawnMark {
            x: f64::from(x) / style.scale,
            y: f64::from(y) / style.scale,
            point: *index,
        });
    }
    Ok(drawn)
}

/// A round number at or below `value` (zero for values that are not positive).
pub fn nice_floor(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    (value / magnitude * 2.0).floor() / 2.0 * magnitude
}

/// The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `value`.
pub fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|f| f * magnitude)
        .find(|v| *v >= value)
        .unwrap_or(10.0 * magnitude)
}
