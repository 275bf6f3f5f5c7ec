//! Browser tests: the wasm API drawing on a real canvas in headless Chromium.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner with ChromeDriver).
#![cfg(target_arch = "wasm32")]

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

#[wasm_bindgen_test]
fn draws_sharp_at_any_device_pixel_ratio() {
    let derek = derek::web::Derek::new().expect("the bundled corpus loads");
    for ratio in [1.0, 2.0] {
        let canvas = canvas(600, 360);
        derek
            .draw(canvas.clone(), "domestic_violence_cases", "fr", ratio)
            .expect("the chart draws");
        // The buffer has the device pixels, the CSS size stays the layout size.
        assert_eq!(canvas.width(), (600.0 * ratio) as u32);
        assert_eq!(canvas.height(), (360.0 * ratio) as u32);
    }
}

#[wasm_bindgen_test]
fn an_unknown_series_is_an_error_not_a_panic() {
    let derek = derek::web::Derek::new().expect("the bundled corpus loads");
    let result = derek.draw(canvas(300, 200), "no_such_series", "en", 1.0);
    assert!(result.is_err());
}
