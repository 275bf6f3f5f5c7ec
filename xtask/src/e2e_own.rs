//! End-to-end tests of "Add a report": the built `dist/` in headless Chromium, a
//! reader pasting a passage, dropping a PDF and a .docx made from the same text,
//! reloading, removing; the facts the page reads are compared with the ones the
//! native core reads from the text, and the test server's log shows that no
//! request carried the report anywhere.
//!
//! Fixtures are made here, not committed: the PDF is printed by headless
//! Chromium from an HTML page of the passage, the .docx is zipped by this file
//! (the passage's table as a real Word table), the "scan" is a PDF of a drawing.

use crate::e2e::harness::{poll, run_checks, with_browser, Check, Suite, Tab};
use crate::{build, root, serve, Result};
use serde_json::{json, Value};
use std::io::Write;
use std::ops::Deref;
use std::path::Path;
use std::process::Command;

/// The passage a reader brings: a cover date, prose with yearly figures, and a
/// flattened table with its unit line.
pub const PASSAGE: &str = "Comité pour l’élimination de la discrimination à l’égard des femmes

[Date de réception : 20 octobre 2025]

1. En 2022, 1 250 ordonnances de protection ont été délivrées, contre 980 en 2021.

2. En 2023, les tribunaux ont délivré 1 410 ordonnances de protection. Environ 70 000 victimes ont reçu une aide.

3. Les dépenses consacrées aux centres de crise figurent ci-dessous.

En millions de tenge
2021
2022
2023
Centres de crise
410,5
455,2
502,8
";

/// A passage in English: its text must be marked `lang="en"`, not French.
const ENGLISH_PASSAGE: &str = "Committee on the Elimination of Discrimination against Women

1. In 2022, 1,250 protection orders were issued by the courts, against 980 in 2021.

2. The crisis centres are open in all the regions and most of the victims have received help from them.
";

/// Runs the checks; returns how many passed (it stops at a failure).
pub fn run() -> Result<usize> {
    let dist = build::dist()?;
    let fixtures = root().join("target/e2e/own");
    std::fs::create_dir_all(&fixtures)
        .map_err(|e| format!("cannot create {}: {e}", fixtures.display()))?;
    make_fixtures(&fixtures)?;
    let base = serve::spawn(vec![
        ("/fixtures/".to_string(), fixtures.clone()),
        ("/".to_string(), dist),
    ])?;
    let downloads = root().join("target/e2e/downloads");
    let expected = expected_facts()?;
    with_browser(&downloads, async |client| {
        let page = Own {
            tab: Tab::new(client, &base, &fixtures, PRELUDE),
            expected: &expected,
        };
        page.run_all().await
    })
}

/// The facts the native core reads from the passage: (value, unit, year), sorted.
fn expected_facts() -> Result<Vec<String>> {
    let own = derek::series::own::OwnReport::read("passage", PASSAGE, None, 0)
        .map_err(|e| format!("the passage does not read natively: {e}"))?;
    let mut facts: Vec<String> = derek::present::fact_rows(&own.facts)
        .iter()
        .map(|r| format!("{} {} {}", r.value, r.unit, r.year))
        .collect();
    facts.sort();
    if facts.len() < 6 {
        return Err(format!(
            "the passage gives too few facts natively: {facts:?}"
        ));
    }
    Ok(facts)
}

fn make_fixtures(dir: &Path) -> Result {
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("passage.txt", PASSAGE.as_bytes())?;
    write("passage.html", passage_html().as_bytes())?;
    write(
        "scan.html",
        b"<!doctype html><svg width=400 height=300><rect x=20 y=20 width=300 height=200 fill=#888 /></svg>",
    )?;
    write("passage.docx", &docx(PASSAGE)?)?;
    // The snippet an editor pastes, with a bundled report's automatic series.
    write(
        "embed-auto.html",
        b"<!doctype html><meta charset=utf-8><link rel=icon href=/favicon.svg type=image/svg+xml>\
          <script type=module src=/derek-element.js></script>\
          <derek-chart series=auto-cat-c-kaz-3-1 lang=fr></derek-chart>",
    )?;
    write("encrypted.pdf", &encrypted_pdf())?;
    print_pdf(&dir.join("passage.html"), &dir.join("passage.pdf"))?;
    print_pdf(&dir.join("scan.html"), &dir.join("scan.pdf"))
}

/// A one-page PDF encrypted with the standard security handler (RC4, 40 bits)
/// whose empty password opens nothing: its /O and /U entries are zeros, which
/// no password's hash gives, so pdf.js asks for a password (PasswordException).
/// Written by hand, with a correct cross-reference table.
fn encrypted_pdf() -> Vec<u8> {
    let zeros = "00".repeat(32);
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_string(),
        format!("<< /Filter /Standard /V 1 /R 2 /O <{zeros}> /U <{zeros}> /P -4 >>"),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", n + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    let id = "0123456789abcdef0123456789abcdef";
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The passage as a printed page: its lines as they are.
fn passage_html() -> String {
    format!(
        "<!doctype html><meta charset=utf-8><pre style=\"font: 12px serif; white-space: pre-wrap\">{}</pre>",
        escape(PASSAGE)
    )
}

/// Headless Chromium prints `html` to `pdf`.
fn print_pdf(html: &Path, pdf: &Path) -> Result {
    let _ = std::fs::remove_file(pdf);
    let status = Command::new("/usr/bin/chromium")
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("cannot run chromium to print a PDF: {e}"))?;
    if status.success() && pdf.is_file() {
        Ok(())
    } else {
        Err(format!(
            "chromium did not print {} ({status})",
            pdf.display()
        ))
    }
}

/// A minimal .docx: one Word paragraph a line of prose, the table as a Word
/// table (a header row of years, then the row), as Word writes them.
fn docx(text: &str) -> Result<Vec<u8>> {
    let lines: Vec<&str> = text.lines().collect();
    let table_at = lines
        .iter()
        .position(|l| l.trim() == "2021")
        .ok_or("the passage has no table")?;
    let paragraph = |t: &str| {
        format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(t)
        )
    };
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", paragraph(t));
    let mut body: String = lines
        .iter()
        .take(table_at)
        .filter(|l| !l.trim().is_empty())
        .map(|l| paragraph(l))
        .collect();
    let rest: Vec<&str> = lines.iter().skip(table_at).copied().collect();
    let (years, row) = rest.split_at(3.min(rest.len()));
    body.push_str("<w:tbl><w:tr>");
    body.push_str(&cell(""));
    body.extend(years.iter().map(|y| cell(y)));
    body.push_str("</w:tr><w:tr>");
    body.extend(row.iter().map(|c| cell(c)));
    body.push_str("</w:tr></w:tbl>");
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// A zip archive of deflated files (local headers, central directory, end record).
fn zip(files: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(data)
            .map_err(|e| format!("cannot deflate {name}: {e}"))?;
        let packed = encoder
            .finish()
            .map_err(|e| format!("cannot deflate {name}: {e}"))?;
        let size = |n: usize| u32::try_from(n).map_err(|_| format!("{name} is too large"));
        let (crc, packed_len, len) = (crc.sum(), size(packed.len())?, size(data.len())?);
        let name_len = u16::try_from(name.len()).map_err(|_| "a name is too long")?;
        let offset = size(out.len())?;
        // Local header: version 20, no flags, deflate (8), no time.
        out.extend(0x04034b50u32.to_le_bytes());
        out.extend([20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        out.extend(crc.to_le_bytes());
        out.extend(packed_len.to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend(name_len.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(name.as_bytes());
        out.extend(&packed);
        central.extend(0x02014b50u32.to_le_bytes());
        central.extend([20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        central.extend(crc.to_le_bytes());
        central.extend(packed_len.to_le_bytes());
        central.extend(len.to_le_bytes());
        central.extend(name_len.to_le_bytes());
        central.extend([0u8; 12]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let count = u16::try_from(files.len()).map_err(|_| "too many files")?;
    let central_at = u32::try_from(out.len()).map_err(|_| "the zip is too large")?;
    let central_len = u32::try_from(central.len()).map_err(|_| "the zip is too large")?;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(central_len.to_le_bytes());
    out.extend(central_at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    Ok(out)
}

/// Finds the explorer, its shadow root and its report adder.
const PRELUDE: &str = r#"
const ex = document.querySelector("derek-explorer");
const root = ex?.shadowRoot;
const adder = ex?.adder;
const keys = adder ? [...adder.reports.keys()].sort((a, b) => a - b) : [];
const facts = (key) => ex.app.reportFacts(key).map((r) => `${r.value} ${r.unit} ${r.year}`).sort();
"#;

/// Drops the fixture `name` on the "Add a report" section, as a reader would.
const DROP: &str = r#"
ex.dataset.adding = "";
(async () => {
  const bytes = await (await fetch("/fixtures/" + arguments[0])).arrayBuffer();
  const file = new File([bytes], arguments[0], { type: arguments[1] });
  const dt = new DataTransfer();
  dt.items.add(file);
  root.querySelector(".add").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
})();
return true;
"#;

/// The explorer with "Add a report": the shared [`Tab`] (its client, base URL
/// and screenshots, under [`PRELUDE`]) and the facts the passage must give.
struct Own<'a> {
    tab: Tab<'a>,
    expected: &'a [String],
}

impl<'a> Deref for Own<'a> {
    type Target = Tab<'a>;

    fn deref(&self) -> &Tab<'a> {
        &self.tab
    }
}

/// How these checks name themselves in their messages.
const SUITE: Suite = Suite {
    failed: "e2e (add a report)",
    console: "",
};

impl<'a> Own<'a> {
    async fn run_all(&self) -> Result<usize> {
        let checks: [(&str, Check<Own<'a>>); 13] = [
            (
                "pasting a passage shows its facts, a chart of its series, and of ticked figures",
                |p| Box::pin(p.paste()),
            ),
            ("a reload keeps the added report", |p| {
                Box::pin(p.reload_keeps())
            }),
            (
                "a chart of ticked figures is kept after a reload, and can be removed",
                |p| Box::pin(p.picked_kept()),
            ),
            (
                "an added report reads like the five: from a search hit, a facts row, a series point and a permalink, its text marked with its language",
                |p| Box::pin(p.reader()),
            ),
            (
                "in Russian, the facts table and a failed read are in Russian",
                |p| Box::pin(p.in_russian()),
            ),
            (
                "changing the reference year re-dates the implied figures only, and is kept",
                |p| Box::pin(p.change_year()),
            ),
            ("a PDF printed from the passage gives the same facts", |p| {
                Box::pin(p.drop_file("passage.pdf", "application/pdf"))
            }),
            ("a .docx of the passage gives the same facts", |p| {
                Box::pin(p.drop_file(
                    "passage.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ))
            }),
            ("a scanned PDF is said to hold no text", |p| {
                Box::pin(p.scan())
            }),
            ("an encrypted PDF is said to be encrypted", |p| {
                Box::pin(p.encrypted())
            }),
            (
                "removing the reports removes them, after a reload too",
                |p| Box::pin(p.remove_all()),
            ),
            ("a bundled report's automatic series embeds by id", |p| {
                Box::pin(p.embed_bundled_auto())
            }),
            ("no request carried a report anywhere", |p| {
                Box::pin(p.no_request_left())
            }),
        ];
        run_checks(self, &SUITE, checks).await
    }

    /// Polls `script` (with the prelude) until it returns neither null nor false;
    /// returns that.
    async fn wait(&self, what: &str, script: &str) -> Result<Value> {
        self.wait_for(what, script, |v| {
            (!v.is_null() && v != &json!(false)).then(|| Ok(v.clone()))
        })
        .await
    }

    /// Opens the explorer (trying twice: see [`Tab::open_twice`]) and waits for it.
    async fn open(&self) -> Result {
        self.open_twice("/index.html", "the explorer").await?;
        self.wait(
            "the explorer",
            "return ex?.dataset.state === 'ready' || null;",
        )
        .await
        .map(|_| ())
    }

    /// Waits for the adder to finish; fails with the page's words on an error.
    async fn added(&self) -> Result {
        let state = self
            .wait(
                "the report to be read",
                "const s = ex.dataset.adding; return s === 'done' || s === 'error' ? [s, root.querySelector('.add .error').textContent] : null;",
            )
            .await?;
        match state[0].as_str() {
            Some("done") => Ok(()),
            _ => Err(format!("the page could not read it: {}", state[1])),
        }
    }

    fn same_facts(&self, got: &Value) -> Result {
        let got: Vec<String> = got
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        if got == self.expected {
            Ok(())
        } else {
            Err(format!(
                "facts differ from the text's:\n  page:   {got:?}\n  native: {:?}",
                self.expected
            ))
        }
    }

    async fn paste(&self) -> Result {
        self.open().await?;
        // A fresh start: no report kept from an earlier run.
        self.eval("indexedDB.deleteDatabase('derek'); return true;", vec![])
            .await?;
        self.open().await?;
        self.eval(
            "root.querySelector('.add textarea').value = arguments[0];
             root.querySelector('.add input[type=text]').value = 'Passage';
             ex.dataset.adding = '';
             root.querySelector('.add button.read').click();
             return true;",
            vec![json!(PASSAGE)],
        )
        .await?;
        self.added().await?;
        self.same_facts(
            &self
                .eval("return keys.length === 1 ? facts(keys[0]) : keys;", vec![])
                .await?,
        )?;
        // The first automatic series is charted, marked as not reviewed.
        let chart = self
            .wait(
                "the automatic series' chart",
                "const chart = root.querySelector('derek-chart');
                 if (chart?.dataset.state !== 'ready' || !ex.state.series.startsWith('auto-')) return null;
                 const canvas = chart.shadowRoot.querySelector('canvas');
                 const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
                 let inked = 0;
                 for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked++;
                 return { inked, total: canvas.width * canvas.height, note: root.querySelector('.auto-note')?.textContent ?? '',
                          title: canvas.getAttribute('aria-label'), year: root.querySelector('.own .year')?.textContent ?? '',
                          nav: [...root.querySelectorAll('nav button[data-series^=auto-]')].map((b) => b.textContent) };",
            )
            .await?;
        let count = |k: &str| chart[k].as_f64().unwrap_or(0.0);
        if count("inked") < count("total") * 0.01 {
            return Err(format!("the chart is blank: {chart}"));
        }
        let text = |k: &str| chart[k].to_string();
        if !text("note").contains("non revue")
            || !text("title").contains("rdonnances de protection")
        {
            return Err(format!(
                "the chart is not the passage's series, marked as found automatically: {chart}"
            ));
        }
        if !text("year").contains("date de réception") || !text("year").contains("2025") {
            return Err(format!(
                "the reference year and its source are not shown: {chart}"
            ));
        }
        if !text("nav").contains("Centres de crise") {
            return Err(format!("the table's series is not listed: {chart}"));
        }
        // The facts shown, for a look at the whole page.
        self.eval(
            "root.querySelector('.own .row button').click(); root.querySelector('.own').scrollIntoView(); return true;",
            vec![],
        )
        .await?;
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(self.out.join("added.png"), png);
        }
        // Ticking two figures and charting them gives a series of their two years.
        self.eval(
            "const boxes = root.querySelectorAll('.own .facts tbody input[type=checkbox]');
             boxes[0].click(); boxes[1].click();
             root.querySelector('.own button.chart-ticked').click();
             return true;",
            vec![],
        )
        .await?;
        let picked = self
            .wait(
                "the chart of the ticked figures",
                "const chart = root.querySelector('derek-chart');
                 if (!ex.state.series.startsWith('picked-') || chart?.dataset.state !== 'ready') return null;
                 return [ex.app.series(ex.state.series).points.map((p) => [p.year, p.value]), root.querySelector('.auto-note')?.textContent ?? ''];",
            )
            .await?;
        if picked[0] != json!([[2021, 980], [2022, 1250]])
            || !picked[1].to_string().contains("choisis par vous")
        {
            return Err(format!(
                "the ticked figures are not charted as picked: {picked}"
            ));
        }
        Ok(())
    }

    async fn reload_keeps(&self) -> Result {
        self.open().await?;
        let kept = self
            .wait("the kept report", "return keys.length ? [keys.length, ex.adder.reports.get(keys[0]).summary.name, facts(keys[0])] : null;")
            .await?;
        if kept[0] != 1 || kept[1] != "Passage" {
            return Err(format!("after a reload: {kept}"));
        }
        self.same_facts(&kept[2])?;
        // It joins the search, its figures linked to its automatic series.
        self.eval("location.hash = 'q=ordonnances'; return true;", vec![])
            .await?;
        let hit = self
            .wait(
                "the added report in the search results",
                "const h = root.querySelector('.hits li'); return h ? [h.querySelector('h3').textContent, [...h.querySelectorAll('.figs button')].map((b) => b.textContent)] : null;",
            )
            .await?;
        if !hit[0].as_str().unwrap_or("").starts_with("Passage")
            || !hit[1].to_string().contains("Ordonnances de protection")
        {
            return Err(format!("the first hit is not the added report's: {hit}"));
        }
        Ok(())
    }

    async fn change_year(&self) -> Result {
        self.eval(
            "ex.dataset.adding = '';
             const input = root.querySelector('.own .year input');
             input.value = '2024';
             root.querySelector('.own .year button').click();
             return true;",
            vec![],
        )
        .await?;
        let got = self
            .wait(
                "the implied years to follow",
                "if (keys.length !== 1) return null;
                 const rows = ex.app.reportFacts(keys[0]);
                 const implied = rows.filter((r) => r.year_source === 'implied').map((r) => r.year);
                 const stated = rows.filter((r) => r.year_source === 'stated').map((r) => r.year);
                 return implied.length && implied.every((y) => y === '2024') ? [implied, stated, root.querySelector('.own .year')?.textContent] : null;",
            )
            .await?;
        // Stated years do not move; the page says the year is the reader's.
        if got[1].to_string().contains("2024") || !got[2].to_string().contains("choisie par vous") {
            return Err(format!("after changing the reference year: {got}"));
        }
        // Kept as changed after a reload.
        self.open().await?;
        let kept = self
            .wait(
                "the kept year",
                "return keys.length ? ex.adder.reports.get(keys[0]).summary.reference_year : null;",
            )
            .await?;
        if kept != 2024 {
            return Err(format!("the changed year was not kept: {kept}"));
        }
        Ok(())
    }

    async fn drop_file(&self, name: &str, mime: &str) -> Result {
        let before = self.eval("return keys.length;", vec![]).await?;
        self.eval(DROP, vec![json!(name), json!(mime)]).await?;
        self.added().await?;
        let got = self
            .eval(
                "return keys.length === arguments[0] + 1 ? facts(keys[keys.length - 1]) : keys;",
                vec![before],
            )
            .await?;
        self.same_facts(&got)
    }

    async fn scan(&self) -> Result {
        self.eval(DROP, vec![json!("scan.pdf"), json!("application/pdf")])
            .await?;
        let state = self
            .wait("the scan's error", "const s = ex.dataset.adding; return s === 'done' || s === 'error' ? [s, root.querySelector('.add .error').textContent] : null;")
            .await?;
        let words = state[1].as_str().unwrap_or_default();
        if state[0] != "error" || !words.contains("ne contient pas de texte") {
            return Err(format!("a PDF without text should be said so: {state}"));
        }
        Ok(())
    }

    async fn encrypted(&self) -> Result {
        self.eval(DROP, vec![json!("encrypted.pdf"), json!("application/pdf")])
            .await?;
        let state = self
            .wait("the encrypted PDF's error", "const s = ex.dataset.adding; return s === 'done' || s === 'error' ? [s, root.querySelector('.add .error').textContent] : null;")
            .await?;
        let words = state[1].as_str().unwrap_or_default();
        if state[0] != "error" || !words.contains("chiffré") || !words.contains("mot de passe") {
            return Err(format!("an encrypted PDF should be said so: {state}"));
        }
        Ok(())
    }

    /// Screenshots of the page at 360 and 1200 px wide (`own-NAME-WIDTH.png`),
    /// `scroll` run after each resize; the window is put back as it was.
    async fn shots(&self, name: &str, scroll: &str) -> Result {
        let rect = self
            .client
            .get_window_rect()
            .await
            .map_err(|e| format!("cannot read the window's size: {e}"))?;
        for (width, height) in [(360, 800), (1200, 900)] {
            self.client
                .set_window_size(width, height)
                .await
                .map_err(|e| format!("cannot resize the window: {e}"))?;
            self.eval(&format!("{scroll} return true;"), vec![]).await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let png = self
                .client
                .screenshot()
                .await
                .map_err(|e| format!("cannot take a screenshot: {e}"))?;
            std::fs::write(self.out.join(format!("own-{name}-{width}.png")), png)
                .map_err(|e| format!("cannot write a screenshot: {e}"))?;
        }
        self.client
            .set_window_size(rect.2 as u32, rect.3 as u32)
            .await
            .map_err(|e| format!("cannot resize the window: {e}"))
    }

    /// Opens the explorer at `hash` as a new page (not a move within the page).
    async fn open_at(&self, hash: &str) -> Result {
        let _ = self.client.goto("about:blank").await;
        self.client
            .goto(&format!("{}/index.html#{hash}", self.base))
            .await
            .map_err(|e| format!("cannot open the explorer at #{hash}: {e}"))?;
        self.wait(
            "the explorer",
            "return ex?.dataset.state === 'ready' || null;",
        )
        .await
        .map(|_| ())
    }

    /// The reader's marked place once it shows `want` (a JS expression over
    /// `ex.state`): [report card, paragraph id, figure index, figure text,
    /// figures marked, paragraph with the mark].
    async fn reader_place(&self, what: &str) -> Result<Value> {
        self.wait(
            what,
            "if (ex.state.view !== 'read') return null;
             const r = root.querySelector('.reader');
             const fig = r?.querySelector('button.fig.target');
             const at = r?.querySelector('.para.at');
             if (r?.dataset.state !== 'ready' || !fig || !at) return null;
             return [r.querySelector('.card-report')?.textContent ?? '', at.dataset.id, Number(fig.dataset.figure), fig.textContent,
                     r.querySelectorAll('button.fig').length, fig.closest('.para') === at];",
        )
        .await
    }

    async fn picked_kept(&self) -> Result {
        self.open().await?;
        let kept = self
            .wait(
                "the chart of ticked figures, after a reload",
                "const b = root.querySelector('nav button[data-series^=picked-]');
                 return keys.length && b ? [b.dataset.series, ex.app.series(b.dataset.series).points.map((p) => [p.year, p.value])] : null;",
            )
            .await?;
        if kept[1] != json!([[2021, 980], [2022, 1250]]) {
            return Err(format!("the ticked figures' chart came back wrong: {kept}"));
        }
        // Its link opens it on a fresh load: the same figures make the same id.
        let id = kept[0].as_str().unwrap_or_default().to_string();
        self.open_at(&format!("series={id}")).await?;
        self.wait(
            "the kept chart opened by its link",
            &format!(
                "const c = root.querySelector('derek-chart'); return c?.dataset.state === 'ready' && ex.state.series === {} || null;",
                kept[0]
            ),
        )
        .await?;
        // Without saying first that the series is unknown (the kept reports are
        // read again after the page's first chart).
        let unknown = self
            .eval(
                "return performance.getEntriesByName('derek-unknown', 'mark').map((m) => m.detail);",
                vec![],
            )
            .await?;
        if unknown != json!([]) {
            return Err(format!(
                "the kept chart's link said unknown first: {unknown}"
            ));
        }
        // Charted again after a reload.
        self.eval(
            "ex.choose(arguments[0]); return true;",
            vec![kept[0].clone()],
        )
        .await?;
        self.wait(
            "the kept chart drawn",
            "const c = root.querySelector('derek-chart'); return c?.dataset.state === 'ready' && ex.state.series.startsWith('picked-') && root.querySelector('.auto-note')?.textContent.includes('choisis par vous') || null;",
        )
        .await?;
        // Removed from the report's list, it is gone, after a reload too.
        self.eval(
            "root.querySelector('.own .series button.remove-chart').click(); return true;",
            vec![],
        )
        .await?;
        self.wait(
            "the chart's removal",
            &format!(
                "return !root.querySelector('nav button[data-series^=picked-]') && !ex.state.series.startsWith('picked-') && !ex.app.hasSeries({}) || null;",
                kept[0]
            ),
        )
        .await?;
        self.open().await?;
        let left = self
            .wait(
                "the report after the chart's removal",
                "return keys.length ? [root.querySelectorAll('nav button[data-series^=picked-]').length, adder.reports.get(keys[0]).record.picked.length] : null;",
            )
            .await?;
        if left != json!([0, 0]) {
            return Err(format!("a removed chart came back after a reload: {left}"));
        }
        Ok(())
    }

    async fn reader(&self) -> Result {
        // Listed in the reader's choice of reports.
        self.open_at("view=read").await?;
        let listed = self
            .wait(
                "the added report in the reader's list of reports (read again from IndexedDB after the first render)",
                "const s = root.querySelector('.reader select'); const l = s ? [...s.options].map((o) => o.textContent) : []; return l.includes('Passage') ? l : null;",
            )
            .await?;
        if !listed
            .as_array()
            .is_some_and(|a| a.iter().any(|o| o == "Passage"))
        {
            return Err(format!(
                "the added report is not in the reader's list: {listed}"
            ));
        }
        // A search hit opens it at its paragraph, the figure marked.
        self.open_at("q=ordonnances").await?;
        self.wait(
            "the added report's hit",
            "const b = root.querySelector('.hits li button.read'); if (!b || !root.querySelector('.hits li h3').textContent.startsWith('Passage')) return null; b.click(); return true;",
        )
        .await?;
        let place = self.reader_place("the reader at the hit").await?;
        let facts = self
            .eval("return ex.app.reportFacts(keys[0]);", vec![])
            .await?;
        let facts = facts.as_array().cloned().unwrap_or_default();
        let fact = |i: &Value| facts.get(i.as_u64().unwrap_or(u64::MAX) as usize).cloned();
        let hit_fact = fact(&place[2]).ok_or(format!("no fact {}", place[2]))?;
        if !place[0].as_str().unwrap_or("").contains("Passage")
            || place[1] != hit_fact["paragraph"]
            || place[3] != hit_fact["verbatim"]
            || place[4] != json!(facts.len())
            || place[5] != true
        {
            return Err(format!(
                "the hit does not open the added report at its figure, every figure marked: {place} (fact {hit_fact})"
            ));
        }
        // A row of its facts table opens the reader at that figure.
        self.eval(
            "ex.go({ view: 'chart' }); const e = [...adder.reports.values()][0]; e.open = true; adder.renderList(); return true;",
            vec![],
        )
        .await?;
        let row = facts.len() - 1;
        self.wait(
            "the facts table",
            &format!(
                "const b = ex.state.view === 'chart' && root.querySelectorAll('.own .facts button.fig-read')[{row}]; if (!b) return null; b.click(); return true;"
            ),
        )
        .await?;
        let place = self.reader_place("the reader at the facts row").await?;
        if place[2] != json!(row)
            || place[3] != facts[row]["verbatim"]
            || place[1] != facts[row]["paragraph"]
        {
            return Err(format!(
                "the facts row {row} does not open its figure: {place} ({})",
                facts[row]
            ));
        }
        // An automatic series' point opens it too, from the chart's source panel.
        let series = self
            .eval(
                "return adder.reports.get(keys[0]).summary.series.find((s) => !s.picked).id;",
                vec![],
            )
            .await?;
        self.eval(
            "ex.go({ view: 'chart', series: arguments[0], point: '1' }); return true;",
            vec![series.clone()],
        )
        .await?;
        self.wait(
            "the point's source panel",
            "const a = root.querySelector('derek-chart')?.shadowRoot.querySelector('a.read'); if (!a || ex.state.view !== 'chart') return null; a.click(); return true;",
        )
        .await?;
        let place = self.reader_place("the reader at the series point").await?;
        let point = self
            .eval(
                "return ex.app.series(arguments[0]).points[1];",
                vec![series],
            )
            .await?;
        if place[3] != point["verbatim"] || place[1] != point["paragraph"] {
            return Err(format!(
                "the series point does not open its figure: {place} (point {point})"
            ));
        }
        // The permalink reopens it while the report is kept...
        let link = self.eval("return location.hash.slice(1);", vec![]).await?;
        let link = link.as_str().unwrap_or_default().to_string();
        if !link.contains("read=own-") {
            return Err(format!(
                "the permalink does not name the added report: {link}"
            ));
        }
        self.open_at(&link).await?;
        let again = self.reader_place("the reader from the permalink").await?;
        if again != place {
            return Err(format!(
                "the permalink opens another place: {again}, not {place}"
            ));
        }
        self.shots("reader", "root.querySelector('.reader').scrollIntoView();")
            .await?;
        // ...and says so when this browser does not keep the report it names.
        self.open_at("view=read&read=own-99999&at=p1&fig=0").await?;
        let missing = self
            .wait(
                "the note on a missing report",
                "const note = root.querySelector('.reader .missing')?.textContent;
                 return note ? [note, root.querySelectorAll('.reader .at, .reader .target').length] : null;",
            )
            .await?;
        // The place the link names is in no report shown: nothing is marked.
        if !missing[0]
            .as_str()
            .unwrap_or("")
            .contains("pas gardé dans ce navigateur")
            || missing[1] != 0
        {
            return Err(format!(
                "a link to a report not kept here is not said so: {missing}"
            ));
        }
        self.shots("missing", "root.querySelector('.reader').scrollIntoView();")
            .await?;
        self.text_lang().await
    }

    /// The `lang` of an added report's text is its own: `fr` for the French
    /// passage, `en` for an English one (added here, then removed), in the
    /// search hit and in the reader's headings and paragraphs.
    async fn text_lang(&self) -> Result {
        // The langs of the first hit's text, then of every heading and paragraph
        // of the reader once it opened at that hit.
        const LANGS: &str = "if (ex.state.view !== 'read') {
               const p = root.querySelector('.hits li p');
               const b = root.querySelector('.hits li button.read');
               if (!p || !b || !root.querySelector('.hits li h3').textContent.startsWith(arguments[0])) return null;
               window.hitLang = p.getAttribute('lang');
               b.click();
               return null;
             }
             const r = root.querySelector('.reader');
             if (r?.dataset.state !== 'ready' || !r.querySelector('.para.at')) return null;
             const text = [...r.querySelectorAll('.para, h3[class^=level]')];
             return [window.hitLang, [...new Set(text.map((e) => e.getAttribute('lang')))], r.querySelector('.card-report').textContent];";
        self.open_at("q=ordonnances").await?;
        let fr = self
            .wait(
                "the French passage's hit and reader",
                &LANGS.replace("arguments[0]", "'Passage'"),
            )
            .await?;
        if fr[0] != "fr" || fr[1] != json!(["fr"]) {
            return Err(format!(
                "the French passage's text is not marked lang=fr: {fr}"
            ));
        }
        self.eval(
            "root.querySelector('.add textarea').value = arguments[0];
             root.querySelector('.add input[type=text]').value = 'English passage';
             ex.dataset.adding = '';
             root.querySelector('.add button.read').click();
             return true;",
            vec![json!(ENGLISH_PASSAGE)],
        )
        .await?;
        self.added().await?;
        self.open_at("q=orders").await?;
        let en = self
            .wait(
                "the English passage's hit and reader",
                &LANGS.replace("arguments[0]", "'English passage'"),
            )
            .await?;
        if en[0] != "en" || en[1] != json!(["en"]) || !en[2].to_string().contains("English passage")
        {
            return Err(format!(
                "the English passage's text is not marked lang=en: {en}"
            ));
        }
        // Removed: the checks that follow read one report.
        self.eval(
            "[...root.querySelectorAll('.own')].find((o) => o.querySelector('h3')?.textContent === 'English passage').querySelector('button.remove').click();
             return true;",
            vec![],
        )
        .await?;
        self.wait(
            "the English passage's removal",
            "return keys.length === 1 || null;",
        )
        .await
        .map(|_| ())
    }

    async fn in_russian(&self) -> Result {
        let own = derek::series::own::OwnReport::read("passage", PASSAGE, None, 0)
            .map_err(|e| format!("the passage does not read natively: {e}"))?;
        let lang = derek::i18n::Lang::Ru;
        let expected: Vec<Vec<String>> = derek::present::fact_views(&own.facts, lang)
            .iter()
            .map(|v| {
                vec![
                    v.unit_text.clone(),
                    v.year_source_text.clone(),
                    v.qualifier_text.clone(),
                    v.reference_text.clone(),
                ]
            })
            .collect();
        self.open_at("lang=ru").await?;
        self.eval(
            "const e = [...adder.reports.values()][0]; e.open = true; adder.renderList(); return true;",
            vec![],
        )
        .await?;
        let shown = self
            .wait(
                "the facts table in Russian",
                "const rows = [...root.querySelectorAll('.own .facts tbody tr')];
                 return rows.length ? rows.map((tr) => [2, 4, 5, 7].map((i) => tr.cells[i].textContent)) : null;",
            )
            .await?;
        if shown != json!(expected) {
            return Err(format!(
                "the facts table is not in Russian:\n  page:     {shown}\n  expected: {expected:?}"
            ));
        }
        let head = self
            .eval("return [...root.querySelectorAll('.own .facts select option')].map((o) => o.textContent);", vec![])
            .await?;
        for code in ["count", "approx", "exact", "tenge"] {
            if head.as_array().is_some_and(|a| a.iter().any(|o| o == code)) {
                return Err(format!("a filter shows the code {code}: {head}"));
            }
        }
        // A text too short to be a report is said so in Russian, with nothing in English.
        self.eval(
            "root.querySelector('.add textarea').value = 'Три слова 2024';
             ex.dataset.adding = '';
             root.querySelector('.add button.read').click();
             return true;",
            vec![],
        )
        .await?;
        let state = self
            .wait("the failed read", "const s = ex.dataset.adding; return s === 'done' || s === 'error' ? [s, root.querySelector('.add .error').textContent] : null;")
            .await?;
        let words = state[1].as_str().unwrap_or_default();
        if state[0] != "error"
            || !words.contains("не читается как доклад")
            || words.chars().any(|c| c.is_ascii_alphabetic())
        {
            return Err(format!("the failed read is not said in Russian: {state}"));
        }
        self.shots("failed-ru", "root.querySelector('.add').scrollIntoView();")
            .await?;
        self.eval(
            "const e = [...adder.reports.values()][0]; e.open = true; adder.renderList(); root.querySelector('.own .facts').scrollIntoView(); return true;",
            vec![],
        )
        .await?;
        self.shots(
            "facts-ru",
            "root.querySelector('.own .facts').scrollIntoView();",
        )
        .await?;
        self.open_at("lang=fr").await
    }

    async fn remove_all(&self) -> Result {
        let ids = self
            .eval("return [...adder.reports.values()].flatMap((e) => e.summary.series.map((s) => s.id));", vec![])
            .await?;
        let count = self.eval("return keys.length;", vec![]).await?;
        for _ in 0..count.as_u64().unwrap_or(0) {
            self.eval(
                "root.querySelector('.own button.remove').click(); return true;",
                vec![],
            )
            .await?;
            // Each removal re-renders the list: wait for it before the next click.
            self.wait(
                "the removal",
                "return root.querySelectorAll('.own').length === keys.length || null;",
            )
            .await?;
        }
        let left = self
            .eval("return [keys.length, ex.app.seriesIds().filter((id) => arguments[0].includes(id)).length];", vec![ids])
            .await?;
        if left != json!([0, 0]) {
            return Err(format!("reports or series left after removal: {left}"));
        }
        self.open().await?;
        let left = self
            .eval(
                "return [keys.length, root.querySelectorAll('.own').length];",
                vec![],
            )
            .await?;
        if left != json!([0, 0]) {
            return Err(format!("a removed report came back after a reload: {left}"));
        }
        Ok(())
    }

    async fn embed_bundled_auto(&self) -> Result {
        let id = "auto-cat-c-kaz-3-1";
        self.client
            .goto(&format!("{}/fixtures/embed-auto.html", self.base))
            .await
            .map_err(|e| format!("cannot open the embedding page: {e}"))?;
        let state = poll(
            self.client,
            "the embedded chart",
            "const c = document.querySelector('derek-chart'); const s = c?.dataset.state;
             return s === 'ready' || s === 'error' ? [s, c.shadowRoot.querySelector('canvas')?.getAttribute('aria-label') ?? ''] : null;",
            |v| (!v.is_null()).then(|| Ok(v.clone())),
        )
        .await?;
        if state[0] != "ready" || !state[1].as_str().unwrap_or("").contains("ctions pénales") {
            return Err(format!("{id} does not draw: {state}"));
        }
        Ok(())
    }

    async fn no_request_left(&self) -> Result {
        let origins = self
            .eval("return performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin));", vec![])
            .await?;
        if origins.as_array().is_some_and(|a| !a.is_empty()) {
            return Err(format!("the page asked another origin: {origins}"));
        }
        // Every request the server saw was a GET of one of Derek's own files or a
        // fixture the test itself fetched; none carried the passage's words.
        let log = serve::requests();
        let odd: Vec<&String> = log
            .iter()
            .filter(|r| {
                !r.starts_with("GET /")
                    || r.contains("ordonnances")
                    || r.contains('?')
                    || !(r.contains("/fixtures/")
                        || Path::new(r.split(' ').nth(1).unwrap_or(""))
                            .extension()
                            .is_some()
                        || r.ends_with(" /"))
            })
            .collect();
        if log.is_empty() || !odd.is_empty() {
            return Err(format!("unexpected requests: {odd:?} (of {})", log.len()));
        }
        if !log.iter().any(|r| r.contains("/vendor/pdfjs/pdf.min.mjs"))
            || !log.iter().any(|r| r.contains("/js/worker.js"))
        {
            return Err(format!(
                "pdf.js or the worker were not served by Derek itself: {log:?}"
            ));
        }
        Ok(())
    }
}

/// `cargo xtask bench-pdf`: the five reports printed to one PDF by headless
/// Chromium, dropped on "Add a report"; prints the pages, the time the worker and
/// the page took, the worker's memory, and the longest task on the page's main
/// thread while it read (a frozen page would show it). Figures, not assertions.
pub fn bench_pdf() -> Result {
    let dist = build::dist()?;
    let dir = root().join("target/e2e/own");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let reports = derek::corpus::bundled().map_err(|e| e.to_string())?;
    let mut html = String::from("<!doctype html><meta charset=utf-8><style>pre { font: 14px serif; white-space: pre-wrap; break-after: page; }</style>");
    for r in &reports {
        html.push_str(&format!("<pre>{}</pre>", escape(r.text)));
    }
    std::fs::write(dir.join("five.html"), html)
        .map_err(|e| format!("cannot write five.html: {e}"))?;
    print_pdf(&dir.join("five.html"), &dir.join("five.pdf"))?;
    let size = std::fs::metadata(dir.join("five.pdf"))
        .map(|m| m.len())
        .unwrap_or(0);
    let base = serve::spawn(vec![
        ("/fixtures/".to_string(), dir.clone()),
        ("/".to_string(), dist),
    ])?;
    let downloads = root().join("target/e2e/downloads");
    with_browser(&downloads, async |client| {
        let page = Own {
            tab: Tab::new(client, &base, &dir, PRELUDE),
            expected: &[],
        };
        page.open().await?;
        page.eval("indexedDB.deleteDatabase('derek'); return true;", vec![])
            .await?;
        page.open().await?;
        page.eval(
            "window.__longest = 0;
             new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
             return true;",
            vec![],
        )
        .await?;
        let sampler = RssSampler::start();
        page.eval(DROP, vec![json!("five.pdf"), json!("application/pdf")])
            .await?;
        let start = std::time::Instant::now();
        let result = loop {
            let v = page
                .eval(
                    "const s = ex.dataset.adding;
                     if (s !== 'done' && s !== 'error') return null;
                     const key = keys[keys.length - 1];
                     const summary = key === undefined ? null : adder.reports.get(key).summary;
                     return { state: s, error: root.querySelector('.add .error').textContent, pages: root.querySelector('.add progress').max,
                              read: adder.lastRead, longest: window.__longest, facts: summary?.facts, paragraphs: summary?.paragraphs,
                              series: summary?.series.length, year: summary?.reference_year };",
                    vec![],
                )
                .await?;
            if !v.is_null() {
                break v;
            }
            if start.elapsed() > std::time::Duration::from_secs(600) {
                return Err("the PDF was not read within 10 minutes".into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        };
        if result["state"] != "done" {
            return Err(format!("the PDF could not be read: {result}"));
        }
        // The text pdf.js gave, to compare natively with the reports' own text.
        let text = page
            .eval(
                "return adder.reports.get(keys[keys.length - 1]).record.text;",
                vec![],
            )
            .await?;
        let text_file = dir.join("five-pdf.txt");
        std::fs::write(&text_file, text.as_str().unwrap_or_default())
            .map_err(|e| format!("cannot write {}: {e}", text_file.display()))?;
        println!("bench-pdf: the PDF's text is in {}", text_file.display());
        let ms = |k: &str| result["read"][k].as_f64().unwrap_or(0.0);
        let mb = |k: &str| result["read"][k].as_f64().unwrap_or(0.0) / 1_048_576.0;
        println!(
            "bench-pdf: the five reports printed to one PDF: {} pages, {:.0} KB",
            result["read"]["pages"],
            size as f64 / 1024.0
        );
        println!(
            "bench-pdf: worker (pdf.js text of every page, then Derek's reading): {:.1} s",
            ms("workerMs") / 1000.0
        );
        println!(
            "bench-pdf: page (the text read again into the explorer, series listed): {:.2} s",
            ms("pageMs") / 1000.0
        );
        println!(
            "bench-pdf: worker's wasm linear memory after reading: {:.0} MB",
            mb("wasm")
        );
        let (before, peak) = sampler.stop();
        println!(
            "bench-pdf: Chromium's resident memory (all its processes): {before:.0} MB before the drop, peak {peak:.0} MB while reading (+{:.0} MB)",
            peak - before
        );
        println!(
            "bench-pdf: longest main-thread task while reading: {:.0} ms",
            result["longest"].as_f64().unwrap_or(0.0)
        );
        println!(
            "bench-pdf: read {} paragraphs, {} facts, {} series found automatically, reference year {}",
            result["paragraphs"], result["facts"], result["series"], result["year"]
        );
        Ok(())
    })
}

/// Samples, every 50 ms on a thread, the resident memory of every process this
/// one started (ChromeDriver, Chromium and its renderers and workers): the first
/// sample and the peak, in MB.
struct RssSampler {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<(f64, f64)>,
}

impl RssSampler {
    fn start() -> RssSampler {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let first = descendants_rss_mb();
            let mut peak = first;
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(descendants_rss_mb());
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            (first, peak)
        });
        RssSampler { stop, thread }
    }

    fn stop(self) -> (f64, f64) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().unwrap_or((0.0, 0.0))
    }
}

/// The summed resident memory (MB) of this process's descendants, from /proc.
fn descendants_rss_mb() -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    let mut parent = std::collections::HashMap::new();
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // `pid (name) state ppid …`: the name may hold spaces, so read after ')'.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parent.insert(pid, ppid);
        }
    }
    let me = std::process::id();
    let is_descendant = |mut pid: u32| {
        for _ in 0..64 {
            match parent.get(&pid) {
                Some(&p) if p == me => return true,
                Some(&p) if p > 1 => pid = p,
                _ => return false,
            }
        }
        false
    };
    parent
        .keys()
        .filter(|pid| is_descendant(**pid))
        .map(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/status"))
                .unwrap_or_default()
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| {
                    v.split_whitespace()
                        .next()
                        .and_then(|kb| kb.parse::<f64>().ok())
                })
                .unwrap_or(0.0)
                / 1024.0
        })
        .sum()
}
