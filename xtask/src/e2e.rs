//! End-to-end tests: the built `dist/` served on loopback, opened in headless
//! Chromium through WebDriver, and used as a visitor would: real pointer moves and
//! clicks, real key presses, real downloads. Screenshots go to `target/e2e/`.

use crate::{build, root, serve, Result};
use fantoccini::key::Key;
use harness::{cdp, poll, run_checks, with_browser, Check, Suite, Tab};
use serde_json::{json, Value};
use std::ops::Deref;
use std::path::Path;
use std::time::{Duration, Instant};

mod editor;
pub(crate) mod harness;
mod reader;
mod reading;

/// Runs every end-to-end check; returns how many passed (it stops at a failure).
pub fn run() -> Result<usize> {
    let dist = build::dist()?;
    let out = root().join("target/e2e");
    let base = serve::spawn(vec![
        ("/test/".to_string(), root().join("tests/pages")),
        ("/e2e-same/".to_string(), out.join("same")),
        ("/".to_string(), dist),
    ])?;
    // Another origin: an editor's site, where snippets are pasted.
    let host = serve::spawn(vec![("/".to_string(), out.join("hosts"))])?;
    let downloads = out.join("downloads");
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads)
        .map_err(|e| format!("cannot create {}: {e}", downloads.display()))?;
    with_browser(&downloads, async |client| {
        let page = Page {
            tab: Tab::new(client, &base, &out, PRELUDE),
            host: &host,
            downloads: &downloads,
        };
        page.run_all().await
    })
}

/// Opens `url` in headless Chromium and waits (30 s at most) for the page to set
/// the JavaScript value `expression`; returns it. For benchmark pages.
pub fn measure_page(url: &str, expression: &str) -> Result<Value> {
    let downloads = root().join("target/e2e/downloads");
    with_browser(&downloads, async |client| {
        client
            .goto(url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))?;
        let script = format!("return {expression} ?? null;");
        poll(client, expression, &script, |v| {
            (!v.is_null()).then(|| Ok(v.clone()))
        })
        .await
    })
}

/// What one cold page load measured: see [`measure_cold`].
pub struct ColdLoad {
    /// `performance.now()` at the page's first-chart mark, in ms.
    pub first_chart_ms: f64,
    /// Main-thread time spent in tasks from navigation to the mark (DevTools
    /// protocol `Performance.getMetrics`, `TaskDuration`), in ms.
    pub main_thread_ms: f64,
    /// Of which running script (JavaScript and wasm), in ms.
    pub script_ms: f64,
    /// The longest main-thread task (`PerformanceObserver` long tasks, over 50 ms
    /// only), in ms; 0 when none was that long.
    pub longest_task_ms: f64,
    /// How many tasks took over 50 ms.
    pub long_tasks: usize,
    /// Paths of the page's own resources, as fetched (for their sizes).
    pub resources: Vec<String>,
    /// Durations of the page's `derek-step` measures: Derek's start-up steps, one
    /// main-thread task each (empty on other pages).
    pub steps: Vec<f64>,
    /// Derek's measures (`derek-step`, `derek-shell`, `derek-draw`: name and
    /// duration) that ended before the mark: its main-thread work from
    /// instantiation to the first chart.
    pub before_mark: Vec<(String, f64)>,
    /// The page's User Timing marks (name, ms since navigation), with
    /// `dom-interactive`: where the time to first chart went.
    pub marks: Vec<(String, f64)>,
}

/// Watches long tasks from the first byte of the page, before its scripts run.
const WATCH_LONG_TASKS: &str = r#"
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push(e.duration);
}).observe({ type: "longtask", buffered: true });
"#;

/// Waits for the page's performance mark `arguments[0]`, then reports it.
const AWAIT_FIRST_CHART: &str = r#"
const name = arguments[0];
const done = arguments[arguments.length - 1];
const report = (mark) => done({
  first_chart_ms: mark.startTime,
  long_tasks: window.__longTasks ?? [],
  resources: performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname),
  // With the wasm's own fetches (Resource Timing): one request, early, when the
  // preload is reused; a second "wasm-request 2" means it was fetched twice.
  marks: Object.fromEntries([
    ...performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
    ...performance.getEntriesByName("derek-explorer", "measure").flatMap((m) => [
      ["explorer-render", m.startTime],
      ["explorer-rendered", m.startTime + m.duration],
    ]),
    ...performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).flatMap((r, i) => [
      [`wasm-request ${i + 1}`, r.startTime],
      [`wasm-downloaded ${i + 1}`, r.responseEnd],
    ]),
  ]),
  dom_interactive: performance.getEntriesByType("navigation")[0]?.domInteractive ?? null,
  steps: performance.getEntriesByName("derek-step").map((m) => m.duration),
  // Derek's own main-thread work from instantiation to this mark: its start-up
  // steps (the glance among them), the explorer's first layout and the drawing,
  // as far as they ended before the mark.
  before_mark: ["derek-step", "derek-shell", "derek-draw"]
    .flatMap((n) => performance.getEntriesByName(n, "measure"))
    .filter((m) => m.startTime + m.duration <= mark.startTime + 0.5)
    .map((m) => [m.name, m.duration]),
});
const seen = performance.getEntriesByName(name, "mark")[0];
if (seen) report(seen);
else new PerformanceObserver((list, observer) => {
  const mark = list.getEntries().find((e) => e.name === name);
  if (mark) { observer.disconnect(); report(mark); }
}).observe({ type: "mark" });
"#;

/// Opens `url` in a fresh headless Chromium (a cold profile: empty caches, no
/// compiled code kept) with the CPU slowed `throttle` times, and measures the time
/// to the page's performance mark `mark` (set when its first chart is on the
/// canvas), the main-thread time until then and the long tasks.
pub fn measure_cold(url: &str, mark: &str, throttle: f64) -> Result<ColdLoad> {
    let downloads = root().join("target/e2e/downloads");
    with_browser(&downloads, async |client| {
        // A page that hangs fails the bench within a minute, not five.
        let patience = Some(Duration::from_secs(60));
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                patience, patience, None,
            ))
            .await
            .map_err(|e| format!("cannot set the timeouts: {e}"))?;
        cdp(client, "Performance.enable", json!({})).await?;
        if throttle > 1.0 {
            cdp(
                client,
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": throttle }),
            )
            .await?;
        }
        cdp(
            client,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": WATCH_LONG_TASKS }),
        )
        .await?;
        client
            .goto(url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))?;
        let seen = client
            .execute_async(AWAIT_FIRST_CHART, vec![json!(mark)])
            .await
            .map_err(|e| format!("{url} set no {mark} mark: {e}"))?;
        let metrics = cdp(client, "Performance.getMetrics", json!({})).await?;
        let metric = |name: &str| {
            metrics["metrics"]
                .as_array()
                .and_then(|all| all.iter().find(|m| m["name"] == name))
                .and_then(|m| m["value"].as_f64())
                .map(|seconds| seconds * 1000.0)
                .ok_or_else(|| format!("Performance.getMetrics has no {name}: {metrics}"))
        };
        let long: Vec<f64> = seen["long_tasks"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        Ok(ColdLoad {
            first_chart_ms: number(&seen["first_chart_ms"])?,
            main_thread_ms: metric("TaskDuration")?,
            script_ms: metric("ScriptDuration")?,
            longest_task_ms: long.iter().copied().fold(0.0, f64::max),
            long_tasks: long.len(),
            resources: seen["resources"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|r| r.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default(),
            before_mark: seen["before_mark"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|m| Some((m[0].as_str()?.to_string(), m[1].as_f64()?)))
                        .collect()
                })
                .unwrap_or_default(),
            steps: seen["steps"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default(),
            marks: seen["marks"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_f64()?)))
                        .chain(
                            seen["dom_interactive"]
                                .as_f64()
                                .map(|t| ("dom-interactive".to_string(), t)),
                        )
                        .collect()
                })
                .unwrap_or_default(),
        })
    })
}

/// Finds the chart whether it stands alone or inside the explorer's shadow root.
const PRELUDE: &str = r#"
const explorer = document.querySelector("derek-explorer");
const ex = explorer ? explorer.shadowRoot : null;
const chart = ex ? ex.querySelector("derek-chart") : document.querySelector("derek-chart");
const cs = chart ? chart.shadowRoot : null;
"#;

/// The explorer's page: the shared [`Tab`] (its client, base URL and
/// screenshots, under [`PRELUDE`]) and what only these checks use.
struct Page<'a> {
    tab: Tab<'a>,
    /// The base URL of a second loopback server: another origin.
    host: &'a str,
    downloads: &'a Path,
}

impl<'a> Deref for Page<'a> {
    type Target = Tab<'a>;

    fn deref(&self) -> &Tab<'a> {
        &self.tab
    }
}

/// How the explorer's checks name themselves in their messages.
const SUITE: Suite = Suite {
    failed: "e2e",
    console: "e2e: ",
};

impl<'a> Page<'a> {
    async fn run_all(&self) -> Result<usize> {
        let checks: [(&str, Check<Page<'a>>); 21] = [
            ("the explorer loads the wasm and draws a chart", |p| {
                Box::pin(p.explorer_draws())
            }),
            (
                "a <derek-chart> renders under hostile CSS and a strict CSP",
                |p| Box::pin(p.hostile_page()),
            ),
            ("hovering a point shows its tooltip", |p| {
                Box::pin(p.hover_tooltip())
            }),
            (
                "clicking a point opens its sentence, figure highlighted",
                |p| Box::pin(p.click_source()),
            ),
            ("the arrow keys move across points and announce them", |p| {
                Box::pin(p.keyboard())
            }),
            ("searching a word finds the expected paragraphs", |p| {
                Box::pin(p.search())
            }),
            ("every result of a broad search can be reached", |p| {
                Box::pin(p.every_result_is_reachable())
            }),
            (
                "the reader opens at a search result, every figure marked",
                |p| Box::pin(p.reader_opens_at_a_result()),
            ),
            ("Back walks three series back to the start", |p| {
                Box::pin(p.back_walks_the_readers_steps())
            }),
            ("the copied link reopens the same view", |p| {
                Box::pin(p.copied_link_reopens_the_view())
            }),
            ("the CSV download holds the series", |p| {
                Box::pin(p.csv_download())
            }),
            ("a permalink reopens the same view after a reload", |p| {
                Box::pin(p.permalink())
            }),
            ("switching language relabels the explorer and chart", |p| {
                Box::pin(p.language())
            }),
            (
                "at 360 px the chart is in the first screen and the table's last column can be reached",
                |p| Box::pin(p.phone()),
            ),
            (
                "Tab reaches the chart in at most 5 presses, and its ring shows",
                |p| Box::pin(p.tab_to_chart()),
            ),
            (
                "Escape closes the menu and each panel, focus returns to its opener",
                |p| Box::pin(p.escape_and_focus()),
            ),
            (
                "in en, ru and kk no French interface string is left",
                |p| Box::pin(p.no_french_left()),
            ),
            ("the embed snippet reproduces the view (theme, axis)", |p| {
                Box::pin(p.snippet_reproduces_the_view())
            }),
            (
                "the iframe on another site grows and shrinks with its content",
                |p| Box::pin(p.iframe_fits_its_content()),
            ),
            (
                "a script snippet on a site that is not shared says why, in words",
                |p| Box::pin(p.cross_origin_snippet_says_why()),
            ),
            ("a mistyped series id shows the closest ids", |p| {
                Box::pin(p.mistyped_id_says_which())
            }),
        ];
        // Screenshots last: every language, light and dark, phone and desktop.
        let checks = checks.into_iter().chain([(
            "screenshots: fr/en/ru/kk, light/dark, 360 and 1200 px",
            (|p| Box::pin(p.screenshots())) as Check<Page<'a>>,
        )]);
        // E2E_ONLY=words runs only the checks whose name holds them (while working).
        let only = std::env::var("E2E_ONLY").unwrap_or_default();
        let checks = checks.filter(|(name, _)| name.contains(only.as_str()));
        run_checks(self, &SUITE, checks).await
    }

    /// Opens `path` as a fresh document and waits for its chart to be drawn.
    async fn open(&self, path: &str) -> Result {
        self.open_any(path).await?;
        // The explorer's chart is drawn from a glance at its series before every
        // report is read: the page is ready once the explorer is built too.
        self.wait_for(
            "the chart to be drawn",
            "const s = cs?.host?.dataset.state ?? null;
             if (explorer?.dataset.state === 'error') return 'error';
             return s === 'ready' && explorer && explorer.dataset.state !== 'ready' ? null : s;",
            |v| match v.as_str() {
                Some("ready") => Some(Ok(())),
                Some("error") => Some(Err("the element shows an error".to_string())),
                _ => None,
            },
        )
        .await
    }

    /// Runs `script` after the prelude, without arguments: see [`Tab::eval`].
    async fn eval(&self, script: &str) -> Result<Value> {
        self.tab.eval(script, vec![]).await
    }

    /// Moves the real pointer to point `index` of the chart, and clicks if asked.
    async fn pointer_to_point(&self, index: usize, click: bool) -> Result {
        let at = self
            .eval(&format!(
                "const [x, y] = Array.from(chart.drawn.position({index}));
                 const box = cs.querySelector('canvas').getBoundingClientRect();
                 return [box.left + x, box.top + y];"
            ))
            .await?;
        self.pointer_to(number(&at[0])?, number(&at[1])?, click)
            .await
    }

    async fn explorer_draws(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        let pixels = self.eval(CANVAS_PIXELS).await?;
        canvas_shows_series(&pixels)?;
        let citation = self
            .eval("return cs.querySelector('canvas').getAttribute('aria-label');")
            .await?;
        let text = citation.as_str().unwrap_or_default();
        if !text.starts_with("Ordonnances de protection") {
            return Err(format!("the chart's text summary is missing: {text:?}"));
        }
        // The first chart did not wait for every report to be read: it was drawn
        // from a glance at its series, before start-up's end.
        let marks = self
            .eval("const at = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null; return [at('derek-first-chart'), at('derek-started')];")
            .await?;
        match (marks[0].as_f64(), marks[1].as_f64()) {
            (Some(chart), Some(started)) if chart < started => {}
            _ => {
                return Err(format!(
                    "the first chart waited for the whole start-up (first chart, start-up's end: {marks})"
                ))
            }
        }
        // And it glanced at the series the URL names, at no other.
        let glanced = self
            .eval(
                "return performance.getEntriesByName('derek-glance', 'mark').map((m) => m.detail);",
            )
            .await?;
        if glanced != json!(["protection_orders_issued"]) {
            return Err(format!(
                "the page glanced at {glanced}, not at the series it shows"
            ));
        }
        Ok(())
    }

    async fn hostile_page(&self) -> Result {
        self.open("/test/hostile.html").await?;
        let pixels = self.eval(CANVAS_PIXELS).await?;
        canvas_shows_series(&pixels)?;
        // A second chart on the page draws too, from the same single wasm download.
        let shared = self
            .wait_for(
                "the second chart",
                "const second = document.getElementById('second'); return second.dataset.state === 'ready' ? performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm')).length : null;",
                |v| v.as_u64().map(Ok),
            )
            .await?;
        if shared != 1 {
            return Err(format!("two charts fetched the wasm {shared} times"));
        }
        // Charts on their own read only what they draw: no whole start-up on the
        // host's main thread until a reader reaches for one (to open a source).
        tokio::time::sleep(Duration::from_millis(300)).await;
        let whole = self
            .eval("return performance.getEntriesByName('derek-reading', 'mark').length;")
            .await?;
        if whole != 0 {
            return Err("two charts alone ran the whole start-up".into());
        }
        // Nothing outside the page's own origin was requested.
        let foreign = self
            .eval("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));")
            .await?;
        if foreign.as_array().is_some_and(|a| !a.is_empty()) {
            return Err(format!("requests beyond its own files: {foreign}"));
        }
        // The host's CSS did not reach inside: the menu button is visible, normal size.
        let button = self
            .eval("const b = cs.querySelector('button'); const s = getComputedStyle(b); return [s.visibility, parseFloat(s.fontSize)];")
            .await?;
        if button[0] != "visible" || number(&button[1])? > 20.0 {
            return Err(format!(
                "the host page's CSS leaked into the element: {button}"
            ));
        }
        self.screenshot("hostile-csp").await?;
        // A chart drawn from a glance still opens a point's sentence: the rest of
        // the reports are read then, and the panel shows the paragraph.
        self.eval("chart.scrollIntoView({ block: 'center' }); return null;")
            .await?;
        let index = self.point_of("2012").await?;
        self.pointer_to_point(index, true).await?;
        let panel = self
            .wait_for("the source panel of a chart alone", "const p = cs.querySelector('.panel'); return p.hidden ? null : [p.textContent, p.querySelector('mark')?.textContent, performance.getEntriesByName('derek-started', 'mark').length];", |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        let text = panel[0].as_str().unwrap_or_default().replace('\u{a0}', " ");
        if !text.contains("44 000") || panel[1].as_str().is_none() || panel[2] != json!(1) {
            return Err(format!("the source panel of a chart alone: {panel:?}"));
        }
        Ok(())
    }

    async fn hover_tooltip(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        let index = self.point_of("2012").await?;
        self.pointer_to_point(index, false).await?;
        let tip = self
            .wait_for(
                "the tooltip",
                "const t = cs.querySelector('.tip'); return t.hidden ? null : t.textContent;",
                |v| v.as_str().map(|s| Ok(s.to_string())),
            )
            .await?;
        for expected in ["2012", "plus de 44 000", "CAT/C/KAZ/3"] {
            if !tip.replace('\u{a0}', " ").contains(expected) {
                return Err(format!("the tooltip lacks {expected:?}: {tip:?}"));
            }
        }
        Ok(())
    }

    /// The index of the point whose year is `year` in the chart's series.
    async fn point_of(&self, year: &str) -> Result<usize> {
        let index = self
            .eval(&format!(
                "return chart.app.series(chart.getAttribute('series')).points.findIndex(p => String(p.year) === '{year}');"
            ))
            .await?;
        match index.as_i64() {
            Some(i) if i >= 0 => Ok(i as usize),
            _ => Err(format!("the series has no point for {year}")),
        }
    }

    async fn click_source(&self) -> Result {
        let index = self.point_of("2012").await?;
        self.pointer_to_point(index, true).await?;
        let panel = self
            .wait_for("the source panel", "const p = cs.querySelector('.panel'); return p.hidden ? null : [p.textContent, p.querySelector('mark')?.textContent];", |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        let text = panel[0].as_str().unwrap_or_default();
        if panel[1] != "44 000" && panel[1] != "44\u{a0}000" {
            return Err(format!(
                "the highlighted figure is {} in {text:?}",
                panel[1]
            ));
        }
        if !text.contains("ordonnances de protection ont été prises") {
            return Err(format!("the panel does not show the sentence: {text:?}"));
        }
        // The selection is in the URL.
        let hash = self.eval("return location.hash;").await?;
        if !hash
            .as_str()
            .unwrap_or_default()
            .contains(&format!("point={index}"))
        {
            return Err(format!("the selected point is not in the URL: {hash}"));
        }
        Ok(())
    }

    async fn keyboard(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        self.eval("cs.querySelector('canvas').focus();").await?;
        self.keys(&[Key::Right.into()]).await?;
        let first = self.live_text().await?;
        self.keys(&[Key::Right.into()]).await?;
        let second = self.live_text().await?;
        if !first.contains("2011") || !second.contains("2012") || !second.contains("44") {
            return Err(format!("announced {first:?} then {second:?}"));
        }
        self.keys(&[Key::Enter.into()]).await?;
        let panel = self
            .eval("return !cs.querySelector('.panel').hidden;")
            .await?;
        if panel != true {
            return Err("Enter did not open the source panel".into());
        }
        Ok(())
    }

    async fn live_text(&self) -> Result<String> {
        self.wait_for(
            "an announcement",
            "return cs.querySelector('[aria-live]').textContent;",
            |v| {
                v.as_str()
                    .filter(|s| !s.is_empty())
                    .map(|s| Ok(s.to_string()))
            },
        )
        .await
    }

    async fn search(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        self.eval("ex.querySelector('.search input').focus();")
            .await?;
        let word: Vec<char> = "violences".chars().collect();
        self.keys(&word).await?;
        let hits = self
            .wait_for("search results", "const items = [...ex.querySelectorAll('.hits li h3 .ref')].map(h => h.textContent); return items.length ? items : null;", |v| {
                v.as_array().map(|a| Ok(a.iter().filter_map(|h| h.as_str().map(str::to_string)).collect::<Vec<_>>()))
            })
            .await?;
        // "violences" also finds "violence", in several reports, the UPR's par. 81 among them.
        let reports: std::collections::BTreeSet<&str> =
            hits.iter().filter_map(|h| h.split(", ").next()).collect();
        if reports.len() < 3 || !hits.iter().any(|h| h == "A/HRC/WG.6/34/KAZ/1, par. 81") {
            return Err(format!("unexpected hits: {hits:?}"));
        }
        let marked = self
            .eval("return [...ex.querySelectorAll('.hits mark')].map(m => m.textContent.toLowerCase()).slice(0, 20);")
            .await?;
        if !marked.as_array().is_some_and(|m| {
            m.iter()
                .all(|w| w.as_str().is_some_and(|w| w.starts_with("violence")))
        }) {
            return Err(format!("highlighted words are not the query's: {marked}"));
        }
        Ok(())
    }

    async fn csv_download(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        self.eval("cs.querySelector('.bar > button').click();")
            .await?;
        self.eval("[...cs.querySelectorAll('.menu button')].find(b => b.textContent.includes('CSV')).click();")
            .await?;
        let file = self.downloads.join("protection_orders_issued.csv");
        let start = Instant::now();
        while !file.exists() && start.elapsed() < Duration::from_secs(15) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let got = std::fs::read_to_string(&file)
            .map_err(|e| format!("no CSV downloaded to {}: {e}", file.display()))?;
        let want = expected_csv("protection_orders_issued")?;
        if got != want {
            return Err(format!(
                "the CSV differs from the series:\n--- got\n{got}\n--- want\n{want}"
            ));
        }
        Ok(())
    }

    async fn permalink(&self) -> Result {
        let link = "/index.html#series=domestic_violence_cases&lang=en&view=table";
        self.open_any(link).await?;
        let view = "return ex && explorer.dataset.state === 'ready' ? [ex.querySelector('nav button[aria-pressed=true]')?.dataset.series, ex.querySelector('[role=tab][aria-selected=true]')?.textContent, ex.querySelectorAll('tbody tr').length] : null;";
        let before = self
            .wait_for("the explorer", view, |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        self.client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload: {e}"))?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let after = self
            .wait_for("the explorer", view, |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        if before != after
            || before[0] != "domestic_violence_cases"
            || before[1] != "Table"
            || number(&before[2])? < 2.0
        {
            return Err(format!("before reload {before:?}, after {after:?}"));
        }
        Ok(())
    }

    async fn language(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&lang=fr")
            .await?;
        self.eval(
            "[...ex.querySelectorAll('header button')].find(b => b.textContent === 'EN').click();",
        )
        .await?;
        let summary = self
            .wait_for("an English chart", "const s = cs.querySelector('canvas').getAttribute('aria-label'); return s && s.startsWith('Protection orders') ? [s, ex.querySelector('[role=tab]').textContent, location.hash] : null;", |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        if summary[1] != "Chart" || !summary[2].as_str().unwrap_or_default().contains("lang=en") {
            return Err(format!("the interface did not switch: {summary:?}"));
        }
        Ok(())
    }
}

fn number(v: &Value) -> Result<f64> {
    v.as_f64().ok_or_else(|| format!("not a number: {v}"))
}

/// The CSV the native core writes for a series: what the download must hold.
fn expected_csv(id: &str) -> Result<String> {
    let corpus =
        derek::series::sourced::Corpus::read(derek::corpus::bundled().map_err(|e| e.to_string())?);
    let catalogue = derek::series::catalogue::Catalogue::bundled().map_err(|e| e.to_string())?;
    let series = catalogue.build(&corpus);
    let series = series
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| format!("no series {id}"))?;
    Ok(derek::present::csv(series, derek::i18n::Lang::Fr))
}

/// Counts the canvas's pixels by kind: drawn at all, and in the series colour.
const CANVAS_PIXELS: &str = r#"
const canvas = cs.querySelector("canvas");
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
