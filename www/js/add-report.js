// "Add a report" in the explorer: paste text, or drop or open a .txt, .pdf or
// .docx. Reading happens in a Web Worker (worker.js) with a progress bar; the
// page then adds the text to its own Derek (search of charts and sources), keeps
// it in IndexedDB (store.js), and shows its reference year (editable), its facts
// (filter, CSV, JSON, each figure opening the reader) and its automatic series,
// and the charts of figures the reader ticked (kept with the report, removable).
// Nothing leaves the page.

import { h, download } from "./dom.js";
import { langOf } from "./text.js";
import * as store from "./store.js";

export const ADD_CSS = `
.add { margin-top: 16px; padding: 10px 12px; border: 1px dashed var(--line); border-radius: 8px; }
.add.over { border-color: var(--accent); background: var(--panel); }
.add h2 { font-size: 16px; margin: 0 0 6px; }
.add textarea { width: 100%; min-height: 90px; font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 6px; }
.add .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.add progress { width: 100%; }
.own { margin: 12px 0; padding: 8px 10px; background: var(--panel); border-radius: 8px; }
.own h3 { margin: 0 0 4px; font-size: 14px; }
.own .year input { width: 6em; font: inherit; }
.own .filters input, .own .filters select { font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 2px 6px; }
.own .series button { margin: 2px 4px 2px 0; }
.own .facts-box { max-height: 60vh; overflow: auto; }
.auto-note { color: var(--muted); font-style: italic; margin: 0 0 6px; }
`;

const KINDS = { pdf: "pdf", docx: "docx", txt: "txt", text: "txt" };

// What failed, by the code the worker or the page gives: its key in the tables.
const WHY = {
  empty: "why_empty", tooFewWords: "why_too_few_words", scanned: "why_scanned", encrypted: "why_encrypted", notPdf: "why_not_pdf", notDocx: "why_not_docx",
  binary: "why_binary", noYear: "why_no_year", unknownType: "why_unknown_type", notReport: "why_not_report", failed: "why_failed",
};
// Where a reference year was read (`CoverSource`): its key in the tables.
const COVER = { period_covered: "cover_period_covered", received: "cover_received", distributed: "cover_distributed", dated: "cover_dated" };

export class ReportAdder {
  // `kept`: the reports kept in IndexedDB, when the explorer asked for them already
  // (it does as soon as it exists: opening the store, or creating it on a first
  // visit, took 100-150 ms in headless Chromium).
  constructor(explorer, kept = store.all()) {
    this.explorer = explorer;
    // key (in the wasm) → { record (IndexedDB), summary, open (facts shown) }
    this.reports = new Map();
    this.kept = kept;
    this.kept.catch(() => {});
    // Changes when a report's series change: the reader lays it out again.
    this.version = 0;
  }

  // The added reports, for the reader: `own-N` (N its IndexedDB id) names one in a
  // link for as long as this browser keeps it.
  readable() {
    return [...this.reports.entries()].map(([key, { record, summary }]) => ({
      document: key,
      symbol: record.id !== undefined ? `own-${record.id}` : `own-k${key}`,
      title: summary.name,
      own: true,
    }));
  }

  get t() {
    return this.explorer.t;
  }

  // The reports kept from an earlier visit, read again (once per page).
  restore(app) {
    this.app ??= app;
    this.restoring ??= (async () => {
      let records = [];
      try {
        records = await this.kept;
      } catch (error) {
        console.warn("Derek: this browser keeps no added report", error);
      }
      for (const record of records) {
        try {
          this.adopt(app, record, app.addReport(record.name, record.text, record.referenceYear ?? undefined));
        } catch (error) {
          console.warn(`Derek: the kept report ${record.name} could not be read again`, error);
        }
      }
    })();
    return this.restoring;
  }

  // Holds a report read in the wasm, and charts again the figures the reader
  // ticked in it (kept in its record as lists of fact indices).
  adopt(app, record, summary) {
    record.picked = (record.picked ?? []).filter((indices) => {
      try {
        summary.series.push({ ...app.chartFacts(summary.key, indices), picked: true, indices });
        return true;
      } catch {
        return false;
      }
    });
    this.reports.set(summary.key, { record, summary, open: false });
    this.version++;
    return summary;
  }

  // Keeps a report's record as it is now (its ticked charts).
  async keep(record) {
    try {
      record.id = await store.put(record);
    } catch (error) {
      console.warn("Derek: this browser could not keep the report", error);
    }
  }

  // A series' title in the reader's language (the report's own words, or the
  // tables' "Figures, para. 12" when its figures name no subject).
  title(s) {
    try {
      return this.app?.title(s.id, langOf(this.explorer)) ?? s.title;
    } catch {
      return s.title;
    }
  }

  // The explorer's extra groups: each added report's automatic series.
  groups() {
    return [...this.reports.values()].map(({ summary }) => ({
      title: this.t.fill("auto_group", { name: summary.name }),
      series: summary.series.map((s) => ({ id: s.id, title: this.title(s), kind: "time", points: s.points, reports: [summary.name] })),
    }));
  }

  isAuto(id) {
    return [...this.reports.values()].some(({ summary }) => summary.series.some((s) => s.id === id));
  }

  // What the chart of an added report's series must say: found automatically, or
  // picked by the reader; null for the catalogue's.
  noteFor(id) {
    const series = [...this.reports.values()].flatMap(({ summary }) => summary.series).find((s) => s.id === id);
    return series ? (series.picked ? this.t.picked_note : this.t.auto_note) : null;
  }

  // The "Add a report" section, built once; its list follows the reports.
  section(app) {
    this.app = app;
    if (!this.box) this.build();
    const t = this.t;
    this.heading.textContent = t.add_report;
    this.hint.textContent = t.add_hint;
    this.paste.setAttribute("aria-label", t.paste_here);
    this.paste.placeholder = t.paste_here;
    this.nameInput.placeholder = t.report_name;
    this.nameInput.setAttribute("aria-label", t.report_name);
    this.readButton.textContent = t.read_text;
    this.fileLabel.firstChild.textContent = t.open_file + " ";
    this.renderList();
    return this.box;
  }

  focus() {
    this.box?.scrollIntoView({ block: "start" });
    this.paste?.focus({ preventScroll: true });
  }

  build() {
    this.heading = h("h2");
    this.hint = h("p", { className: "count" });
    // A paste may be in any language: the box claims none of its own.
    this.paste = h("textarea");
    this.nameInput = h("input", { type: "text" });
    this.readButton = h("button", { className: "read" });
    this.readButton.addEventListener("click", () => {
      const text = this.paste.value;
      const name = this.nameInput.value.trim() || text.trim().split(/\s+/).slice(0, 6).join(" ").slice(0, 60) || "texte";
      this.read({ text, name });
    });
    this.fileInput = h("input", { type: "file", accept: ".txt,.pdf,.docx,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    this.fileInput.addEventListener("change", () => this.fileInput.files[0] && this.readFile(this.fileInput.files[0]));
    this.fileLabel = h("label", {}, document.createTextNode(""), this.fileInput);
    this.progress = h("progress", { max: 1, value: 0, hidden: true });
    this.status = h("p", { className: "status", "aria-live": "polite" });
    this.error = h("p", { className: "error", role: "alert" });
    this.list = h("div", { className: "own-list" });
    this.box = h("section", { className: "add" }, this.heading, this.hint, this.paste, h("div", { className: "row" }, this.nameInput, this.readButton, this.fileLabel), this.progress, this.status, this.error, this.list);
    // Drop a file anywhere on the section.
    this.box.addEventListener("dragover", (e) => {
      e.preventDefault();
      this.box.classList.add("over");
    });
    this.box.addEventListener("dragleave", () => this.box.classList.remove("over"));
    this.box.addEventListener("drop", (e) => {
      e.preventDefault();
      this.box.classList.remove("over");
      const file = e.dataTransfer?.files?.[0];
      if (file) this.readFile(file);
    });
  }

  async readFile(file) {
    const extension = file.name.split(".").pop().toLowerCase();
    const kind = KINDS[extension] ?? (file.type === "application/pdf" ? "pdf" : file.type.startsWith("text/") ? "txt" : null);
    if (!kind) {
      this.fail("unknownType");
      return;
    }
    this.read({ file: await file.arrayBuffer(), kind, name: file.name });
  }

  // Reads in the worker, then adds to the page's Derek and keeps it.
  read(job, referenceYear = null) {
    const t = this.t;
    this.error.textContent = "";
    if (job.text !== undefined && !job.text.trim()) {
      this.fail("empty");
      return Promise.resolve();
    }
    this.worker ??= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.progress.hidden = false;
    this.progress.removeAttribute("value");
    this.status.textContent = t.reading;
    this.explorer.dataset.adding = "busy";
    const started = performance.now();
    return new Promise((resolve) => {
      this.worker.onmessage = async ({ data }) => {
        // Only Derek's messages: pdf.js, in the worker, posts its own.
        if (!data?.derek) return;
        if (data.progress) {
          const { stage, done, total } = data.progress;
          this.progress.max = total;
          this.progress.value = done;
          this.status.textContent = stage === "pages" ? t.fill("reading_page", { n: t.number(done), total: t.number(total) }) : t.reading;
          if (stage === "pages") this.pages = total;
          return;
        }
        this.progress.hidden = true;
        if (data.error) {
          this.fail(data.error);
        } else {
          const read = performance.now();
          await this.add(job.name, data.done.text, referenceYear);
          // How long the worker and the page took, and the worker's memory: measured
          // by `cargo xtask bench-pdf`.
          this.lastRead = { workerMs: read - started, pageMs: performance.now() - read, pages: this.pages ?? 0, ...data.done.memory };
        }
        this.explorer.dataset.adding = data.error ? "error" : "done";
        resolve();
      };
      this.worker.onerror = (e) => {
        this.progress.hidden = true;
        this.fail("failed:" + (e.message || "worker"));
        this.explorer.dataset.adding = "error";
        resolve();
      };
      this.worker.postMessage({ derek: true, ...job, referenceYear }, job.file ? [job.file] : []);
    });
  }

  async add(name, text, referenceYear, keep = null) {
    let summary;
    try {
      summary = this.app.addReport(name, text, referenceYear ?? undefined);
    } catch (error) {
      this.fail(error?.code ? `${error.code}:${error.n ?? ""}` : "notReport:" + (error?.message ?? error));
      return;
    }
    const record = keep ?? { name, text, referenceYear, picked: [] };
    record.referenceYear = referenceYear;
    this.adopt(this.app, record, summary);
    await this.keep(record);
    this.paste.value = "";
    this.nameInput.value = "";
    const t = this.t;
    this.status.textContent = t.fill("added", { facts: t.count("added_facts", summary.facts), series: t.count("added_series", summary.series.length) });
    const first = summary.series[0];
    if (first) this.explorer.choose(first.id);
    else this.explorer.render();
  }

  // A chart of a series that is about to go shows another first: it never
  // draws a series the wasm no longer has.
  leave(key) {
    const entry = this.reports.get(key);
    const ex = this.explorer;
    if (entry?.summary.series.some((s) => s.id === ex.state.series)) {
      ex.state.series = this.app.seriesIds().find((id) => !this.isAuto(id)) ?? "";
      ex.state.point = "";
      ex.chart?.setAttribute("series", ex.state.series);
    }
  }

  async removeReport(key) {
    const entry = this.reports.get(key);
    this.leave(key);
    this.app.removeReport(key);
    this.reports.delete(key);
    this.version++;
    if (entry?.record.id !== undefined) await store.remove(entry.record.id);
    this.explorer.render();
  }

  async changeYear(key, year) {
    const entry = this.reports.get(key);
    if (!entry) return;
    this.leave(key);
    this.app.removeReport(key);
    this.reports.delete(key);
    await this.add(entry.record.name, entry.record.text, year, entry.record);
  }

  // Removes a chart of ticked figures, from the page and from what is kept.
  async removeChart(key, id) {
    const entry = this.reports.get(key);
    const series = entry?.summary.series.find((s) => s.id === id && s.picked);
    if (!series) return;
    const ex = this.explorer;
    if (ex.state.series === id) {
      ex.state.series = this.app.seriesIds().find((s) => s !== id) ?? "";
      ex.state.point = "";
    }
    this.app.removeChart(id);
    entry.summary.series = entry.summary.series.filter((s) => s !== series);
    entry.record.picked = entry.record.picked.filter((indices) => indices !== series.indices);
    this.version++;
    await this.keep(entry.record);
    ex.render();
  }

  // Says what failed in the reader's language. `code` is "kind" or "kind:detail":
  // a count for tooFewWords; for an unforeseen failure (a library's own message,
  // in English) the detail is given as such, after the reader's words.
  fail(code) {
    const t = this.t;
    const [kind, ...rest] = String(code).split(":");
    const detail = rest.join(":");
    this.status.textContent = "";
    if (kind === "tooFewWords") this.error.textContent = t.count(WHY.tooFewWords, Number(detail) || 0);
    else if (WHY[kind] && kind !== "failed" && kind !== "notReport") this.error.textContent = t[WHY[kind]];
    else this.error.textContent = t[WHY[kind] ?? WHY.failed] + (detail ? ` (${t.fill("why_detail", { detail })})` : ".");
  }

  renderList() {
    this.list.replaceChildren(...[...this.reports.entries()].map(([key, entry]) => this.reportView(key, entry)));
  }

  reportView(key, entry) {
    const t = this.t;
    const { summary } = entry;
    const origin = summary.year_origin;
    const where =
      origin.from === "cover"
        ? t.fill("year_from", { source: COVER[origin.source] ? t[COVER[origin.source]] : origin.source, line: origin.line, text: origin.text })
        : origin.from === "given" ? t.year_given : t.year_unknown;
    const yearInput = h("input", { type: "number", min: 1900, max: 2100, value: summary.reference_year ?? "", "aria-label": t.reference_year });
    const apply = h("button", { textContent: t.apply });
    apply.addEventListener("click", () => {
      const year = Number(yearInput.value);
      this.changeYear(key, Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : null);
    });
    const remove = h("button", { textContent: t.remove_report, className: "remove" });
    remove.addEventListener("click", () => this.removeReport(key));
    const seriesButtons = summary.series.flatMap((s) => {
      const b = h("button", { textContent: `${this.title(s)} (${t.number(s.points)})`, "data-series": s.id });
      b.addEventListener("click", () => this.explorer.choose(s.id));
      if (!s.picked) return [b];
      // A chart of ticked figures can be removed.
      const remove = h("button", { className: "remove-chart", textContent: "×", "aria-label": t.fill("remove_chart", { title: this.title(s) }), "data-series": s.id });
      remove.addEventListener("click", () => this.removeChart(key, s.id));
      return [b, remove];
    });
    const toggle = h("button", { textContent: t.count("show_facts", summary.facts), "aria-expanded": String(entry.open) });
    toggle.addEventListener("click", () => {
      entry.open = !entry.open;
      this.renderList();
    });
    const view = h(
      "article",
      { className: "own", "data-key": String(key) },
      h("h3", { textContent: summary.name }),
      h("p", { className: "year" }, h("label", {}, `${t.reference_year} `, yearInput), " ", apply, " ", h("small", { textContent: where })),
      h("p", { className: "count", textContent: t.fill("own_counts", { paragraphs: t.count("own_paragraphs", summary.paragraphs), facts: t.count("own_facts", summary.facts), dated: t.count("own_dated", summary.dated) }) }),
      h("div", { className: "series" }, h("span", { textContent: `${t.auto_found} ` }), ...(seriesButtons.length ? seriesButtons : [t.no_auto])),
      h("div", { className: "row" }, toggle, remove),
    );
    if (entry.open) view.append(this.factsTable(key));
    return view;
  }

  // A figure in the facts table: opens the reader at its paragraph, the figure marked.
  figureButton(key, row) {
    const b = h("button", { className: "fig-read", textContent: row.verbatim, "aria-label": this.t.fill("read_figure", { figure: row.verbatim }), "data-figure": String(row.i) });
    b.addEventListener("click", () => this.explorer.read({ document: key, paragraph: row.paragraph, figure: row.i }));
    return b;
  }

  // The report's facts, filtered by words, unit, year and qualifier, with downloads.
  factsTable(key) {
    const t = this.t;
    // Each row has its codes (filters, downloads) and their words in the reader's language.
    const rows = this.app.reportFacts(key, this.t.lang).map((r, i) => ({ ...r, i }));
    // Subjects and sentences are the report's words, in the language guessed from
    // its text ("" when it could not be told: unknown, not French).
    const textLang = this.reports.get(key)?.summary.lang ?? "";
    const words = h("input", { type: "search", placeholder: t.filter_facts, "aria-label": t.filter_facts });
    // A filter: its options are the codes, each shown in words.
    const choice = (label, values) => {
      const words = new Map(values.filter(([v]) => v !== ""));
      return h("select", { "aria-label": label }, h("option", { value: "", textContent: label }), ...[...words.keys()].sort().map((v) => h("option", { value: v, textContent: words.get(v) })));
    };
    const unit = choice(t.facts_unit, rows.map((r) => [r.unit, r.unit_text]));
    const year = choice(t.facts_year, rows.map((r) => [r.year, r.year]));
    const qualifier = choice(t.facts_qualifier, rows.map((r) => [r.qualifier, r.qualifier_text]));
    const body = h("tbody");
    const count = h("span", { className: "count" });
    const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const show = () => {
      const q = fold(words.value.trim());
      const kept = rows.filter((r) => (!q || fold(`${r.subject} ${r.sentence} ${r.verbatim}`).includes(q)) && (!unit.value || r.unit === unit.value) && (!year.value || r.year === year.value) && (!qualifier.value || r.qualifier === qualifier.value));
      count.textContent = t.fill("shown", { n: t.number(kept.length), total: t.number(rows.length) });
      body.replaceChildren(
        ...kept.slice(0, 500).map((r) =>
          h("tr", {}, h("td", {}, h("input", { type: "checkbox", "data-i": String(r.i), "aria-label": t.fill("tick", { figure: r.verbatim }) })), h("td", {}, this.figureButton(key, r)), h("td", { textContent: r.unit_text }), h("td", { textContent: r.year }), h("td", { textContent: r.year_source_text }), h("td", { textContent: r.qualifier_text }), h("td", { textContent: r.subject, lang: textLang }), h("td", { textContent: r.reference_text }), h("td", { className: "text", textContent: r.sentence, lang: textLang })),
        ),
      );
    };
    for (const el of [words, unit, year, qualifier]) el.addEventListener("input", show);
    const csv = h("button", { textContent: "CSV" });
    csv.addEventListener("click", () => download(`${this.reports.get(key)?.summary.name ?? "report"}.csv`, "text/csv", this.app.reportCsv(key)));
    const json = h("button", { textContent: "JSON" });
    json.addEventListener("click", () => download(`${this.reports.get(key)?.summary.name ?? "report"}.json`, "application/json", this.app.reportJson(key)));
    // Tick figures, then chart them as a series of the reader's own.
    const chartTicked = h("button", { textContent: t.chart_ticked, className: "chart-ticked" });
    chartTicked.addEventListener("click", () => {
      const ticked = [...body.querySelectorAll("input:checked")].map((c) => Number(c.dataset.i));
      const entry = this.reports.get(key);
      if (!entry) return;
      let series;
      try {
        series = this.app.chartFacts(key, ticked);
      } catch {
        this.error.textContent = t[WHY.noYear];
        return;
      }
      // Kept with the report: the chart comes back on the next visit.
      entry.summary.series.push({ ...series, picked: true, indices: ticked });
      entry.record.picked = [...(entry.record.picked ?? []), ticked];
      this.version++;
      this.keep(entry.record);
      this.explorer.choose(series.id);
    });
    show();
    const columns = [t.facts_figure, t.facts_unit, t.facts_year, t.facts_year_source, t.facts_qualifier, t.facts_subject, t.facts_paragraph, t.facts_sentence];
    const head = h("tr", {}, h("th", { scope: "col", textContent: "✓" }), ...columns.map((c) => h("th", { scope: "col", textContent: c })));
    // The filters stay in view; the table scrolls in its own box.
    return h("div", { className: "facts" }, h("div", { className: "row filters" }, words, unit, year, qualifier, count, csv, json, chartTicked), h("div", { className: "facts-box" }, h("table", {}, h("thead", {}, head), body)));
  }
}

