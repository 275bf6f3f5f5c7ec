//! Browser tests: the wasm API drawing on real canvases in headless Chromium.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner with ChromeDriver).
#![cfg(target_arch = "wasm32")]

use derek::web::Derek;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(css_width: u32, css_height: u32) -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("a canvas element")
        .dyn_into()
        .expect("an HtmlCanvasElement");
    canvas
        .set_attribute(
            "style",
            &format!("width:{css_width}px;height:{css_height}px;display:block"),
        )
        .expect("a style attribute");
    document
        .body()
        .expect("a body")
        .append_child(&canvas)
        .expect("the canvas in the page");
    canvas
}

/// Counts the pixels that are not the background: proof that something was drawn.
fn inked(canvas: &HtmlCanvasElement) -> usize {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("a context")
        .expect("a 2D context")
        .dyn_into()
        .expect("a CanvasRenderingContext2d");
    let data = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("the canvas pixels")
        .data();
    data.chunks(4)
        .filter(|p| p[0] < 240 || p[1] < 240 || p[2] < 240)
        .count()
}

#[wasm_bindgen_test]
fn every_series_draws_at_every_size_and_pixel_ratio() {
    let derek = Derek::new().expect("the bundled corpus loads");
    let ids = derek.series_ids();
    assert!(ids.len() >= 2, "only {} series", ids.len());
    for id in &ids {
        let view = derek.view(id).expect("a listed series has a view");
        for width in [320u32, 1200] {
            let height = view
                .preferred_height(id, "fr", f64::from(width))
                .expect("a preferred height") as u32;
            for ratio in [1.0, 2.0] {
                let canvas = canvas(width, height);
                let drawn = view
                    .draw(canvas.clone(), id, "fr", "light", "zero", ratio, None, None)
                    .unwrap_or_else(|e| {
                        panic!(
                            "{id} at {width} px ×{ratio}: {:?}",
                            wasm_bindgen::JsValue::from(e)
                        )
                    });
                // The buffer has the device pixels; the CSS size stays the layout size.
                assert_eq!(canvas.width(), (f64::from(width) * ratio) as u32, "{id}");
                assert_eq!(canvas.height(), (f64::from(height) * ratio) as u32, "{id}");
                assert!(
                    inked(&canvas) > 1000,
                    "{id} at {width} px ×{ratio} is blank"
                );
                // Every point is somewhere on the canvas, for tooltips and the keyboard.
                for index in drawn.order() {
                    let at = drawn.position(index);
                    assert!(
                        at[0] >= 0.0 && at[0] <= f64::from(width),
                        "{id} point {index} x {at:?}"
                    );
                    assert!(
                        at[1] >= 0.0 && at[1] <= f64::from(height),
                        "{id} point {index} y {at:?}"
                    );
                }
                canvas.remove();
            }
        }
    }
}

#[wasm_bindgen_test]
fn dark_theme_and_english_draw_too() {
    let derek = Derek::new().expect("the bundled corpus loads");
    let id = &derek.series_ids()[0];
    let canvas = canvas(640, 420);
    let view = derek.view(id).expect("a listed series has a view");
    view.draw(canvas.clone(), id, "en", "dark", "fit", 1.5, None, None)
        .expect("the chart draws");
    assert!(inked(&canvas) > 10_000, "a dark chart fills its background");
    assert!(view.summary(id, "en").expect("a summary").len() > 20);
}

#[wasm_bindgen_test]
fn an_unknown_series_is_an_error_not_a_panic() {
    let derek = Derek::new().expect("the bundled corpus loads");
    assert!(derek.view("no_such_series").is_none());
    let id = &derek.series_ids()[0];
    let view = derek.view(id).expect("a listed series has a view");
    // A view answers for its own series only.
    assert!(view
        .draw(
            canvas(300, 200),
            "no_such_series",
            "en",
            "light",
            "zero",
            1.0,
            None,
            None
        )
        .is_err());
    assert!(view.tooltip("no_such_series", 0, "en").is_err());
    assert!(view.tooltip(id, 9_999, "en").is_err());
    assert!(derek.source(id, 9_999, "en").is_err());
}

/// In the wasm (whose rule-word search is its own byte scan), a glance at each
/// series, prepared a piece at a time as the page does, gives the series the
/// whole start-up gives, and draws the same pixels.
#[wasm_bindgen_test]
fn a_glance_at_each_series_is_that_series() {
    let derek = Derek::new().expect("the bundled corpus loads");
    let ids = derek.series_ids();
    assert!(ids.len() > 40);
    for id in &ids {
        let mut startup = derek::web::Startup::new().expect("a start-up");
        let mut pieces = 0;
        while startup.prepare(id) {
            pieces += 1;
            assert!(pieces < 100, "{id}: {pieces} pieces");
        }
        let glance = startup.glance(id).expect("a catalogued series");
        let whole = js_sys::JSON::stringify(&derek.series(id).expect("a series")).expect("JSON");
        let glanced = js_sys::JSON::stringify(&glance.series(id).expect("a series")).expect("JSON");
        assert_eq!(String::from(glanced), String::from(whole), "{id}");
    }
    let (a, b) = (canvas(640, 400), canvas(640, 400));
    let mut startup = derek::web::Startup::new().expect("a start-up");
    let id = ids.first().expect("a series");
    let glance = startup.glance(id).expect("a catalogued series");
    glance
        .draw(
            a.clone(),
            id,
            "fr",
            "light",
            "zero",
            1.0,
            Some(640.0),
            Some(400.0),
        )
        .expect("drawn");
    derek
        .view(id)
        .expect("a listed series has a view")
        .draw(b.clone(), id, "fr", "light", "zero", 1.0, None, None)
        .expect("drawn");
    let pixels = |c: &HtmlCanvasElement| -> Vec<u8> {
        let context: web_sys::CanvasRenderingContext2d = c
            .get_context("2d")
            .expect("a context")
            .expect("a 2D context")
            .dyn_into()
            .expect("a CanvasRenderingContext2d");
        context
            .get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
            .expect("the canvas pixels")
            .data()
            .to_vec()
    };
    assert!(inked(&a) > 1000);
    assert_eq!(pixels(&a), pixels(&b));
}
