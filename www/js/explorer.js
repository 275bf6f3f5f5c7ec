// <derek-explorer lang="…" theme="…">: every series by theme or report, a chart or
// table of the chosen one, and search across the reports. Its view lives in the URL.

import { derek } from "./load.js";
import { TEXT, langOf, themeOf } from "./text.js";
import { h, segments, download, sheet, BASE_CSS } from "./dom.js";
import { ReportAdder, ADD_CSS } from "./add-report.js";

const EXPLORER_CSS = `
.root { padding: 12px; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; justify-content: space-between; margin-bottom: 8px; }
header h1 { margin: 0; font-size: 20px; }
.tools { display: flex; gap: 6px; flex-wrap: wrap; }
button[aria-pressed="true"], button[aria-selected="true"] { background: var(--accent); color: var(--bg); border-color: var(--accent); }
.layout { display: grid; grid-template-columns: minmax(200px, 280px) 1fr; gap: 16px; }
@media (max-width: 720px) { .layout { grid-template-columns: 1fr; } nav { max-height: 32vh; } }
nav select { margin: 6px 0 0; font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 3px 6px; }
nav input, .search input { width: 100%; padding: 6px 8px; font: inherit; color: var(--ink); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px; }
nav { max-height: 70vh; overflow: auto; }
nav h2 { font-size: 13px; color: var(--muted); margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .03em; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li button { width: 100%; text-align: left; border: 0; margin: 1px 0; }
nav li small { color: var(--muted); }
.root:not(.dark) nav li button[aria-pressed="true"] small, .root.dark nav li button[aria-pressed="true"] small { color: inherit; }
.tabs { display: flex; gap: 6px; margin-bottom: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th button { border: 0; padding: 0; font-weight: 700; }
td.text { color: var(--muted); max-width: 40ch; }
tbody tr { cursor: pointer; }
tbody tr:hover, tbody tr:focus { background: var(--panel); }
.search { margin-top: 16px; }
.search h2 { font-size: 16px; margin: 0 0 6px; }
.hits { list-style: none; padding: 0; }
.hits li { margin: 10px 0; padding: 8px 10px; background: var(--panel); border-radius: 8px; }
.hits h3 { margin: 0 0 4px; font-size: 13px; }
.hits p { margin: 0 0 6px; }
.hits .figs button { margin: 2px 4px 2px 0; padding: 1px 8px; font-size: 12px; }
.count { color: var(--muted); }
[hidden] { display: none !important; }
`;

export class DerekExplorer extends HTMLElement {
  static observedAttributes = ["lang", "theme"];

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [sheet(BASE_CSS), sheet(EXPLORER_CSS), sheet(ADD_CSS)];
    this.adder = new ReportAdder(this);
    this.root = h("div", { className: "root" });
    shadow.append(this.root);
    this.state = { series: "", view: "chart", q: "", point: "", axis: "zero", group: "theme" };
    this.sort = { column: 0, dir: 1 };
    window.addEventListener("hashchange", () => this.fromHash() && this.render());
  }

  connectedCallback() {
    this.fromHash();
    this.render();
  }
  attributeChangedCallback(name, before, after) {
    if (before !== after && this.isConnected && !this.syncing) this.render();
  }

  get t() {
    return TEXT[langOf(this)];
  }

  // The view lives in the URL hash: reloading or sharing the link reopens it.
  fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const before = JSON.stringify(this.state) + this.getAttribute("lang") + this.getAttribute("theme");
    this.state = {
      series: params.get("series") || this.state.series,
      view: params.get("view") === "table" ? "table" : "chart",
      q: params.get("q") || "",
      point: params.get("point") || "",
      axis: params.get("axis") === "fit" ? "fit" : "zero",
      group: params.get("group") === "report" ? "report" : "theme",
    };
    this.syncing = true;
    if (params.get("lang")) this.setAttribute("lang", params.get("lang") === "en" ? "en" : "fr");
    if (params.get("theme")) this.setAttribute("theme", params.get("theme") === "dark" ? "dark" : "light");
    this.syncing = false;
    return before !== JSON.stringify(this.state) + this.getAttribute("lang") + this.getAttribute("theme");
  }
  toHash() {
    const params = new URLSearchParams();
    params.set("series", this.state.series);
    params.set("lang", langOf(this));
    if (this.state.view !== "chart") params.set("view", this.state.view);
    if (this.state.q) params.set("q", this.state.q);
    if (this.state.point !== "") params.set("point", this.state.point);
    if (this.state.axis === "fit") params.set("axis", "fit");
    if (this.state.group === "report") params.set("group", "report");
    if (this.getAttribute("theme") === "dark") params.set("theme", "dark");
    history.replaceState(null, "", `#${params}`);
  }

  async render() {
    const t = this.t;
    const lang = langOf(this);
    const theme = themeOf(this);
    this.root.classList.toggle("dark", theme === "dark");
    let app;
    try {
      app = await derek();
    } catch (error) {
      this.root.replaceChildren(h("p", { className: "error", textContent: t.failed + (error?.message ?? error) }));
      this.dataset.state = "error";
      console.error(error);
      return;
    }
    this.app = app;
    await this.adder.restore(app);
    // The catalogue's themes, then each added report's series found automatically.
    const themes = [...app.catalogue(lang), ...this.adder.groups()];
    const all = themes.flatMap((th) => th.series);
    if (!all.some((s) => s.id === this.state.series)) this.state.series = all[0]?.id ?? "";

    const langButton = (code, label) => {
      const b = h("button", { textContent: label, lang: code, "aria-pressed": String(lang === code) });
      b.addEventListener("click", () => {
        this.setAttribute("lang", code);
        this.toHash();
      });
      return b;
    };
    const dark = h("button", { textContent: "◐", "aria-label": t.dark, "aria-pressed": String(theme === "dark") });
    dark.addEventListener("click", () => {
      this.setAttribute("theme", theme === "dark" ? "light" : "dark");
      this.toHash();
    });
    // "Add a report" sits below the search; this button brings it into view.
    const add = h("button", { textContent: `＋ ${t.addReport}`, className: "go-add" });
    add.addEventListener("click", () => this.adder.focus());
    const header = h("header", {}, h("h1", { textContent: "Derek" }), h("div", { className: "tools" }, add, langButton("fr", "FR"), langButton("en", "EN"), dark));

    // The series list, grouped by theme, filtered as one types.
    const filter = h("input", { type: "search", placeholder: t.filter, "aria-label": t.filter });
    const groupBy = h("select", { "aria-label": t.groupBy }, h("option", { value: "theme", textContent: `${t.groupBy} ${t.byTheme}` }), h("option", { value: "report", textContent: `${t.groupBy} ${t.byReport}` }));
    groupBy.value = this.state.group;
    groupBy.addEventListener("change", () => {
      this.state.group = groupBy.value;
      this.toHash();
      this.render();
    });
    // Grouped by theme, or by the report that states the figures.
    const grouping = this.state.group === "report"
      ? [...new Set(all.flatMap((s) => s.reports))].sort().map((report) => ({ title: report, series: all.filter((s) => s.reports.includes(report)), theme: "" }))
      : themes.map((th) => ({ title: th.title, series: th.series, theme: th.title }));
    const groups = grouping.map((group) => {
      const items = group.series.map((s) => {
        const b = h("button", { "aria-pressed": String(s.id === this.state.series), "data-series": s.id }, s.title, " ", h("small", { textContent: `(${s.points})` }));
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

    // Chart and table of the chosen series.
    const tab = (view, label) => {
      const b = h("button", { role: "tab", textContent: label, "aria-selected": String(this.state.view === view) });
      b.addEventListener("click", () => {
        this.state.view = view;
        this.toHash();
        this.render();
      });
      return b;
    };
    this.chart ??= this.makeChart();
    this.chart.setAttribute("lang", lang);
    this.chart.setAttribute("theme", theme);
    this.chart.setAttribute("series", this.state.series);
    this.chart.setAttribute("axis", this.state.axis);
    const axis = h("button", { textContent: t.axis, "aria-pressed": String(this.state.axis === "zero") });
    axis.addEventListener("click", () => {
      this.state.axis = this.state.axis === "fit" ? "zero" : "fit";
      this.toHash();
      this.render();
    });
    this.chart.hidden = this.state.view !== "chart";
    const table = this.state.view === "table" ? this.table() : null;

    // Search across every report.
    this.searchBox ??= this.makeSearch();
    this.searchBox.input.placeholder = t.search;
    this.searchBox.input.setAttribute("aria-label", t.search);
    this.searchBox.title.textContent = t.search;
    this.runSearch();

    const note = this.adder.noteFor(this.state.series);
    const autoNote = note ? h("p", { className: "auto-note", textContent: note }) : null;
    const main = h("main", {}, h("div", { className: "tabs" }, h("div", { role: "tablist", className: "tabs" }, tab("chart", t.chart), tab("table", t.table)), axis), autoNote, this.chart);
    if (table) main.append(table);
    main.append(this.searchBox.section, this.adder.section(app));
    this.root.replaceChildren(header, h("div", { className: "layout" }, nav, main));
    if (this.state.point !== "" && this.chart.dataset.state === "ready") this.reselect();
    this.toHash();
    this.dataset.state = "ready";
  }

  makeChart() {
    const chart = document.createElement("derek-chart");
    chart.addEventListener("derek-select", (event) => {
      this.state.point = String(event.detail.point);
      this.toHash();
    });
    chart.addEventListener("derek-drawn", () => this.reselect());
    return chart;
  }

  // Reopens the point named in the URL once its chart is drawn.
  reselect() {
    const point = Number(this.state.point);
    if (this.state.point === "" || !Number.isInteger(point) || this.chart.dataset.point === String(point) && !this.chart.panel.hidden) return;
    this.chart.select(point);
  }

  choose(id) {
    this.state.series = id;
    this.state.point = "";
    this.toHash();
    this.render();
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
      const b = h("button", { textContent: name + (i === column ? (dir > 0 ? " ▲" : " ▼") : "") });
      b.addEventListener("click", () => {
        this.sort = { column: i, dir: i === column ? -dir : 1 };
        this.render();
      });
      return h("th", { scope: "col", "aria-sort": i === column ? (dir > 0 ? "ascending" : "descending") : "none" }, b);
    });
    const body = rows.map((row) => {
      const tr = h("tr", { tabIndex: 0, "data-point": String(row.point) }, ...row.cells.map((c, i) => h("td", { className: i === 5 ? "text" : "", textContent: c.text, lang: i === 5 ? "fr" : langOf(this) })));
      const open = () => {
        this.state.view = "chart";
        this.state.point = String(row.point);
        this.render();
      };
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", (e) => e.key === "Enter" && open());
      return tr;
    });
    return h("table", {}, h("caption", { className: "visually-hidden", textContent: `${this.app.title(this.state.series, langOf(this))} — ${t.table}` }), h("thead", {}, h("tr", {}, ...head)), h("tbody", {}, ...body));
  }

  makeSearch() {
    const input = h("input", { type: "search" });
    const title = h("h2");
    const count = h("p", { className: "count", "aria-live": "polite" });
    const hits = h("ul", { className: "hits" });
    const csv = h("button", { textContent: "CSV" });
    const json = h("button", { textContent: "JSON" });
    csv.addEventListener("click", () => download("derek-search.csv", "text/csv", this.app.searchCsv(this.state.q)));
    json.addEventListener("click", () => download("derek-search.json", "application/json", this.app.searchJson(this.state.q, langOf(this))));
    const downloads = h("p", { className: "downloads", hidden: true }, h("span", {}), " ", csv, " ", json);
    const section = h("section", { className: "search" }, title, input, count, downloads, hits);
    let timer = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.state.q = input.value.trim();
        this.toHash();
        this.runSearch();
      }, 120);
    });
    input.value = this.state.q;
    return { section, input, title, count, hits, downloads };
  }

  runSearch() {
    const { input, count, hits, downloads } = this.searchBox;
    if (input.value.trim() !== this.state.q) input.value = this.state.q;
    // A render for another reason (tab, axis, series) keeps the results it has.
    const searched = `${this.state.q}|${langOf(this)}`;
    if (searched === this.searched) return;
    this.searched = searched;
    if (!this.state.q) {
      count.textContent = "";
      downloads.hidden = true;
      hits.replaceChildren();
      return;
    }
    const t = this.t;
    const result = this.app.search(this.state.q, 50, langOf(this));
    count.textContent = result.total ? t.results(result.total) : t.none;
    downloads.hidden = !result.total;
    downloads.firstChild.textContent = t.download;
    hits.replaceChildren(
      ...result.hits.map((hit) => {
        const figs = hit.figures.filter((f) => f.series.length > 0).flatMap((f) =>
          f.series.map((s) => {
            const b = h("button", { textContent: `${f.verbatim} → ${s.title}`, "data-series": s.id });
            b.addEventListener("click", () => {
              this.state.series = s.id;
              this.state.point = String(s.point);
              this.state.view = "chart";
              this.toHash();
              this.render();
            });
            return b;
          }),
        );
        const li = h("li", { "data-paragraph": hit.paragraph }, h("h3", { textContent: `${hit.report}, ${hit.reference}` }), h("p", { lang: "fr" }, ...segments(hit.segments)));
        if (figs.length) li.append(h("div", { className: "figs" }, t.figures, " ", ...figs));
        return li;
      }),
    );
  }
}
