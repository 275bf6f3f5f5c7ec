//! One series, drawn and described: what a chart element asks of its series
//! (the drawing, its height, tooltips, the texts under and about it, downloads).
//!
//! A [`SeriesView`] comes from [`super::Derek::view`] once every report is read,
//! or from a glance ([`super::Startup::glance`]) before: the page's first chart.
//! Invariant: it holds a copy of one series and answers from it alone, so both
//! answer alike (`startup::Startup::glance` builds the series the whole reading
//! builds); what needs the whole corpus (a point's paragraph, search, the reader)
//! is asked of [`super::Derek`].

use super::{to_js, Drawn};
use crate::chart::{self, ChartStyle, Lang, Theme};
use crate::present;
use crate::series::Series;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// One series, drawn and described.
#[wasm_bindgen]
pub struct SeriesView {
    series: Series,
}

impl SeriesView {
    pub(super) fn of(series: Series) -> SeriesView {
        SeriesView { series }
    }

    fn find(&self, id: &str) -> Result<&Series, JsError> {
        if id == self.series.id {
            Ok(&self.series)
        } else {
            Err(JsError::new(&format!(
                "this view holds {:?}, not {id:?}",
                self.series.id
            )))
        }
    }
}

#[wasm_bindgen]
impl SeriesView {
    /// Whether this view holds series `id`.
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

    /// The source line under a chart: "Source : CAT/C/KAZ/3, …".
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
        let style = ChartStyle {
            lang: Lang::from_code(lang),
            ..ChartStyle::default()
        };
        Ok(chart::preferred_height(self.find(id)?, &style, css_width))
    }

    /// Draws the series on a canvas, sizing its buffer by the device pixel ratio so
    /// that the chart is sharp on any screen. `axis` is `"fit"` to fit the value
    /// axis to the values, else it starts at zero. `css_width` and `css_height`,
    /// when given, are the canvas's CSS size as the page knows it (from a
    /// `ResizeObserver`): read from the canvas instead, they would make the browser
    /// lay the page out in the middle of the drawing.
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
        let series = self.find(id)?;
        let ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 {
            device_pixel_ratio.min(4.0)
        } else {
            1.0
        };
        let given = |size: Option<f64>| size.filter(|s| s.is_finite() && *s >= 1.0);
        let css_width = given(css_width).unwrap_or_else(|| f64::from(canvas.client_width().max(1)));
        let css_height =
            given(css_height).unwrap_or_else(|| f64::from(canvas.client_height().max(1)));
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

    /// The chart as an SVG document `width` CSS pixels wide (for download).
    pub fn svg(
        &self,
        id: &str,
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
        Ok(chart::svg(self.find(id)?, &style, width.clamp(320, 2400))?)
    }

    /// The tooltip of point `index`: key, value, quote, source, conflict.
    pub fn tooltip(&self, id: &str, index: usize, lang: &str) -> Result<JsValue, JsError> {
        let tip = present::tooltip(self.find(id)?, index, Lang::from_code(lang))
            .ok_or_else(|| JsError::new(&format!("{id} has no point {index}")))?;
        to_js(&tip)
    }

    /// "About this chart": the series' definition, and every gap, break in series,
    /// part-year figure and disagreement the chart marks, in sentences.
    pub fn about(&self, id: &str, lang: &str) -> Result<JsValue, JsError> {
        to_js(&present::about(self.find(id)?, Lang::from_code(lang)))
    }

    /// The series as CSV, categories in `lang`, for download.
    pub fn csv(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(present::csv(self.find(id)?, Lang::from_code(lang)))
    }

    /// The series as JSON, its title in `lang`, for download.
    pub fn json(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(present::json(self.find(id)?, Lang::from_code(lang)))
    }
}
