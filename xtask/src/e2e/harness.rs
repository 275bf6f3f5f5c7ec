//! The WebDriver harness both end-to-end suites share (`e2e`, the explorer's
//! checks, and `e2e_own`, "Add a report"), and the benches that open pages:
//! ChromeDriver and a headless Chromium session, scripts run in the page, waits
//! that poll, navigation, input, screenshots, the browser console, and the loop
//! that runs a suite's checks.
//!
//! Invariant: a suite file holds its checks and its page's prelude; how the
//! browser is driven, waited on and read lives here once, so that both suites
//! wait, retry, screenshot and report in the same way.

use crate::setup::CHROMEDRIVER;
use crate::Result;
use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::ops::Deref;
use std::path::Path;
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One suite's hold on the browser: the session, the site it serves, where its
/// screenshots go, and the script every `eval` and `wait_for` starts with (it
/// names the page's elements for the checks).
pub(crate) struct Tab<'a> {
    pub client: &'a Client,
    /// The base URL of the loopback server the suite's pages come from.
    pub base: &'a str,
    /// Where screenshots (`NAME.png`, and `failure.png`) are written.
    pub out: &'a Path,
    pub prelude: &'static str,
}

impl<'a> Tab<'a> {
    pub(crate) fn new(
        client: &'a Client,
        base: &'a str,
        out: &'a Path,
        prelude: &'static str,
    ) -> Tab<'a> {
        Tab {
            client,
            base,
            out,
            prelude,
        }
    }
}

/// A check of a suite's page `P`, as a function so that a suite lists its checks
/// in a table: `("what it checks", |p| Box::pin(p.method()))`.
pub(crate) type Check<P> = for<'p> fn(&'p P) -> Pin<Box<dyn Future<Output = Result> + 'p>>;

/// How a suite names itself in its messages.
pub(crate) struct Suite {
    /// Starts the message of a failed check: `{failed}: NAME FAILED: why`.
    pub failed: &'static str,
    /// Starts the message of errors in the browser console after a check.
    pub console: &'static str,
}

/// Runs `checks` in order on `page`, printing `e2e: NAME ... ok` for each; stops
/// at the first failure (after a screenshot, `failure.png`) or the first check
/// that leaves an error in the browser console (read, and so emptied, after
/// each check). Returns how many passed.
pub(crate) async fn run_checks<'t, P: Deref<Target = Tab<'t>>>(
    page: &P,
    suite: &Suite,
    checks: impl IntoIterator<Item = (&'static str, Check<P>)>,
) -> Result<usize> {
    let mut passed = 0;
    for (name, check) in checks {
        if let Err(e) = check(page).await {
            let _ = page.screenshot("failure").await;
            return Err(format!("{}: {name} FAILED: {e}", suite.failed));
        }
        println!("e2e: {name} ... ok");
        passed += 1;
        let errors = page.console_errors(&[]).await?;
        if !errors.is_empty() {
            return Err(format!(
                "{}the browser console shows errors after «{name}»: {errors:?}",
                suite.console
            ));
        }
    }
    Ok(passed)
}

impl Tab<'_> {
    /// Runs `script` after the prelude, `args` as its `arguments`; returns its value.
    pub(crate) async fn eval(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.client
            .execute(&format!("{}\n{script}", self.prelude), args)
            .await
            .map_err(|e| format!("script failed in the page: {e}"))
    }

    /// Polls `script` (with the prelude) until `done` says yes (or no): see [`poll`].
    pub(crate) async fn wait_for<T>(
        &self,
        what: &str,
        script: &str,
        done: impl Fn(&Value) -> Option<std::result::Result<T, String>>,
    ) -> Result<T> {
        poll(
            self.client,
            what,
            &format!("{}\n{script}", self.prelude),
            done,
        )
        .await
    }

    /// Opens `path` under the base URL as a fresh document, waiting for nothing:
    /// about:blank first, since a URL that differs only by its hash would
    /// otherwise keep the previous check's state.
    pub(crate) async fn open_any(&self, path: &str) -> Result {
        self.client
            .goto("about:blank")
            .await
            .map_err(|e| format!("cannot open about:blank: {e}"))?;
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .map_err(|e| format!("cannot open {path}: {e}"))
    }

    /// Opens `path` under the base URL, `what` naming it, and tries once more
    /// (from about:blank) if the first navigation fails. On this shared machine a
    /// navigation has hung in the renderer now and then (ChromeDriver's "Timed out
    /// receiving message from renderer", before any of the page's code ran): so
    /// the page load waits 60 s, not 300, from here on in this session.
    pub(crate) async fn open_twice(&self, path: &str, what: &str) -> Result {
        let url = format!("{}{path}", self.base);
        let _ = self
            .client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(60)),
                Some(Duration::ZERO),
            ))
            .await;
        if let Err(first) = self.client.goto(&url).await {
            println!("e2e: {what} did not load ({first}); once more");
            let _ = self.client.goto("about:blank").await;
            self.client
                .goto(&url)
                .await
                .map_err(|e| format!("cannot open {what}: {e}"))?;
        }
        Ok(())
    }

    /// Saves a screenshot of the window as `NAME.png` in the suite's folder.
    pub(crate) async fn screenshot(&self, name: &str) -> Result {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("cannot take a screenshot: {e}"))?;
        let file = self.out.join(format!("{name}.png"));
        std::fs::write(&file, png).map_err(|e| format!("cannot save {}: {e}", file.display()))
    }

    /// Presses and releases each of `keys` in turn, as a real keyboard does.
    pub(crate) async fn keys(&self, keys: &[char]) -> Result {
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys {
            actions = actions
                .then(KeyAction::Down { value: *key })
                .then(KeyAction::Up { value: *key });
        }
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("cannot press keys: {e}"))
    }

    /// Moves the real pointer to (`x`, `y`) in the viewport, from 20 px below
    /// left of it over 100 ms (so that the page sees it arrive), and clicks if
    /// asked.
    pub(crate) async fn pointer_to(&self, x: f64, y: f64, click: bool) -> Result {
        let mut mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: x - 20.0,
                y: y + 20.0,
            })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(100)),
                x,
                y,
            });
        if click {
            mouse = mouse
                .then(PointerAction::Down {
                    button: fantoccini::actions::MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: fantoccini::actions::MOUSE_BUTTON_LEFT,
                });
        }
        self.client
            .perform_actions(mouse)
            .await
            .map_err(|e| format!("cannot move the pointer: {e}"))
    }

    /// Empties the console log (ChromeDriver's log endpoint gives the browser
    /// console since the last call); returns its errors that name none of
    /// `expected`.
    async fn console_errors(&self, expected: &[&str]) -> Result<Vec<Value>> {
        let log = self
            .client
            .issue_cmd(SessionPost {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .map_err(|e| format!("cannot read the browser console: {e}"))?;
        Ok(log
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .filter(|e| {
                        let message = e["message"].as_str().unwrap_or_default();
                        !expected.iter().any(|x| message.contains(x))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Empties the console log, failing on an error that names none of `expected`.
    pub(crate) async fn drain_console(&self, expected: &[&str]) -> Result {
        let unexpected = self.console_errors(expected).await?;
        if unexpected.is_empty() {
            Ok(())
        } else {
            Err(format!("unexpected console errors: {unexpected:?}"))
        }
    }
}

/// Sends a DevTools protocol command through ChromeDriver; returns its result.
pub(crate) async fn cdp(client: &Client, cmd: &'static str, params: Value) -> Result<Value> {
    client
        .issue_cmd(SessionPost {
            path: "goog/cdp/execute",
            body: json!({ "cmd": cmd, "params": params }),
        })
        .await
        .map_err(|e| format!("DevTools command {cmd} failed: {e}"))
}

/// A ChromeDriver command outside the W3C set, in the session: a POST of `body`
/// to `session/{id}/{path}` (`goog/cdp/execute` for DevTools protocol commands,
/// `se/log` for the browser console).
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Starts ChromeDriver and a headless Chromium session, runs `work` with it, and
/// closes the session whatever `work` returned, so that Chromium exits.
pub(crate) fn with_browser<T>(
    downloads: &Path,
    work: impl AsyncFnOnce(&Client) -> Result<T>,
) -> Result<T> {
    let driver = Driver::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start an async runtime: {e}"))?;
    runtime.block_on(async {
        let client = connect(driver.port, downloads).await?;
        let outcome = work(&client).await;
        let _ = client.close().await;
        outcome
    })
}

/// Runs `script` in the page every 100 ms until `done` says yes (or no), for at
/// most 30 s; `what` names the wait in the error.
pub(crate) async fn poll<T>(
    client: &Client,
    what: &str,
    script: &str,
    done: impl Fn(&Value) -> Option<std::result::Result<T, String>>,
) -> Result<T> {
    let start = Instant::now();
    let mut last = Value::Null;
    while start.elapsed() < Duration::from_secs(30) {
        last = client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("script failed in the page: {e}"))?;
        if let Some(outcome) = done(&last) {
            return outcome.map_err(|e| format!("{e} ({last})"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("waited 30 s for {what}; last seen: {last}"))
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

/// Opens a Chromium session through the ChromeDriver on `port`, downloads
/// going to `downloads`.
async fn connect(port: u16, downloads: &Path) -> Result<Client> {
    // DEREK_CHROME_FLAGS adds Chromium flags for a diagnostic run, say
    // `--js-flags=--liftoff-only` to time the wasm in V8's baseline tier alone.
    let extra = std::env::var("DEREK_CHROME_FLAGS").unwrap_or_default();
    let args: Vec<&str> = CHROME_ARGS
        .iter()
        .copied()
        .chain(extra.split_whitespace())
        .collect();
    let capabilities = json!({
        "goog:chromeOptions": {
            "args": args,
            "binary": "/usr/bin/chromium",
            "prefs": {
                "download.default_directory": downloads.to_string_lossy(),
                "download.prompt_for_download": false,
            },
        },
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
