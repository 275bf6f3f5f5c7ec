//! The honest marks: each qualifier and year source has its own look, so that a
//! reader can tell an exact figure from "plus de", "environ" or an implied year.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use crate::series::{Point, Qualifier, YearSource};

/// What a mark says about its value. Each variant has one look and one legend line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// Filled circle.
    Exact,
    /// Open circle with a tick pointing up: "plus de", "au moins".
    AtLeast,
    /// Open circle with a tick pointing down: "moins de", "jusqu'à".
    AtMost,
    /// Open circle: "environ".
    Approx,
    /// Dashed line: the year comes from the report's date, not from the text.
    ImpliedYear,
    /// A square around the marker: the figure covers part of a year only
    /// ("huit premiers mois de 2025", "au 1er juillet 2025").
    Partial,
    /// Second colour, joined to the other value: figures for the same date or
    /// category disagree, between reports or within one.
    Conflict,
}

impl MarkKind {
    /// The shape of a point's marker (its year source and conflict are drawn apart).
    pub fn of(point: &Point) -> MarkKind {
        match point.qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::RangeLow => MarkKind::AtLeast,
            Qualifier::LessThan | Qualifier::AtMost | Qualifier::RangeHigh => MarkKind::AtMost,
            Qualifier::Approx => MarkKind::Approx,
            Qualifier::Exact | Qualifier::Change | Qualifier::Target => MarkKind::Exact,
        }
    }

    /// Every kind a set of points needs in its legend, in legend order.
    pub fn used_by<'a>(points: impl IntoIterator<Item = &'a Point>) -> Vec<MarkKind> {
        let mut kinds = Vec::new();
        for p in points {
            kinds.push(MarkKind::of(p));
            if p.year_source == YearSource::Implied && p.year().is_some() {
                kinds.push(MarkKind::ImpliedYear);
            }
            if p.period.is_some() {
                kinds.push(MarkKind::Partial);
            }
            if p.conflict {
                kinds.push(MarkKind::Conflict);
            }
        }
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// The legend's words for this mark, in the reader's language.
    pub fn legend(self, lang: super::Lang) -> &'static str {
        let key = match self {
            MarkKind::Exact => "exact",
            MarkKind::AtLeast => "at_least",
            MarkKind::AtMost => "at_most",
            MarkKind::Approx => "approx",
            MarkKind::ImpliedYear => "implied_year",
            MarkKind::Partial => "partial",
            MarkKind::Conflict => "conflict",
        };
        lang.text().text("legend", key)
    }
}

/// Draws a marker of `kind` centred on a pixel, `radius` device pixels wide.
pub fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: MarkKind,
    (x, y): (i32, i32),
    radius: i32,
    colour: RGBColor,
    background: RGBColor,
    stroke: u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let open = |area: &DrawingArea<DB, Shift>| {
        area.draw(&Circle::new((x, y), radius, background.filled()))?;
        area.draw(&Circle::new((x, y), radius, colour.stroke_width(stroke)))
    };
    let tick = |area: &DrawingArea<DB, Shift>, direction: i32| {
        let from = y + direction * radius;
        let to = y + direction * radius * 3;
        area.draw(&PathElement::new(
            vec![(x, from), (x, to)],
            colour.stroke_width(stroke),
        ))?;
        // A small arrow head, so "up" reads as "more", not as an error bar.
        let head = (radius * 2 / 3).max(2);
        area.draw(&PathElement::new(
            vec![
                (x - head, to - direction * head),
                (x, to),
                (x + head, to - direction * head),
            ],
            colour.stroke_width(stroke),
        ))
    };
    match kind {
        MarkKind::Exact | MarkKind::Conflict => {
            area.draw(&Circle::new((x, y), radius, colour.filled()))?;
        }
        MarkKind::Approx => open(area)?,
        MarkKind::AtLeast => {
            open(area)?;
            tick(area, -1)?;
        }
        MarkKind::AtMost => {
            open(area)?;
            tick(area, 1)?;
        }
        MarkKind::Partial => {
            area.draw(&Circle::new((x, y), radius / 2, colour.filled()))?;
            draw_partial_frame(area, (x, y), radius, colour, stroke)?;
        }
        MarkKind::ImpliedYear => {
            let half = radius * 2;
            area.draw(&DashedPathElement::new(
                vec![(x - half, y), (x + half, y)],
                radius,
                radius / 2 + 1,
                colour.stroke_width(stroke),
            ))?;
        }
    }
    Ok(())
}

/// The square drawn around a marker whose figure covers part of a year only: it
/// keeps the marker's own look (its qualifier) inside.
pub fn draw_partial_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    radius: i32,
    colour: RGBColor,
    stroke: u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let half = radius * 9 / 5;
    area.draw(&Rectangle::new(
        [(x - half, y - half), (x + half, y + half)],
        colour.stroke_width(stroke),
    ))
}
