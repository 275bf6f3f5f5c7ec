//! End-to-end checks of reading and linking (issue 15): search results by page, the
//! reader opened at a search result, history steps, and the copied link. (`reader`
//! holds the phone, keyboard and embed checks.)

use super::{number, Page};
use crate::Result;
use serde_json::Value;
use std::time::Duration;

impl Page<'_> {
    /// Every hit of a broad query can be reached with "Show more", and the count
    /// says how many there are.
    pub(super) async fn every_result_is_reachable(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&q=torture")
            .await?;
        let total = self
            .eval("return explorer.app.search('torture', 0, 1, 'fr').total;")
            .await?;
        let total = number(&total)? as usize;
        if total <= 50 {
            return Err(format!("torture finds only {total} paragraphs"));
        }
        for _ in 0..total {
            let shown = self
                .wait_for(
                    "a page of hits",
                    "const more = ex.querySelector('.search .more'); const n = ex.querySelectorAll('.hits li').length; return n ? [n, more.hidden, ex.querySelector('.search .count').textContent] : null;",
                    |v| v.as_array().map(|a| Ok(a.clone())),
                )
                .await?;
            let n = number(&shown[0])? as usize;
            if shown[1] == true {
                if n != total {
                    return Err(format!("{n} of {total} hits shown, and no more to show"));
                }
                let count = shown[2].as_str().unwrap_or_default();
                if !count.contains(&total.to_string()) {
                    return Err(format!("the count does not say {total}: {count:?}"));
                }
                return Ok(());
            }
            self.eval("ex.querySelector('.search .more').click();")
                .await?;
            self.wait_for(
                "the next page",
                &format!("return ex.querySelectorAll('.hits li').length > {n} || null;"),
                |v| (v == &Value::Bool(true)).then_some(Ok(())),
            )
            .await?;
        }
        Err("Show more never ran out".into())
    }

    /// A search result's "Read in the report" opens the reader at its paragraph, its
    /// figure marked as the target and every figure of the paragraph marked.
    pub(super) async fn reader_opens_at_a_result(&self) -> Result {
        self.open(
            "/index.html#series=protection_orders_issued&q=%22ordonnances%20de%20protection%22",
        )
        .await?;
        let opened = self
            .wait_for(
                "the hit that states 44 000",
                "const li = [...ex.querySelectorAll('.hits li')].find(li => li.textContent.includes('ordonnances de protection ont été prises')); if (!li) return null; li.querySelector('button.read').click(); return li.dataset.paragraph;",
                |v| v.as_str().map(|s| Ok(s.to_string())),
            )
            .await?;
        let seen = self
            .wait_for(
                "the reader at the paragraph",
                "const r = ex.querySelector('.reader'); if (!r || r.hidden || r.dataset.state !== 'ready') return null; const p = r.querySelector('.para.at'); if (!p) return null; return [p.dataset.id, p.querySelector('button.fig.target')?.textContent ?? '', p.querySelectorAll('button.fig').length, location.hash];",
                |v| v.as_array().map(|a| Ok(a.clone())),
            )
            .await?;
        if seen[0] != opened.as_str() {
            return Err(format!("opened {opened}, the reader is at {}", seen[0]));
        }
        if seen[1].as_str().map(|s| s.replace('\u{a0}', " ")) != Some("44 000".into()) {
            return Err(format!("the marked figure is {}", seen[1]));
        }
        // Every figure Derek read in the paragraph is marked.
        let want = self
            .eval(&format!(
                "const app = explorer.app; const d = app.reports('fr').find(r => r.symbol === 'CAT/C/KAZ/3').document; return app.reader(d, 'fr').figures.filter(f => f.paragraph === '{opened}').length;"
            ))
            .await?;
        if seen[2] != want || number(&want)? < 1.0 {
            return Err(format!("{} figures marked, {want} read", seen[2]));
        }
        let hash = seen[3].as_str().unwrap_or_default();
        if !hash.contains("view=read") || !hash.contains(&format!("at={opened}")) {
            return Err(format!("the reader's place is not in the URL: {hash}"));
        }
        // The permalink reopens it there.
        self.client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload: {e}"))?;
        let again = self
            .wait_for(
                "the reader after a reload",
                "const r = ex?.querySelector('.reader'); const p = r?.querySelector('.para.at'); return p && r.dataset.state === 'ready' ? [p.dataset.id, p.querySelector('button.fig.target')?.textContent ?? ''] : null;",
                |v| v.as_array().map(|a| Ok(a.clone())),
            )
            .await?;
        if again[0] != opened.as_str() || again[1] != seen[1] {
            return Err(format!("after a reload the reader shows {again:?}"));
        }
        Ok(())
    }

    /// Three series chosen one after the other: Back walks them back to the first,
    /// then to the view the page opened with, without leaving the site.
    pub(super) async fn back_walks_the_readers_steps(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        let chosen = ["family_murders", "crisis_centres", "prison_population"];
        for id in chosen {
            self.eval(&format!(
                "ex.querySelector('nav button[data-series=\"{id}\"]').click();"
            ))
            .await?;
            self.series_shown(id).await?;
        }
        for want in [
            "crisis_centres",
            "family_murders",
            "protection_orders_issued",
        ] {
            self.client
                .back()
                .await
                .map_err(|e| format!("cannot go back: {e}"))?;
            self.series_shown(want).await?;
        }
        let here = self.eval("return location.pathname;").await?;
        if here != "/index.html" {
            return Err(format!("Back left the page for {here}"));
        }
        // Forward walks them again.
        self.client
            .forward()
            .await
            .map_err(|e| format!("cannot go forward: {e}"))?;
        self.series_shown("family_murders").await
    }

    /// Opens `path` in a fresh document (the chart may be hidden: no wait for it).
    async fn goto_fresh(&self, path: &str) -> Result {
        for url in ["about:blank".to_string(), format!("{}{path}", self.base)] {
            self.client
                .goto(&url)
                .await
                .map_err(|e| format!("cannot open {url}: {e}"))?;
        }
        Ok(())
    }

    async fn series_shown(&self, id: &str) -> Result {
        self.wait_for(
            &format!("the series {id}"),
            &format!("return explorer.dataset.state === 'ready' && ex.querySelector('nav button[aria-pressed=true]')?.dataset.series === '{id}' && chart.getAttribute('series') === '{id}' && location.hash.includes('series={id}') || null;"),
            |v| (v == &Value::Bool(true)).then_some(Ok(())),
        )
        .await
    }

    /// "Copy link" (explorer and chart menu) gives a link that reopens the same
    /// view: series, tab, the table's sort, theme and axis.
    pub(super) async fn copied_link_reopens_the_view(&self) -> Result {
        self.goto_fresh("/index.html#series=penitentiary_complaints&lang=en&view=table&sort=3d&theme=dark&axis=fit")
            .await?;
        let view = "if (!ex || explorer.dataset.state !== 'ready') return null; return [ex.querySelector('nav button[aria-pressed=true]')?.dataset.series, ex.querySelector('[role=tab][aria-selected=true]')?.textContent, [...ex.querySelectorAll('th')].findIndex(th => th.getAttribute('aria-sort') === 'descending'), ex.querySelector('.root').classList.contains('dark'), chart.getAttribute('axis'), [...ex.querySelectorAll('tbody tr')].map(tr => tr.dataset.point).join()];";
        let before = self
            .wait_for("the view", view, |v| v.as_array().map(|a| Ok(a.clone())))
            .await?;
        if before[0] != "penitentiary_complaints"
            || before[2] != 3
            || before[3] != true
            || before[4] != "fit"
        {
            return Err(format!("the link did not open its view: {before:?}"));
        }
        self.eval("ex.querySelector('header .copy-link').click();")
            .await?;
        let link = self
            .wait_for(
                "the copied link",
                "return ex.querySelector('.copied')?.dataset.link ?? null;",
                |v| v.as_str().map(|s| Ok(s.to_string())),
            )
            .await?;
        // The chart menu's "Copy link" gives the address of the view too.
        self.eval("ex.querySelector('[role=tab]').click();").await?;
        self.wait_for(
            "the chart",
            "return !chart.hidden && cs.host.dataset.state === 'ready' && cs.querySelectorAll('.menu button').length > 0 || null;",
            |v| (v == &Value::Bool(true)).then_some(Ok(())),
        )
        .await?;
        self.eval("cs.querySelector('.bar > button').click(); cs.querySelector('.menu button[data-item=copy-link]').click();")
            .await?;
        let from_chart = self
            .wait_for(
                "the chart's copied link",
                "const link = cs.querySelector('.copied')?.dataset.link; return link ? [link, location.href] : null;",
                |v| v.as_array().map(|a| Ok(a.clone())),
            )
            .await?;
        if from_chart[0] != from_chart[1]
            || !from_chart[1]
                .as_str()
                .is_some_and(|l| l.contains("series=penitentiary_complaints"))
        {
            return Err(format!(
                "the chart copies {} on {}",
                from_chart[0], from_chart[1]
            ));
        }
        self.client
            .goto("about:blank")
            .await
            .map_err(|e| format!("cannot open about:blank: {e}"))?;
        self.client
            .goto(&link)
            .await
            .map_err(|e| format!("cannot open {link}: {e}"))?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let after = self
            .wait_for("the view again", view, |v| {
                v.as_array().map(|a| Ok(a.clone()))
            })
            .await?;
        if before != after {
            return Err(format!("before {before:?}, from the link {after:?}"));
        }
        Ok(())
    }
}
