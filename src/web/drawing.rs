//! One series drawn and described: what a chart element asks of a series, for
//! [`super::Derek`] (every series) and [`Glance`] (the one series a page's first
//! chart needs, before start-up ends).
//!
//! Invariant: a [`Glance`] answers exactly as [`super::Derek`] answers for its
//! series (the same functions, and `startup::Startup::glance` builds the series
//! the whole reading builds); what needs the whole corpus (sources, search, the
//! reader) it does not offer.

use super::{to_js, Drawn};
use crate::chart::{self, ChartStyle, Lang, Theme};
use crate::present;
use crate::series::Series;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The height (CSS pixels) the chart wants at `css_width`.
pub(super) fn preferred_height(series: &Series, lang: &str, css_width: f64) -> f64 {
    let style = ChartStyle {
        lang: Lang::from_code(lang),
        ..ChartStyle::default()
    };
    chart::preferred_height(series, &style, css_width)
}

/// The canvas's size in CSS pixels, as the page knows it (from a
/// `ResizeObserver`, with no layout forced), where it does.
#[derive(Clone, Copy)]
pub(super) struct CssSize {
    pub width: Option<f64>,
    pub height: Option<f64>,
}

/// Draws `series` on a canvas, its buffer sized by the device pixel ratio.
pub(super) fn draw(
    series: &Series,
    canvas: HtmlCanvasElement,
    lang: &str,
    theme: &str,
    axis: &str,
    device_pixel_ratio: f64,
    size: CssSize,
) -> Result<Drawn, JsError> {
    let ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 {
        device_pixel_ratio.min(4.0)
    } else {
        1.0
    };
    // A size given spares the browser a layout in the middle of the drawing.
    let given = |size: Option<f64>| size.filter(|s| s.is_finite() && *s >= 1.0);
    let css_width = given(size.width).unwrap_or_else(|| f64::from(canvas.client_width().max(1)));
    let css_height = given(size.height).unwrap_or_else(|| f64::from(canvas.client_height().max(1)));
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsError::new("this canvas has no 2D context"))?;
    let style = ChartStyle {
        lang: Lang::from_code(lang),
        theme: Theme::from_code(theme),
        scale: ratio,
        fit_axis: axis == "fit",
    };
    let inner = chart::draw(&backend.into_drawing_area(), series, &style)?;
    Ok(Drawn { inner })
}

/// The chart as an SVG document `width` CSS pixels wide.
pub(super) fn svg(
    series: &Series,
    lang: &str,
    theme: &str,
    axis: &str,
    width: u32,
) -> Result<String, JsError> {
    let style = ChartStyle {
        lang: Lang::from_code(lang),
        theme: Theme::from_code(theme),
        scale: 1.0,
        fit_axis: axis == "fit",
    };
    Ok(chart::svg(series, &style, width.clamp(320, 2400))?)
}

/// The tooltip of point `index`.
pub(super) fn tooltip(series: &Series, index: usize, lang: &str) -> Result<JsValue, JsError> {
    let tip = present::tooltip(series, index, Lang::from_code(lang))
        .ok_or_else(|| JsError::new(&format!("{} has no point {index}", series.id)))?;
    to_js(&tip)
}

/// One catalogued series, built before start-up ends from the paragraphs that
/// can hold its figures: it draws and describes that series as [`super::Derek`]
/// does.
#[wasm_bindgen]
pub struct Glance {
    series: Series,
}

impl Glance {
    pub(super) fn of(series: Series) -> Glance {
        Glance { series }
    }

    fn find(&self, id: &str) -> Result<&Series, JsError> {
        if id == self.series.id {
            Ok(&self.series)
        } else {
            Err(JsError::new(&format!(
                "this glance holds {:?}, not {id:?}",
                self.series.id
            )))
        }
    }
}

#[wasm_bindgen]
impl Glance {
    /// Whether this glance holds series `id`.
    #[wasm_bindgen(js_name = hasSeries)]
    pub fn has_series(&self, id: &str) -> bool {
        id == self.series.id
    }

    /// The series with all its points and their provenance.
    pub fn series(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(self.find(id)?)
    }

    /// The series' title in `lang`.
    pub fn title(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(self.find(id)?.title(Lang::from_code(lang)).to_string())
    }

    /// The source line under the chart.
    pub fn citation(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(chart::source_line(self.find(id)?, Lang::from_code(lang)))
    }

    /// The chart described in a sentence or two, for screen readers.
    pub fn summary(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(present::summary(self.find(id)?, Lang::from_code(lang)))
    }

    /// The height (CSS pixels) the chart wants at `css_width`.
    #[wasm_bindgen(js_name = preferredHeight)]
    pub fn preferred_height(&self, id: &str, lang: &str, css_width: f64) -> Result<f64, JsError> {
        Ok(preferred_height(self.find(id)?, lang, css_width))
    }

    /// Draws the series on a canvas (see `Derek::draw`).
    #[allow(clippy::too_many_arguments)] // the page's call, one value an argument
    pub fn draw(
        &self,
        canvas: HtmlCanvasElement,
        id: &str,
        lang: &str,
        theme: &str,
        axis: &str,
        device_pixel_ratio: f64,
        css_width: Option<f64>,
        css_height: Option<f64>,
    ) -> Result<Drawn, JsError> {
        let size = CssSize {
            width: css_width,
            height: css_height,
        };
        draw(
            self.find(id)?,
            canvas,
            lang,
            theme,
            axis,
            device_pixel_ratio,
            size,
        )
    }

    /// The chart as an SVG document `width` CSS pixels wide.
    pub fn svg(
        &self,
        id: &str,
        lang: &str,
        theme: &str,
        axis: &str,
        width: u32,
    ) -> Result<String, JsError> {
        svg(self.find(id)?, lang, theme, axis, width)
    }

    /// The tooltip of point `index`.
    pub fn tooltip(&self, id: &str, index: usize, lang: &str) -> Result<JsValue, JsError> {
        tooltip(self.find(id)?, index, lang)
    }

    /// "About this chart".
    pub fn about(&self, id: &str, lang: &str) -> Result<JsValue, JsError> {
        to_js(&present::about(self.find(id)?, Lang::from_code(lang)))
    }

    /// The series as CSV.
    pub fn csv(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(present::csv(self.find(id)?, Lang::from_code(lang)))
    }

    /// The series as JSON.
    pub fn json(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(present::json(self.find(id)?, Lang::from_code(lang)))
    }
}
