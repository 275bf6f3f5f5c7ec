//! The frame around a plot: title and unit above, legend and source line below.
//! Sizes come from the width, so the same chart reads at 320 px and at 1200 px.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format;
use super::marks::{self, MarkKind};
use super::{backend_error, ChartError, ChartStyle};
use crate::series::{Kind, Series};

/// Font sizes and spacing for one chart, in device pixels.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    pub scale: f64,
    pub title: f64,
    pub text: f64,
    pub small: f64,
    pub pad: f64,
}

impl Metrics {
    /// Sizes for a chart `css_width` CSS pixels wide, at `scale` device pixels each.
    pub fn for_width(css_width: f64, scale: f64) -> Metrics {
        let narrow = css_width < 480.0;
        Metrics {
            scale,
            title: if narrow { 16.0 } else { 19.0 } * scale,
            text: if narrow { 12.0 } else { 13.0 } * scale,
            small: if narrow { 11.0 } else { 12.0 } * scale,
            pad: if narrow { 8.0 } else { 14.0 } * scale,
        }
    }

    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }
}

/// A rough width of `text` at `size` px in a sans-serif font: plotters measures
/// text only natively with fonts we do not ship, so layout works from an estimate
/// that errs wide, so that labels never overlap.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// Splits `text` into lines no wider than `width` (device pixels) at `size`.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A legend line that is not a mark: what the line does between marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Years without a figure: the dotted line.
    Gap,
    /// A break in series: the vertical rule.
    Break,
}

/// A legend line under the marks, wrapped to the width.
pub struct Note {
    pub kind: NoteKind,
    pub lines: Vec<String>,
}

/// The legend lines a time series needs beyond its marks: its gaps, then its
/// breaks in series, in the reader's language.
pub fn notes(series: &Series, lang: super::Lang) -> Vec<(NoteKind, String)> {
    if series.kind != Kind::Time {
        return Vec::new();
    }
    let mut notes = Vec::new();
    let gaps = series.gaps();
    if !gaps.is_empty() {
        notes.push((NoteKind::Gap, format::gaps_legend(&gaps, lang)));
    }
    for b in series.breaks_drawn() {
        notes.push((
            NoteKind::Break,
            format::break_legend(&series.id, b.from, lang),
        ));
    }
    notes
}

/// What goes above and below the plot, measured for one width.
pub struct Frame {
    title: Vec<String>,
    subtitle: String,
    legend_rows: Vec<Vec<MarkKind>>,
    notes: Vec<Note>,
    source: Vec<String>,
    /// A breakdown: the legend shows bar swatches, not line markers.
    bars: bool,
    pub metrics: Metrics,
}

impl Frame {
    /// Lays out the frame of `series` for a chart `width` device pixels wide.
    pub fn new(series: &Series, style: &ChartStyle, width: f64) -> Frame {
        let metrics = Metrics::for_width(width / style.scale, style.scale);
        let inner = width - 2.0 * metrics.pad;
        let title = series.title(style.lang);
        let legend = MarkKind::used_by(&series.points);
        // Legend items flow into rows that fit the width.
        let mut legend_rows: Vec<Vec<MarkKind>> = Vec::new();
        let mut row_width = 0.0;
        for kind in &legend {
            let item = legend_item_width(*kind, style, &metrics);
            match legend_rows.last_mut() {
                Some(row) if row_width + item <= inner => {
                    row.push(*kind);
                    row_width += item;
                }
                _ => {
                    legend_rows.push(vec![*kind]);
                    row_width = item;
                }
            }
        }
        let note_width = inner - metrics.small * 1.6;
        let notes = notes(series, style.lang)
            .into_iter()
            .map(|(kind, text)| Note {
                kind,
                lines: wrap(&text, metrics.small, note_width),
            })
            .collect();
        Frame {
            title: wrap(title, metrics.title, inner),
            notes,
            subtitle: format::unit_name(series.unit, style.lang).to_string(),
            legend_rows,
            source: wrap(&source_line(series, style.lang), metrics.small, inner),
            bars: series.kind == crate::series::Kind::Breakdown,
            metrics,
        }
    }

    fn header_height(&self) -> f64 {
        let m = &self.metrics;
        m.pad + self.title.len() as f64 * m.title * 1.25 + m.text * 1.6 + m.pad * 0.5
    }

    fn footer_height(&self) -> f64 {
        let m = &self.metrics;
        m.pad * 0.5
            + self.legend_rows.len() as f64 * m.small * 1.7
            + self.note_lines() as f64 * m.small * 1.35
            + self.source.len() as f64 * m.small * 1.35
            + m.pad
    }

    fn note_lines(&self) -> usize {
        self.notes.iter().map(|n| n.lines.len()).sum()
    }

    /// Height the frame takes, title to source line, in device pixels.
    pub fn height(&self) -> f64 {
        self.header_height() + self.footer_height()
    }

    /// Draws title, subtitle, legend and source; returns the area left for the plot.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> Result<DrawingArea<DB, Shift>, ChartError> {
        let m = &self.metrics;
        let palette = style.palette();
        let (_, height) = root.dim_in_pixel();
        let left = m.pad.round() as i32;
        let top_left = Pos::new(HPos::Left, VPos::Top);
        let mut y = m.pad;
        for line in &self.title {
            let font = ("sans-serif", m.title, FontStyle::Bold)
                .into_font()
                .color(&palette.ink)
                .pos(top_left);
            root.draw(&Text::new(line.clone(), (left, y as i32), font))
                .map_err(backend_error)?;
            y += m.title * 1.25;
        }
        let font = ("sans-serif", m.text)
            .into_font()
            .color(&palette.muted)
            .pos(top_left);
        root.draw(&Text::new(self.subtitle.clone(), (left, y as i32), font))
            .map_err(backend_error)?;

        let mut y = f64::from(height) - self.footer_height() + m.pad * 0.5;
        let radius = m.px(4.0);
        let stroke = m.px(1.5).max(1) as u32;
        let bars = self.bars;
        for row in &self.legend_rows {
            let mut x = m.pad;
            let centre = (y + m.small * 0.85) as i32;
            for kind in row {
                let swatch_x = (x + m.small * 0.6) as i32;
                let colour = if *kind == MarkKind::Conflict {
                    palette.conflict
                } else {
                    palette.series
                };
                if bars && *kind != MarkKind::ImpliedYear {
                    // A breakdown's legend shows bars: solid when exact, outlined when not.
                    let half = radius + 1;
                    let corners = [
                        (swatch_x - half, centre - half),
                        (swatch_x + half, centre + half),
                    ];
                    if matches!(kind, MarkKind::Exact | MarkKind::Conflict) {
                        root.draw(&Rectangle::new(corners, colour.filled()))
                    } else {
                        root.draw(&Rectangle::new(corners, colour.mix(0.25).filled()))
                            .and_then(|()| {
                                root.draw(&Rectangle::new(corners, colour.stroke_width(stroke)))
                            })
                    }
                    .map_err(backend_error)?;
                } else {
                    marks::draw_marker(
                        root,
                        *kind,
                        (swatch_x, centre),
                        radius,
                        colour,
                        palette.background,
                        stroke,
                    )
                    .map_err(backend_error)?;
                }
                let font = ("sans-serif", m.small)
                    .into_font()
                    .color(&palette.ink)
                    .pos(Pos::new(HPos::Left, VPos::Center));
                let label_x = (x + m.small * 1.6) as i32;
                root.draw(&Text::new(kind.legend(style.lang), (label_x, centre), font))
                    .map_err(backend_error)?;
                x += legend_item_width(*kind, style, m);
            }
            y += m.small * 1.7;
        }
        for note in &self.notes {
            let centre = (y + m.small * 0.5) as i32;
            let swatch = (m.pad, m.pad + m.small * 1.2);
            let colour = palette.series.stroke_width(stroke);
            match note.kind {
                NoteKind::Gap => root.draw(&dotted(
                    (swatch.0 as i32, centre),
                    (swatch.1 as i32, centre),
                    m.px(3.0),
                    colour,
                )),
                NoteKind::Break => {
                    let x = ((swatch.0 + swatch.1) / 2.0) as i32;
                    let half = (m.small * 0.6) as i32;
                    root.draw(&dotted(
                        (x, centre - half),
                        (x, centre + half),
                        m.px(3.0),
                        palette.muted.stroke_width(stroke),
                    ))
                }
            }
            .map_err(backend_error)?;
            for line in &note.lines {
                let font = ("sans-serif", m.small)
                    .into_font()
                    .color(&palette.ink)
                    .pos(top_left);
                let x = (m.pad + m.small * 1.6) as i32;
                root.draw(&Text::new(line.clone(), (x, y as i32), font))
                    .map_err(backend_error)?;
                y += m.small * 1.35;
            }
        }
        for line in &self.source {
            let font = ("sans-serif", m.small)
                .into_font()
                .color(&palette.muted)
                .pos(top_left);
            root.draw(&Text::new(line.clone(), (left, y as i32), font))
                .map_err(backend_error)?;
            y += m.small * 1.35;
        }

        let top = self.header_height().round() as u32;
        let bottom = self.footer_height().round() as u32;
        Ok(root.margin(top, bottom, 0, 0))
    }
}

fn legend_item_width(kind: MarkKind, style: &ChartStyle, m: &Metrics) -> f64 {
    m.small * 1.6 + text_width(kind.legend(style.lang), m.small) + m.small * 1.4
}

/// "Source : CAT/C/KAZ/3, Article 16 ; A/HRC/WG.6/34/KAZ/1, par. 81".
pub fn source_line(series: &Series, lang: super::Lang) -> String {
    let cited: Vec<String> = series
        .citations()
        .into_iter()
        .map(|(report, refs)| {
            let refs: Vec<String> = refs
                .iter()
                .map(|r| crate::present::reference(r, lang))
                .collect();
            format!("{report}, {}", refs.join(", "))
        })
        .collect();
    let t = lang.text();
    t.fill(
        "chart",
        "source",
        &[("list", &cited.join(t.text("chart", "source_separator")))],
    )
}

/// A dotted straight line: short dashes `step` device pixels apart (plotters has
/// no dotted style; half-step dashes read as dots at chart sizes).
pub fn dotted(
    from: (i32, i32),
    to: (i32, i32),
    step: i32,
    style: ShapeStyle,
) -> plotters::element::DashedPathElement<std::vec::IntoIter<(i32, i32)>, i32> {
    let step = step.max(2);
    plotters::element::DashedPathElement::new(vec![from, to], step / 2, step - step / 2, style)
}
