// <derek-explorer lang="fr|en|ru|kk" theme="light|dark|auto">: every series by theme
// or report, a chart or table of the chosen one, a reader for any report, and search
// across the reports. Its view lives in the URL, and every change of view is a step
// of the browser's history: Back and Forward walk the reader's own steps. Skip links
// lead to the chart, the series list and search; on a phone the chart comes first,
// with a compact series picker above it. Every control has a data-key, so that
// focus stays on it when the view is redrawn.

import { derek, started } from "./load.js";
import { LANGS, langCode, langOf, themeOf, text } from "./text.js";
import { h, sheet, copyLink, BASE_CSS } from "./dom.js";
import * as store from "./store.js";

// Search, the reader and "Add a report" are imported when an explorer first renders,
// not with the elements: the element modules then arrive a level sooner, and with
// them the loader that starts the wasm. They load while the wasm starts up (a
// hundred milliseconds and more), so they are there when the explorer first draws.
let panels = null;
function loadPanels() {
  panels ??= Promise.all([import("./search.js"), import("./reader.js"), import("./add-report.js")]);
  return panels;
}

const EXPLORER_CSS = `
.root { padding: 12px; position: relative; }
.skip { position: absolute; left: 12px; top: 4px; z-index: 5; display: flex; flex-direction: column; gap: 4px; }
.skip a { position: absolute; left: -10000px; background: var(--bg); color: var(--accent); padding: 6px 10px;
  border: 2px solid var(--accent); border-radius: 6px; white-space: nowrap; }
.skip a:focus { position: static; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; justify-content: space-between; margin-bottom: 8px; }
header h1 { margin: 0; font-size: 20px; }
.tools { display: flex; gap: 6px; flex-wrap: wrap; }
button[aria-pressed="true"], button[aria-selected="true"] { background: var(--accent); color: var(--bg); border-color: var(--accent); }
.layout { display: grid; grid-template-columns: minmax(200px, 280px) minmax(0, 1fr); grid-template-areas: "nav main"; gap: 16px; }
.layout > main { grid-area: main; min-width: 0; }
.layout > nav { grid-area: nav; }
.picker { display: none; }
.picker select { width: 100%; font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 6px 8px; }
nav select { margin: 6px 0 0; font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 3px 6px; }
nav input, .search input { width: 100%; padding: 6px 8px; font: inherit; color: var(--ink); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px; }
nav { max-height: 70vh; overflow: auto; }
/* On a phone the chart comes first, under a compact picker; the list follows. */
@media (max-width: 720px) {
  .layout { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main" "nav"; }
  nav { max-height: none; }
  .picker { display: block; margin-bottom: 6px; }
  header h1 { font-size: 18px; }
  /* The chart menu has Copy link too: the header keeps to one line. */
  .copy-link { display: none; }
  .tabs { gap: 4px; }
  .tabs button { padding: 4px 7px; }
  .go-add { display: none; }
}
.table-box { max-width: 100%; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
.table-box:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.search .hint { color: var(--muted); margin: 4px 0; }
.offers button { margin: 2px 4px 2px 0; }
nav h2 { font-size: 13px; color: var(--muted); margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .03em; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li button { width: 100%; text-align: left; border: 0; margin: 1px 0; }
nav li small { color: var(--muted); }
.root:not(.dark) nav li button[aria-pressed="true"] small, .root.dark nav li button[aria-pressed="true"] small { color: inherit; }
.tabs { display: flex; gap: 6px; margin-bottom: 6px; }
.tabs .tabs { margin-bottom: 0; }
table { border-collapse: collapse; width: 100%; min-width: 560px; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th button { border: 0; padding: 0; font-weight: 700; }
td.text { color: var(--muted); max-width: 40ch; }
tbody tr { cursor: pointer; }
tbody tr:hover, tbody tr:focus { background: var(--panel); }
.copied { color: var(--muted); font-size: 12px; word-break: break-all; margin: 0 0 6px; }
[hidden] { display: none !important; }
`;

// The state's defaults: a key at its default is left out of the URL.
const DEFAULTS = { series: "", view: "chart", q: "", point: "", axis: "zero", group: "theme", sort: "", read: "", at: "", fig: "" };

export class DerekExplorer extends HTMLElement {
  static observedAttributes = ["lang", "theme"];

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [sheet(BASE_CSS), sheet(EXPLORER_CSS)];
    // The reports a reader added on an earlier visit, and the panels' modules (see
    // loadPanels), asked for as soon as the element exists. `cargo xtask bench`
    // prints when each arrived (derek-kept, derek-panels) beside the wasm's marks.
    const kept = store.all();
    kept.then(() => performance.mark("derek-kept"), () => {});
    this.panels = loadPanels().then(([search, reader, add]) => {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(search.SEARCH_CSS), sheet(reader.READER_CSS), sheet(add.ADD_CSS)];
      this.adder = new add.ReportAdder(this, kept);
      performance.mark("derek-panels");
      return { SearchPanel: search.SearchPanel, ReaderPanel: reader.ReaderPanel };
    });
    this.panels.catch(() => {});
    this.root = h("div", { className: "root" });
    shadow.append(this.root);
    this.state = { ...DEFAULTS };
    // Back and Forward (popstate), or a hash edited by hand (hashchange): the view
    // follows the URL.
    const follow = () => this.fromHash() && this.render();
    window.addEventListener("popstate", follow);
    window.addEventListener("hashchange", follow);
  }

  connectedCallback() {
    this.fromHash();
    this.wired = true;
    this.render();
  }

  // Changes the view: a new step of history (a query being typed replaces its own
  // step, so that Back does not walk through it letter by letter), then redraws.
  go(changes, { typing = false } = {}) {
    if ("series" in changes && changes.series !== this.state.series && !("point" in changes)) changes.point = "";
    Object.assign(this.state, changes);
    const url = `#${this.hashParams()}`;
    if (url !== location.hash) {
      if (typing && this.typing) history.replaceState(null, "", url);
      else history.pushState(null, "", url);
    }
    this.typing = typing;
    return this.render();
  }
  attributeChangedCallback(name, before, after) {
    // Not before connectedCallback has read the URL: an element upgraded in the
    // page gets its attributes first (its first chart would be the default one).
    if (before !== after && this.wired && !this.syncing) this.render();
  }

  get t() {
    return text(langOf(this));
  }

  // The view lives in the URL hash: reloading or sharing the link reopens it.
  fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const before = JSON.stringify(this.state) + this.getAttribute("lang") + this.getAttribute("theme");
    const view = params.get("view");
    this.state = {
      series: params.get("series") || this.state.series,
      view: view === "table" || view === "read" ? view : "chart",
      q: params.get("q") || "",
      point: params.get("point") || "",
      axis: params.get("axis") === "fit" ? "fit" : "zero",
      group: params.get("group") === "report" ? "report" : "theme",
      sort: /^\d+[ad]$/.test(params.get("sort") ?? "") ? params.get("sort") : "",
      read: params.get("read") || "",
      at: params.get("at") || "",
      fig: /^\d+$/.test(params.get("fig") ?? "") ? params.get("fig") : "",
    };
    this.syncing = true;
    if (params.get("lang")) this.setAttribute("lang", langCode(params.get("lang")));
    if (params.get("theme")) this.setAttribute("theme", ["dark", "light", "auto"].includes(params.get("theme")) ? params.get("theme") : "light");
    this.syncing = false;
    return before !== JSON.stringify(this.state) + this.getAttribute("lang") + this.getAttribute("theme");
  }
  // The view as URL parameters: series and language always, the rest when not at
  // its default (theme when chosen).
  hashParams() {
    const params = new URLSearchParams();
    params.set("series", this.state.series);
    params.set("lang", langOf(this));
    for (const [key, value] of Object.entries(this.state)) if (key !== "series" && value !== DEFAULTS[key]) params.set(key, value);
    const theme = this.getAttribute("theme");
    if (theme === "dark" || theme === "light") params.set("theme", theme);
    return params;
  }
  // Keeps the current step of history in line with the view (no new step).
  toHash() {
    const url = `#${this.hashParams()}`;
    if (url !== location.hash) history.replaceState(null, "", url);
  }
  // The table's sort: column and direction (1 ascending, -1 descending).
  get sort() {
    const m = /^(\d+)([ad])$/.exec(this.state.sort);
    return m ? { column: Number(m[1]), dir: m[2] === "a" ? 1 : -1 } : { column: 0, dir: 1 };
  }

  async render() {
    const t = this.t;
    const lang = langOf(this);
    const theme = themeOf(this);
    this.root.classList.toggle("dark", theme === "dark");
    let app, SearchPanel, ReaderPanel;
    // Until every report is read: the header and the chart, drawn from a glance at
    // its series (see chart.js), the list's place held.
    if (!started() && !this.app) this.shell();
    try {
      app = await derek();
      ({ SearchPanel, ReaderPanel } = await this.panels);
    } catch (error) {
      this.root.replaceChildren(h("p", { className: "error", textContent: t.failed + (error?.message ?? error) }));
      this.dataset.state = "error";
      console.error(error);
      return;
    }
    this.app = app;
    // The kept reports are read again once; the first chart waits for them only
    // when the view names a series that is not the catalogue's or an added report:
    // otherwise the explorer draws at once and again when they are in.
    const restoring = this.adder.restore(app);
    this.restored ??= restoring.then(() => this.adder.reports.size && this.render());
    // Likewise a permalink into an added report: otherwise its note "not kept in
    // this browser" would show until they are in. Every render waits (renders
    // overlap while the wasm starts: one that did not would fall back to the
    // catalogue's first series).
    const named = (this.state.series && !app.hasSeries(this.state.series)) || this.state.read.startsWith("own-");
    if (named) await restoring;
    // The first render's main-thread time is a "derek-explorer" measure (`cargo xtask
    // bench`), after the added reports are read again (IndexedDB waits, not work).
    const began = performance.now();
    // The catalogue's themes, then each added report's series found automatically.
    const themes = [...app.catalogue(lang), ...this.adder.groups()];
    const all = themes.flatMap((th) => th.series);
    if (!all.some((s) => s.id === this.state.series)) this.state.series = all[0]?.id ?? "";

    // Focus survives the redraw: the control that had it gets it back.
    const focused = this.shadowRoot.activeElement?.closest?.("[data-key]")?.dataset.key;

    const languages = this.languages();
        // "Add a report" sits below the search; this button brings it into view.
    // Not on a phone, where the header must keep to one line above the chart (the
    // section itself follows search there too).
    const add = h("button", { className: "go-add", "data-key": "go-add", textContent: `+ ${t.add_report}` });
    add.addEventListener("click", () => this.adder.focus());
    const header = h("header", {}, h("h1", { textContent: "Derek" }), h("div", { className: "tools" }, add, languages));

    // Skip links: to the chart, the series list and search (they show on focus).
    const skip = (label, key, target) => {
      const a = h("a", { href: "#", textContent: label, "data-key": key });
      a.addEventListener("click", (event) => {
        event.preventDefault();
        target()?.focus();
      });
      return a;
    };
    const skips = h("div", { className: "skip" },
      skip(t.skip_chart, "skip-chart", () => (this.state.view === "table" ? this.root.querySelector(".table-box") : this.chart.canvas)),
      skip(t.skip_series, "skip-series", () => this.root.querySelector("nav input")),
      skip(t.skip_search, "skip-search", () => this.searchBox.input));

    // The series list, grouped by theme, filtered as one types.
    const filter = h("input", { type: "search", placeholder: t.filter, "aria-label": t.filter, "data-key": "filter" });
    const groupBy = h("select", { "aria-label": t.group_by, "data-key": "group" }, h("option", { value: "theme", textContent: `${t.group_by} ${t.by_theme}` }), h("option", { value: "report", textContent: `${t.group_by} ${t.by_report}` }));
    groupBy.value = this.state.group;
    groupBy.addEventListener("change", () => this.go({ group: groupBy.value }));
    // Grouped by theme, or by the report that states the figures.
    const grouping = this.state.group === "report"
      ? [...new Set(all.flatMap((s) => s.reports))].sort().map((report) => ({ title: report, series: all.filter((s) => s.reports.includes(report)), theme: "" }))
      : themes.map((th) => ({ title: th.title, series: th.series, theme: th.title }));
    const groups = grouping.map((group) => {
      const items = group.series.map((s) => {
        const b = h("button", { "aria-pressed": String(s.id === this.state.series), "data-series": s.id, "data-key": `series-${s.id}` }, s.title, " ", h("small", { textContent: `(${t.number(s.points)})` }));
        b.addEventListener("click", () => this.choose(s.id));
        return h("li", { "data-text": `${s.title} ${group.title} ${s.reports.join(" ")}`.toLowerCase() }, b);
      });
      return h("section", {}, h("h2", { textContent: group.title }), h("ul", {}, ...items));
    });
    const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    filter.addEventListener("input", () => {
      const q = fold(filter.value);
      for (const li of this.root.querySelectorAll("nav li")) li.hidden = !fold(li.dataset.text).includes(q);
    });
    const nav = h("nav", { "aria-label": t.series }, filter, groupBy, ...groups);

    // On a phone: the same choice as a compact control above the chart.
    const pick = h("select", { "aria-label": t.pick_series, "data-key": "pick" },
      ...themes.map((th) => h("optgroup", { label: th.title }, ...th.series.map((s) => h("option", { value: s.id, textContent: s.title, selected: s.id === this.state.series })))));
    pick.addEventListener("change", () => this.choose(pick.value));
    const picker = h("div", { className: "picker" }, pick);

    // Chart and table of the chosen series.
    this.placeChart();
    this.chart.setAttribute("series", this.state.series);
    this.chart.hidden = this.state.view !== "chart";
    const table = this.state.view === "table" ? this.table() : null;

    // Any report, read whole.
    this.reader ??= new ReaderPanel(this);
    this.reader.section.hidden = this.state.view !== "read";
    if (this.state.view === "read") this.reader.update();

    // Search across every report.
    this.searchBox ??= new SearchPanel(this);
    this.searchBox.update();

    const note = this.adder.noteFor(this.state.series);
    const autoNote = note ? h("p", { className: "auto-note", textContent: note }) : null;
    const main = h("main", {}, picker, this.tabs(), autoNote, this.copied, this.chart, this.reader.section);
    if (table) main.append(table);
    main.append(this.searchBox.section, this.adder.section(app));
    this.root.replaceChildren(skips, header, h("div", { className: "layout" }, main, nav));
    if (focused) this.root.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    if (this.state.point !== "" && this.chart.dataset.state === "ready") this.reselect();
    this.toHash();
    this.dataset.state = "ready";
    // The page around may follow the language (its title, <html lang>, intro).
    this.dispatchEvent(new CustomEvent("derek-view", { detail: { lang, theme, series: this.state.series }, bubbles: true }));
    if (!performance.getEntriesByName("derek-explorer").length) performance.measure("derek-explorer", { start: began });
  }

  // What shows before every report is read (see render): the header's tools, the
  // tabs and the chart, with the series list's place held by a status line. Built
  // again by each render meanwhile (a language, tab or link followed); the first
  // full render replaces it and keeps the chart.
  shell() {
    if (this.root.firstChild && this.dataset.state !== "loading") return;
    const began = performance.now();
    const t = this.t;
    this.root.classList.toggle("dark", themeOf(this) === "dark");
    // A series found in the reports (auto-…) or of ticked figures (picked-…) may be
    // an added report's, known once the kept reports are read again: its chart
    // waits for the full render (drawn now, it would say the series is unknown).
    const found = /^(auto|picked)-/.test(this.state.series);
    this.placeChart();
    if (this.state.series && !found) this.chart.setAttribute("series", this.state.series);
    this.chart.hidden = this.state.view !== "chart" || found;
    const picker = h("div", { className: "picker" }, h("select", { "aria-label": t.pick_series, disabled: true }, h("option", { textContent: t.reading })));
    const nav = h("nav", { "aria-label": t.series, "aria-busy": "true" }, h("p", { role: "status", textContent: t.reading }));
    const header = h("header", {}, h("h1", { textContent: "Derek" }), h("div", { className: "tools" }, this.languages()));
    const chart = found ? h("p", { role: "status", textContent: t.reading }) : this.chart;
    this.root.replaceChildren(header, h("div", { className: "layout" }, h("main", {}, picker, this.tabs(), this.copied, chart), nav));
    this.dataset.state = "loading";
    // The page around follows the language at once (its title, <html lang>, intro).
    this.dispatchEvent(new CustomEvent("derek-view", { detail: { lang: langOf(this), theme: themeOf(this), series: this.state.series }, bubbles: true }));
    performance.measure("derek-shell", { start: began });
  }

  // The explorer's chart, made once, set to the view's language, theme and axis.
  placeChart() {
    this.chart ??= this.makeChart();
    this.chart.setAttribute("lang", langOf(this));
    this.chart.setAttribute("theme", themeOf(this));
    this.chart.setAttribute("axis", this.state.axis);
  }

  // The header's tools: copy link, the languages, the dark theme.
  languages() {
    const t = this.t;
    const lang = langOf(this);
    const theme = themeOf(this);
    const langButton = (code) => {
      const b = h("button", { textContent: code.toUpperCase(), lang: code, "aria-label": text(code).lang_name, "aria-pressed": String(lang === code), "data-key": `lang-${code}` });
      b.addEventListener("click", () => this.attribute("lang", code));
      return b;
    };
    const dark = h("button", { textContent: "◐", "aria-label": t.dark, "aria-pressed": String(theme === "dark"), "data-key": "dark" });
    dark.addEventListener("click", () => this.attribute("theme", theme === "dark" ? "light" : "dark"));
    const link = h("button", { className: "copy-link", textContent: t.copy_link, "data-key": "copy-link" });
    this.copied ??= h("p", { className: "copied", role: "status", hidden: true });
    link.addEventListener("click", () => copyLink(location.href, this.copied, t));
    return h("div", { className: "tools", role: "group", "aria-label": t.languages }, link, ...LANGS.map(langButton), dark);
  }

  // The chart, table and reader tabs, and the axis button beside them.
  tabs() {
    const t = this.t;
    const axis = h("button", { textContent: t.axis, "aria-pressed": String(this.state.axis === "zero"), "data-key": "axis" });
    axis.addEventListener("click", () => this.go({ axis: this.state.axis === "fit" ? "zero" : "fit" }));
    axis.hidden = this.state.view === "read";
    const tab = (view, label) => {
      const b = h("button", { role: "tab", textContent: label, "aria-selected": String(this.state.view === view), "data-key": `tab-${view}` });
      b.addEventListener("click", () => this.go({ view }));
      return b;
    };
    return h("div", { className: "tabs" }, h("div", { role: "tablist", className: "tabs" }, tab("chart", t.chart), tab("table", t.table), tab("read", t.read)), axis);
  }

  // Sets the language or theme, as a step of history.
  attribute(name, value) {
    this.syncing = true;
    this.setAttribute(name, value);
    this.syncing = false;
    this.go({});
  }

  makeChart() {
    const chart = document.createElement("derek-chart");
    chart.addEventListener("derek-select", (event) => {
      // A point reopened from the URL is no new step.
      if (String(event.detail.point) !== this.state.point) {
        this.state.point = String(event.detail.point);
        history.pushState(null, "", `#${this.hashParams()}`);
        this.typing = false;
      }
    });
    chart.addEventListener("derek-drawn", () => this.reselect());
    // The chart's "Read in the report" opens the reader here.
    chart.addEventListener("derek-read", (event) => {
      event.preventDefault();
      this.read(event.detail);
    });
    // The chart's "Copy link" copies this view.
    chart.link = () => location.href;
    return chart;
  }

  // Every report the reader opens: the bundled ones, then the ones added in this
  // browser ({document, symbol, title, own}; an added one's symbol is its
  // permalink name, `own-N`).
  reports(lang = langOf(this)) {
    return [...this.app.reports(lang), ...this.adder.readable()];
  }

  // Opens the reader at a place: {document, paragraph, figure}.
  read(place) {
    const report = this.reports().find((r) => r.document === place.document);
    if (!report) return;
    this.go({ view: "read", read: report.symbol, at: place.paragraph, fig: place.figure == null ? "" : String(place.figure) });
  }

  // Reopens the point named in the URL once its chart is drawn.
  reselect() {
    const point = Number(this.state.point);
    if (this.state.point === "" || !Number.isInteger(point) || this.chart.dataset.point === String(point) && !this.chart.panel.hidden) return;
    this.chart.select(point);
  }

  choose(id) {
    this.go({ series: id, point: "" });
  }

  table() {
    const t = this.t;
    const data = this.app.table(this.state.series, langOf(this));
    const { column, dir } = this.sort;
    const rows = data.rows.slice().sort((a, b) => {
      const x = a.cells[column].sort;
      const y = b.cells[column].sort;
      return dir * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), langOf(this)));
    });
    const head = data.columns.map((name, i) => {
      const b = h("button", { textContent: name + (i === column ? (dir > 0 ? " ▲" : " ▼") : ""), "data-key": `sort-${i}` });
      b.addEventListener("click", () => this.go({ sort: `${i}${i === column && dir > 0 ? "d" : "a"}` }));
      return h("th", { scope: "col", "aria-sort": i === column ? (dir > 0 ? "ascending" : "descending") : "none" }, b);
    });
    const body = rows.map((row) => {
      const tr = h("tr", { tabIndex: 0, "data-point": String(row.point) }, ...row.cells.map((c, i) => h("td", { className: i === 5 ? "text" : "", textContent: c.text, lang: i === 5 ? data.quote_lang : langOf(this) })));
      // The row opens its point on the chart (a step of history); focus goes to the
      // chart, whose source panel gives it back to the canvas when closed, and
      // whose "Read in the report" opens the reader at the figure.
      const open = async () => {
        await this.go({ view: "chart", point: String(row.point) });
        this.chart.canvas.focus();
      };
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", (e) => e.key === "Enter" && open());
      return tr;
    });
    const caption = `${this.app.title(this.state.series, langOf(this))} — ${t.table}`;
    // Wide tables scroll inside their own box, never the page.
    return h("div", { className: "table-box", tabIndex: 0, role: "region", "aria-label": caption, "data-key": "table" },
      h("table", {}, h("caption", { className: "visually-hidden", textContent: caption }), h("thead", {}, h("tr", {}, ...head)), h("tbody", {}, ...body)));
  }
}
