//! End-to-end checks for an editor who embeds a chart on another site: the
//! snippets reproduce the view, the iframe fits its content, a snippet pasted on a
//! site the host does not share its files with says so, and a mistyped series id
//! says which ids are close. "Another site" is a second loopback server: another
//! origin, as a browser counts them.

use super::{number, Page};
use crate::Result;
use std::time::Duration;

impl Page<'_> {
    /// The embed panel's two snippets for the chart shown, as `[script, iframe]`.
    async fn snippets(&self) -> Result<(String, String)> {
        self.eval("cs.querySelector('.bar > button').click(); [...cs.querySelectorAll('.menu button')].pop().click();")
            .await?;
        let codes = self
            .wait_for("the embed snippets", "const c = [...cs.querySelectorAll('.embed code')].map(c => c.textContent); return c.length === 2 ? c : null;", |v| {
                v.as_array().map(|a| Ok(a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect::<Vec<_>>()))
            })
            .await?;
        match codes.as_slice() {
            [script, iframe] => Ok((script.clone(), iframe.clone())),
            _ => Err(format!("the embed panel shows {codes:?}")),
        }
    }

    /// Writes a page for the second origin and returns its URL there.
    fn host_page(&self, name: &str, body: &str) -> Result<String> {
        let dir = self.out.join("hosts");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let html = format!("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>{name}</title></head><body style=\"margin:0;font-family:serif\"><h1>An article</h1><p>Text before the chart.</p>\n{body}\n<p>Text after the chart.</p></body></html>\n");
        let file = dir.join(format!("{name}.html"));
        std::fs::write(&file, html).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        Ok(format!("{}/{name}.html", self.host))
    }

    pub(super) async fn snippet_reproduces_the_view(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&lang=en&theme=dark&axis=fit")
            .await?;
        let (script, iframe) = self.snippets().await?;
        for want in [
            "series=\"protection_orders_issued\"",
            "lang=\"en\"",
            "theme=\"dark\"",
            "axis=\"fit\"",
        ] {
            if !script.contains(want) {
                return Err(format!("the script snippet lacks {want}: {script}"));
            }
        }
        for want in [
            "theme=dark",
            "axis=fit",
            "lang=en",
            "title=\"Protection orders issued",
            "embed-resize.js",
        ] {
            if !iframe.contains(want) {
                return Err(format!("the iframe snippet lacks {want}: {iframe}"));
            }
        }
        // Pasted on this same site, the script snippet draws the same chart.
        let shown = self
            .eval("return chart.app.svg('protection_orders_issued', 'en', 'dark', 'fit', 700);")
            .await?;
        let dir = self.out.join("same");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        std::fs::write(
            dir.join("snippet.html"),
            format!("<!doctype html><meta charset=utf-8><link rel=icon href=\"data:,\"><div style=\"width:700px\">{script}</div>"),
        )
        .map_err(|e| format!("cannot write the snippet page: {e}"))?;
        self.open("/e2e-same/snippet.html").await?;
        let embedded = self
            .eval("return cs.host.app.svg(cs.host.getAttribute('series'), cs.host.getAttribute('lang'), cs.host.getAttribute('theme'), cs.host.getAttribute('axis'), 700);")
            .await?;
        if embedded != shown {
            return Err("the pasted snippet draws another chart than the view it came from".into());
        }
        // Its canvas is dark, as the view was.
        let corner = self
            .eval("const c = cs.querySelector('canvas'); return Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data.slice(0, 3));")
            .await?;
        if corner
            .as_array()
            .is_none_or(|px| px.iter().any(|v| v.as_u64().unwrap_or(255) > 60))
        {
            return Err(format!("the pasted chart is not dark: {corner}"));
        }
        Ok(())
    }

    pub(super) async fn iframe_fits_its_content(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&lang=en")
            .await?;
        let (_, iframe) = self.snippets().await?;
        // In a column narrower than the view it came from: its height must change.
        let url = self.host_page(
            "iframe",
            &format!("<div style=\"max-width:360px\">{iframe}</div>"),
        )?;
        self.client
            .goto(&url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))?;
        let height = async |what: &str, ok: &dyn Fn(f64) -> bool| -> Result<f64> {
            let mut last = 0.0;
            for _ in 0..150 {
                last = number(&self.client.execute("return document.querySelector('iframe').getBoundingClientRect().height;", vec![]).await.map_err(|e| format!("script failed: {e}"))?)?;
                if ok(last) {
                    return Ok(last);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(format!("{what}: the iframe stayed {last} px high"))
        };
        let fixed: f64 = iframe
            .split("height=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .ok_or("the iframe snippet has no fixed height")?;
        // The chart's height, posted by the page inside.
        let first = height("the fitted height", &|h| (h - fixed).abs() > 20.0).await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        let first = height("the settled height", &|h| h >= first - 1.0).await?;
        // Opening a point's source grows it; closing it shrinks it back.
        self.in_frame("document.querySelector('derek-chart').select(1);")
            .await?;
        let grown = height("after opening a source", &|h| h > first + 40.0).await?;
        self.in_frame("document.querySelector('derek-chart').closeSource();")
            .await?;
        let shrunk = height("after closing the source", &|h| h < grown - 40.0).await?;
        println!("e2e:   iframe: fixed {fixed} px, fitted {first}, with a source {grown}, closed {shrunk}");
        self.screenshot("iframe-on-another-site").await
    }

    /// Runs `script` in the page's first iframe.
    async fn in_frame(&self, script: &str) -> Result {
        self.client
            .enter_frame(0)
            .await
            .map_err(|e| format!("cannot enter the iframe: {e}"))?;
        let outcome = self.client.execute(script, vec![]).await;
        self.client
            .enter_parent_frame()
            .await
            .map_err(|e| format!("cannot leave the iframe: {e}"))?;
        outcome
            .map(|_| ())
            .map_err(|e| format!("script failed in the iframe: {e}"))
    }

    pub(super) async fn cross_origin_snippet_says_why(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&lang=ru")
            .await?;
        let (script, _) = self.snippets().await?;
        let url = self.host_page("script", &script)?;
        self.client
            .goto(&url)
            .await
            .map_err(|e| format!("cannot open {url}: {e}"))?;
        let message = super::harness::poll(self.client, "the blocked chart's message", "const c = document.querySelector('derek-chart'); return c.dataset.state === 'error' ? c.textContent : null;", |v| {
            v.as_str().map(|s| Ok(s.to_string()))
        })
        .await?;
        if !message.contains("Access-Control-Allow-Origin")
            || !message.contains("iframe")
            || !message.contains(self.base)
        {
            return Err(format!("the blocked chart says {message:?}"));
        }
        // The browser logs the refused requests: expected here, not a fault.
        self.drain_console(&[
            "CORS",
            "Failed to fetch dynamically imported module",
            "net::ERR_FAILED",
        ])
        .await?;
        self.screenshot("cross-origin-message").await
    }

    pub(super) async fn mistyped_id_says_which(&self) -> Result {
        self.open_any("/embed.html#series=protection_order_issued&lang=en")
            .await?;
        let shown = self
            .wait_for("the unknown series' message", "return cs?.host?.dataset.state === 'unknown' ? [cs.querySelector('.status').textContent, [...cs.querySelectorAll('.status code')].map(c => c.textContent), cs.querySelector('.bar').hidden, cs.querySelector('.frame').hidden] : null;", |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        let text = shown[0].as_str().unwrap_or_default();
        if !text.contains("There is no series “protection_order_issued”")
            || shown[1][0] != "protection_orders_issued"
            || shown[2] != true
            || shown[3] != true
        {
            return Err(format!("a mistyped id shows {shown:?}"));
        }
        self.screenshot("mistyped-id").await
    }
}
