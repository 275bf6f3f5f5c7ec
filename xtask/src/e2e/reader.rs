//! End-to-end checks for readers: on a phone (360 px), with a keyboard only, and
//! in English, Russian and Kazakh; and the screenshots of every language.

use super::{number, Page};
use crate::Result;
use fantoccini::key::Key;
use serde_json::Value;
use std::time::Duration;

/// The element that has focus, looking through shadow roots.
const DEEP_ACTIVE: &str = r#"
const deepActive = () => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; };
const describe = (a) => a ? (a.dataset.key || a.tagName.toLowerCase() + (a.className ? "." + a.className : "")) : "none";
"#;

/// Every interface text of the explorer and its chart: text nodes and labels,
/// outside elements marked `lang="fr"` (report text, which stays French).
const INTERFACE_TEXT: &str = r#"
const texts = [];
const walk = (node) => {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) { if (child.textContent.trim()) texts.push(child.textContent.trim()); continue; }
    if (child.nodeType !== 1) continue;
    if (child.getAttribute("lang") === "fr") continue;
    for (const name of ["aria-label", "placeholder", "title", "aria-roledescription", "label"]) {
      const v = child.getAttribute(name); if (v) texts.push(v);
    }
    if (child.tagName === "OPTION" || child.tagName === "OPTGROUP") texts.push(child.label || child.textContent);
    if (child.shadowRoot) walk(child.shadowRoot);
    walk(child);
  }
};
walk(ex);
texts.push(document.title);
const intro = document.querySelector(".intro"); if (intro) texts.push(intro.textContent);
"#;

impl Page<'_> {
    /// Sets the window to a phone's size (or back to the desktop's).
    pub(super) async fn window(&self, width: u32, height: u32) -> Result {
        self.client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("cannot resize the window: {e}"))
    }

    pub(super) async fn phone(&self) -> Result {
        self.window(360, 800).await?;
        let outcome = self.phone_checks().await;
        self.window(1200, 900).await?;
        outcome
    }

    async fn phone_checks(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&lang=en")
            .await?;
        let at = self
            .eval("const c = cs.querySelector('canvas').getBoundingClientRect(); const p = ex.querySelector('.picker select').getBoundingClientRect(); return [c.top, c.bottom, innerHeight, innerWidth, p.top, p.height, c.width];")
            .await?;
        let (top, bottom, height, width) = (
            number(&at[0])?,
            number(&at[1])?,
            number(&at[2])?,
            number(&at[3])?,
        );
        if width > 420.0 {
            return Err(format!("the window is not phone-sized: {at}"));
        }
        self.screenshot("phone-first-screen").await?;
        if top < 0.0 || bottom > height || number(&at[5])? < 20.0 || number(&at[4])? > top {
            return Err(format!(
                "at 360 px the chart is not in the first screen under the picker: [canvas top, bottom, viewport height, width, picker top, picker height, canvas width] = {at}"
            ));
        }
        // The table scrolls inside its own box: its last column can be reached.
        self.eval("[...ex.querySelectorAll('[role=tab]')][1].click();")
            .await?;
        let table = self
            .wait_for(
                "the table in its box",
                "const box = ex.querySelector('.table-box'); if (!box) return null; box.scrollLeft = box.scrollWidth; const b = box.getBoundingClientRect(); const ths = box.querySelectorAll('th'); const last = ths[ths.length - 1].getBoundingClientRect(); return [b.left, b.right, last.left, last.right, box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth, innerWidth];",
                |v| v.as_array().map(|a| Ok(a.clone())),
            )
            .await?;
        let n = |i: usize| number(&table[i]);
        if n(3)? > n(1)? + 1.0 || n(2)? < n(0)? - 1.0 || n(1)? > n(7)? + 1.0 || n(6)? > n(7)? + 1.0
        {
            return Err(format!(
                "the table's last column cannot be reached in its box: [box left, right, last th left, right, scrollWidth, clientWidth, page scrollWidth, innerWidth] = {table:?}"
            ));
        }
        self.screenshot("phone-table-scrolled").await
    }

    async fn active(&self) -> Result<String> {
        let v = self
            .eval(&format!("{DEEP_ACTIVE} return describe(deepActive());"))
            .await?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    async fn press(&self, key: Key) -> Result {
        self.keys(&[key.into()]).await
    }

    pub(super) async fn tab_to_chart(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued")
            .await?;
        // From the top of the page: nothing focused.
        self.eval("document.activeElement?.blur(); window.scrollTo(0, 0);")
            .await?;
        let mut presses = 0;
        let mut seen = Vec::new();
        while presses < 5 {
            let key = if self.active().await? == "skip-chart" {
                Key::Enter
            } else {
                Key::Tab
            };
            self.press(key).await?;
            presses += 1;
            let now = self.active().await?;
            seen.push(now.clone());
            if now == "canvas" {
                break;
            }
        }
        if self.active().await? != "canvas" {
            return Err(format!(
                "5 presses from the top did not reach the chart; focus went {seen:?}"
            ));
        }
        // The keyboard-selected point's ring shows in the explorer too.
        self.press(Key::Right).await?;
        let ring = self
            .wait_for(
                "the focus ring",
                "const r = cs.querySelector('.ring'); return r.hidden ? null : [r.style.left, r.style.top];",
                |v| v.as_array().map(|a| Ok(a.clone())),
            )
            .await?;
        println!("e2e:   chart reached in {presses} presses ({seen:?}); ring at {ring:?}");
        Ok(())
    }

    /// Escape closes the menu, the embed panel, the source panel; focus returns to
    /// what opened each. Sorting a column and opening a table row keep focus.
    pub(super) async fn escape_and_focus(&self) -> Result {
        self.open("/index.html#series=protection_orders_issued&lang=en")
            .await?;
        let expect = async |what: &str, want: &str| -> Result {
            let got = self.active().await?;
            if got == want {
                Ok(())
            } else {
                Err(format!("{what}: focus is on {got:?}, not {want:?}"))
            }
        };
        // The menu: opened from its button, arrows move, Escape closes.
        self.eval("cs.querySelector('.bar > button').focus();")
            .await?;
        self.press(Key::Enter).await?;
        let items = self
            .eval(&format!("{DEEP_ACTIVE} return [cs.querySelector('.menu').hidden, deepActive() === cs.querySelectorAll('.menu button')[0]];"))
            .await?;
        if items[0] != false || items[1] != true {
            return Err(format!(
                "Enter on ⋯ did not open the menu on its first item: {items}"
            ));
        }
        self.press(Key::Down).await?;
        self.press(Key::Down).await?;
        self.press(Key::Up).await?;
        let second = self
            .eval(&format!(
                "{DEEP_ACTIVE} return deepActive() === cs.querySelectorAll('.menu button')[1];"
            ))
            .await?;
        if second != true {
            return Err("the arrow keys do not move in the menu".into());
        }
        self.press(Key::Escape).await?;
        let hidden = self
            .eval("return cs.querySelector('.menu').hidden;")
            .await?;
        if hidden != true {
            return Err("Escape did not close the menu".into());
        }
        expect("after Escape in the menu", "button").await?;
        let on_menu = self
            .eval(&format!(
                "{DEEP_ACTIVE} return deepActive() === cs.querySelector('.bar > button');"
            ))
            .await?;
        if on_menu != true {
            return Err("after Escape in the menu, focus is not on ⋯".into());
        }
        // The embed panel, opened from the menu: Escape gives focus back to ⋯.
        self.press(Key::Enter).await?;
        self.press(Key::End).await?;
        self.press(Key::Enter).await?;
        let open = self
            .eval("return !cs.querySelector('.embed').hidden;")
            .await?;
        if open != true {
            return Err("the menu's last item did not open the embed panel".into());
        }
        self.press(Key::Escape).await?;
        let state = self
            .eval(&format!("{DEEP_ACTIVE} return [cs.querySelector('.embed').hidden, deepActive() === cs.querySelector('.bar > button')];"))
            .await?;
        if state[0] != true || state[1] != true {
            return Err(format!(
                "Escape on the embed panel: [closed, focus on ⋯] = {state}"
            ));
        }
        // The source panel, opened from the chart: Escape gives focus back to it.
        self.eval("cs.querySelector('canvas').focus();").await?;
        self.press(Key::Right).await?;
        self.press(Key::Enter).await?;
        let open = self
            .eval("return !cs.querySelector('.panel').hidden;")
            .await?;
        if open != true {
            return Err("Enter on a point did not open its source".into());
        }
        self.press(Key::Escape).await?;
        let closed = self
            .eval("return cs.querySelector('.panel').hidden;")
            .await?;
        if closed != true {
            return Err("Escape did not close the source panel".into());
        }
        expect("after Escape on the source panel", "canvas").await?;
        // Sorting a column keeps focus on its header.
        self.eval("[...ex.querySelectorAll('[role=tab]')][1].click();")
            .await?;
        self.wait_for(
            "the table",
            "return ex.querySelector('tbody tr') ? true : null;",
            |v| v.as_bool().map(Ok),
        )
        .await?;
        self.eval("ex.querySelector('[data-key=sort-1]').focus();")
            .await?;
        self.press(Key::Enter).await?;
        let sorted = self
            .eval("return ex.querySelector('th[aria-sort=ascending] button')?.dataset.key ?? null;")
            .await?;
        if sorted != "sort-1" {
            return Err(format!(
                "Enter on the Value header did not sort by it: {sorted}"
            ));
        }
        expect("after sorting", "sort-1").await?;
        // Enter on a row opens its point on the chart, focus on the chart.
        self.eval("ex.querySelector('tbody tr').focus();").await?;
        self.press(Key::Enter).await?;
        self.wait_for(
            "the row's source",
            "return cs.querySelector('.panel').hidden ? null : true;",
            |v| v.as_bool().map(Ok),
        )
        .await?;
        expect("after Enter on a table row", "canvas").await?;
        self.press(Key::Escape).await?;
        expect("after closing the row's source", "canvas").await
    }

    /// In en, ru and kk no French interface string is left in the explorer, its
    /// chart (summary, SVG), table, search, CSV, nor the page's title and intro;
    /// a search in the reader's language is told the reports are French, and
    /// offered the series it names.
    pub(super) async fn no_french_left(&self) -> Result {
        let french = derek::i18n::Lang::Fr.text();
        let catalogue =
            derek::series::catalogue::Catalogue::bundled().map_err(|e| e.to_string())?;
        for lang in [
            derek::i18n::Lang::En,
            derek::i18n::Lang::Ru,
            derek::i18n::Lang::Kk,
        ] {
            let code = lang.code();
            let theirs: Vec<&str> = lang.text().strings().into_iter().map(|(_, s)| s).collect();
            // French strings, cut at their {names}, that this language does not share.
            let mut needles: Vec<(String, String)> = Vec::new();
            for (key, s) in french.strings() {
                if key.starts_with("format.") || theirs.contains(&s) {
                    continue;
                }
                for piece in s.split(['{', '}']).step_by(2) {
                    let piece =
                        piece.trim_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
                    if piece.chars().count() >= 4 && !theirs.iter().any(|t| t.contains(piece)) {
                        needles.push((key.clone(), piece.to_string()));
                    }
                }
            }
            for def in &catalogue.series {
                for c in &def.categories {
                    if lang.text().category(&c.fr) != c.fr {
                        needles.push((format!("category {}", c.fr), c.fr.clone()));
                    }
                }
            }
            let mut texts: Vec<String> = Vec::new();
            // "Uyghurs" in the reader's language: the French reports cannot match it.
            let uyghurs = match lang {
                derek::i18n::Lang::Ru => "уйгуры",
                derek::i18n::Lang::Kk => "ұйғырлар",
                _ => "Uyghurs",
            };
            for (series, q) in [
                ("protection_orders_issued", "ordonnances"),
                ("ethnic_composition_2025", uyghurs),
                ("women_in_civil_service_2025", ""),
            ] {
                self.open(&format!("/index.html#series={series}&lang={code}&q={q}"))
                    .await?;
                if !q.is_empty() {
                    self.wait_for(
                        "search results",
                        "return ex.querySelector('.count')?.textContent ? true : null;",
                        |v| v.as_bool().map(Ok),
                    )
                    .await?;
                }
                if q == uyghurs {
                    // Search says the reports are French, and offers the series
                    // whose names in the reader's language match.
                    let said = self
                        .eval("return [ex.querySelector('.count').textContent, [...ex.querySelectorAll('.offers button')].map(b => b.dataset.series)];")
                        .await?;
                    let french_only = lang.text().text("page", "french_only");
                    if !said[0].as_str().is_some_and(|s| s.contains(french_only))
                        || !said[1]
                            .as_array()
                            .is_some_and(|a| a.iter().any(|s| s == "ethnic_composition_2025"))
                    {
                        return Err(format!("searching {q:?} in {code} says {said}"));
                    }
                }
                // Open the menu, a point's source and the embed panel, so that their words are there too.
                self.eval("if (chart.drawn) { chart.select(0); chart.showEmbed(); }")
                    .await?;
                let got = self.eval(&format!("{INTERFACE_TEXT} texts.push(chart.app.svg(chart.getAttribute('series'), '{code}', 'light', 'zero', 800)); texts.push(chart.app.csv(chart.getAttribute('series'), '{code}').split('\\r\\n').map(l => l.split(',')[2]).join(' ')); texts.push(chart.app.json(chart.getAttribute('series'), '{code}').match(/\"title\": \"[^\"]*\"/)?.[0] ?? ''); const about = chart.app.about(chart.getAttribute('series'), '{code}'); texts.push(about.heading, about.definition_heading, about.definition, ...about.notes); return [texts, document.documentElement.lang];")).await?;
                if got[1] != code {
                    return Err(format!("<html lang> is {} in {code}", got[1]));
                }
                texts.extend(
                    got[0]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(str::to_string),
                );
                // And the table of the same series.
                self.eval("[...ex.querySelectorAll('[role=tab]')][1].click();")
                    .await?;
                let table = self
                    .wait_for(
                        "the table",
                        &format!(
                            "{INTERFACE_TEXT} return ex.querySelector('tbody tr') ? texts : null;"
                        ),
                        |v| {
                            v.as_array().map(|a| {
                                Ok(a.iter()
                                    .filter_map(Value::as_str)
                                    .map(str::to_string)
                                    .collect::<Vec<_>>())
                            })
                        },
                    )
                    .await?;
                texts.extend(table);
            }
            let all = texts.join("\n");
            let left: Vec<String> = needles
                .iter()
                .filter(|(_, n)| all.contains(n.as_str()))
                .map(|(k, n)| format!("{n:?} ({k})"))
                .collect();
            if !left.is_empty() {
                return Err(format!(
                    "French left in the {code} explorer: {}",
                    left.join(", ")
                ));
            }
            println!(
                "e2e:   {code}: {} interface texts, none of {} French strings",
                texts.len(),
                needles.len()
            );
        }
        Ok(())
    }

    /// The explorer and one chart in every language, light and dark, 360 and 1200 px.
    pub(super) async fn screenshots(&self) -> Result {
        for (width, height) in [(360, 800), (1200, 900)] {
            self.window(width, height).await?;
            for lang in ["fr", "en", "ru", "kk"] {
                for theme in ["light", "dark"] {
                    self.open(&format!(
                        "/index.html#series=protection_orders_issued&lang={lang}&theme={theme}&point=1"
                    ))
                    .await?;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    self.screenshot(&format!("explorer-{lang}-{theme}-{width}"))
                        .await?;
                    self.open(&format!(
                        "/embed.html#series=ethnic_composition_2025&lang={lang}&theme={theme}"
                    ))
                    .await?;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    self.screenshot(&format!("chart-{lang}-{theme}-{width}"))
                        .await?;
                }
            }
        }
        self.window(1200, 900).await?;
        // What a chart marks besides its points, in every language: "About this
        // chart" with a gap and a break in series (rules of conduct) and with
        // figures that disagree (persons with disabilities), the legend line of a
        // part-year figure (citizenship granted, January to August 2025), and a
        // point's source panel with the series' definition (protection orders).
        for lang in ["fr", "en", "ru", "kk"] {
            for (series, open) in [
                ("rules_of_conduct_imposed", "about"),
                ("persons_with_disabilities", "about"),
                ("stateless_granted_citizenship", ""),
                ("protection_orders_issued", "source"),
            ] {
                self.open(&format!("/index.html#series={series}&lang={lang}"))
                    .await?;
                let show = match open {
                    "about" => format!("chart.showAbout(chart.app.about('{series}', '{lang}'));"),
                    "source" => "chart.select(1);".to_string(),
                    _ => String::new(),
                };
                if !show.is_empty() {
                    self.eval(&format!(
                        "{show} cs.querySelector('.panel').scrollIntoView({{ block: 'end' }});"
                    ))
                    .await?;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
                self.screenshot(&format!("marks-{series}-{lang}")).await?;
            }
        }
        println!("e2e: screenshots in {}", self.out.display());
        Ok(())
    }
}
