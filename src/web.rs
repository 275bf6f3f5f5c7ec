//! The wasm-bindgen layer: converts between JavaScript and the core, and delegates.
//!
//! Invariant: no logic here beyond conversion and canvas sizing; everything it calls
//! is plain Rust that native tests reach.

use crate::chart::{self, ChartStyle, Lang};
use crate::corpus;
use crate::series::catalogue::Catalogue;
use crate::series::sourced::Corpus;
use crate::series::Series;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The loaded reports and the series found in them: build once, draw many times.
#[wasm_bindgen]
pub struct Derek {
    series: Vec<Series>,
}

#[wasm_bindgen]
impl Derek {
    /// Reads the bundled reports and finds their series.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Derek, JsError> {
        let corpus = Corpus::read(corpus::bundled()?);
        let catalogue = Catalogue::bundled()?;
        Ok(Derek {
            series: catalogue.build(&corpus),
        })
    }

    /// Ids of the series that can be drawn.
    #[wasm_bindgen(js_name = seriesIds)]
    pub fn series_ids(&self) -> Vec<String> {
        self.series.iter().map(|s| s.id.clone()).collect()
    }

    /// The points of a series, with their provenance.
    pub fn points(&self, id: &str) -> Result<JsValue, JsError> {
        Ok(serde_wasm_bindgen::to_value(&self.find(id)?.points)?)
    }

    /// The source line under a chart: "Source : CAT/C/KAZ/3, …".
    pub fn citation(&self, id: &str, lang: &str) -> Result<String, JsError> {
        Ok(chart::source_line(self.find(id)?, Lang::from_code(lang)))
    }

    /// Draws a series on a canvas, sizing its buffer by the device pixel ratio so
    /// that the chart is sharp on any screen. The canvas's CSS size sets the layout.
    pub fn draw(
        &self,
        canvas: HtmlCanvasElement,
        id: &str,
        lang: &str,
        device_pixel_ratio: f64,
    ) -> Result<(), JsError> {
        let series = self.find(id)?;
        let ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 {
            device_pixel_ratio
        } else {
            1.0
        };
        let css_width = f64::from(canvas.client_width().max(1));
        let css_height = f64::from(canvas.client_height().max(1));
        canvas.set_width((css_width * ratio).round() as u32);
        canvas.set_height((css_height * ratio).round() as u32);
        let backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsError::new("this canvas has no 2D context"))?;
        let style = ChartStyle {
            lang: Lang::from_code(lang),
            scale: ratio,
            ..ChartStyle::default()
        };
        chart::draw(&backend.into_drawing_area(), series, &style)?;
        Ok(())
    }
}

impl Derek {
    fn find(&self, id: &str) -> Result<&Series, JsError> {
        self.series
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| JsError::new(&format!("no series with id {id:?}")))
    }
}
