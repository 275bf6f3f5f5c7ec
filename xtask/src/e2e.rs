//! End-to-end test: the built `dist/` served on loopback, opened in headless
//! Chromium through WebDriver, as a visitor's browser would open it.

use crate::setup::CHROMEDRIVER;
use crate::{build, root, serve, Result};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Runs every end-to-end check; returns how many passed.
pub fn run() -> Result<usize> {
    let dist = build::dist()?;
    let base = serve::spawn(dist)?;
    let driver = Driver::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start an async runtime: {e}"))?;
    let result = runtime.block_on(async {
        let client = connect(driver.port).await?;
        let outcome = checks(&client, &base).await;
        // Close the session even when a check failed, so Chromium exits.
        let _ = client.close().await;
        outcome
    });
    drop(driver);
    result
}

/// Chromium flags: headless as root in a container, and no calls home (the
/// network here is closed, and a refused connection would clutter the log).
const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--window-size=1200,900",
];

async fn connect(port: u16) -> Result<Client> {
    let capabilities = json!({
        "goog:chromeOptions": { "args": CHROME_ARGS, "binary": "/usr/bin/chromium" },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    let Value::Object(capabilities) = capabilities else {
        return Err("capabilities are not an object".into());
    };
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|e| format!("cannot open a Chromium session through ChromeDriver: {e}"))
}

async fn checks(client: &Client, base: &str) -> Result<usize> {
    let mut passed = 0;
    let mut check = |name: &str, result: Result| -> Result {
        match result {
            Ok(()) => {
                println!("e2e: {name} ... ok");
                passed += 1;
                Ok(())
            }
            Err(e) => Err(format!("e2e: {name} FAILED: {e}")),
        }
    };

    client
        .goto(&format!("{base}/index.html"))
        .await
        .map_err(|e| format!("cannot open the page: {e}"))?;
    let state = wait_for_chart(client).await;
    check("the wasm loads and the chart reports it is drawn", state)?;

    let pixels = eval(client, CANVAS_PIXELS).await?;
    check(
        "the canvas is not blank and shows the series",
        canvas_shows_series(&pixels),
    )?;

    let source = eval(client, SOURCE_TEXT).await?;
    check(
        "the source line names the report",
        source_names_report(&source),
    )?;

    let shot = root().join("target/e2e");
    let png = client
        .screenshot()
        .await
        .map_err(|e| format!("cannot take a screenshot: {e}"))?;
    std::fs::create_dir_all(&shot).map_err(|e| format!("cannot create {}: {e}", shot.display()))?;
    std::fs::write(shot.join("index.png"), png)
        .map_err(|e| format!("cannot save screenshot: {e}"))?;
    println!("e2e: screenshot in {}", shot.join("index.png").display());

    let log = client
        .issue_cmd(BrowserLog)
        .await
        .map_err(|e| format!("cannot read the browser console: {e}"))?;
    check("the browser console shows no error", console_is_clean(&log))?;
    Ok(passed)
}

/// Waits until `<derek-chart>` says it drew (`data-state="ready"`), or failed.
async fn wait_for_chart(client: &Client) -> Result {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        let state = eval(client, CHART_STATE).await?;
        match state["state"].as_str() {
            Some("ready") => return Ok(()),
            Some("error") => return Err(format!("the element shows an error: {}", state["text"])),
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    Err("no chart after 30 s: did the wasm load?".into())
}

async fn eval(client: &Client, script: &str) -> Result<Value> {
    client
        .execute(script, vec![])
        .await
        .map_err(|e| format!("script failed in the page: {e}"))
}

const CHART_STATE: &str = r#"
const el = document.querySelector("derek-chart");
return { state: el?.dataset.state ?? null, text: el?.shadowRoot?.textContent ?? "" };
"#;

/// Counts the canvas's pixels by kind: drawn at all, and in the series colour.
const CANVAS_PIXELS: &str = r#"
const canvas = document.querySelector("derek-chart").shadowRoot.querySelector("canvas");
const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
let inked = 0, series = 0;
for (let i = 0; i < data.length; i += 4) {
  const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
  if (r < 240 || g < 240 || b < 240) inked++;
  if (Math.abs(r - 0) < 24 && Math.abs(g - 114) < 24 && Math.abs(b - 178) < 24) series++;
}
return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth,
         ratio: window.devicePixelRatio, inked, series };
"#;

const SOURCE_TEXT: &str = r#"
return document.querySelector("derek-chart").shadowRoot.querySelector(".source").textContent;
"#;

fn canvas_shows_series(pixels: &Value) -> Result {
    let count = |key: &str| pixels[key].as_f64().unwrap_or(0.0);
    let total = count("width") * count("height");
    if total == 0.0 {
        return Err(format!("the canvas has no size: {pixels}"));
    }
    if count("width") < count("cssWidth") * count("ratio") - 1.0 {
        return Err(format!(
            "the canvas buffer is not sized by devicePixelRatio: {pixels}"
        ));
    }
    if count("inked") < total * 0.01 {
        return Err(format!("the canvas is (almost) blank: {pixels}"));
    }
    // A line and markers in the series colour: a few hundred pixels at the least.
    if count("series") < 300.0 {
        return Err(format!(
            "the series colour is missing from the canvas: {pixels}"
        ));
    }
    Ok(())
}

fn source_names_report(source: &Value) -> Result {
    let text = source.as_str().unwrap_or_default();
    if text.contains("CEDAW/C/KAZ/RQ/6") {
        Ok(())
    } else {
        Err(format!(
            "the source line does not cite the report: {text:?}"
        ))
    }
}

fn console_is_clean(log: &Value) -> Result {
    let errors: Vec<&Value> = log
        .as_array()
        .map(|entries| entries.iter().filter(|e| e["level"] == "SEVERE").collect())
        .unwrap_or_default();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors: {errors:?}"))
    }
}

/// ChromeDriver's log endpoint: the browser console since the last call.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

/// A ChromeDriver process on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Result<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("no free port for ChromeDriver: {e}"))?;
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMEDRIVER}: {e}"))?;
        let driver = Driver { child, port };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if start.elapsed() > Duration::from_secs(20) {
                return Err("ChromeDriver did not start listening within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
