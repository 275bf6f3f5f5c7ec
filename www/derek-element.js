// Derek's custom elements: <derek-chart series="…" lang="fr|en" theme="light|dark|auto">
// and <derek-explorer lang="…" theme="…">. One module defines both; every element on
// a page shares one wasm module and one parsed corpus.
//
// Thin by design: the wasm module parses, extracts, draws, and writes every label and
// number. This file wires elements to it. Report text always goes into the DOM as
// text (textContent), never as HTML. No inline script or style: a strict CSP holds.

// ---------------------------------------------------------------- shared loading
let loaded = null;
function derek() {
  // Imported lazily, so that a module that cannot load becomes a message, not a blank.
  loaded ??= import(new URL("./pkg/derek.js", import.meta.url)).then(async (pkg) => {
    await pkg.default({ module_or_path: new URL("./pkg/derek_bg.wasm", import.meta.url) });
    return new pkg.Derek();
  });
  return loaded;
}
const HERE = new URL(".", import.meta.url).href;

const TEXT = {
  fr: {
    failed: "Derek n’a pas pu se charger : ", menu: "Menu du graphique", png: "Télécharger l’image (PNG)",
    svg: "Télécharger l’image (SVG)", csv: "Télécharger les données (CSV)", json: "Télécharger les données (JSON)",
    embed: "Intégrer ce graphique", copy: "Copier", copied: "Copié", close: "Fermer", script: "Avec un script :",
    iframe: "Ou avec un iframe :", sourceOf: "Source du point", line: "ligne", chart: "Graphique", table: "Tableau",
    series: "Séries", filter: "Filtrer les séries", search: "Rechercher dans les rapports",
    results: (n) => `${n} paragraphe${n > 1 ? "s" : ""}`, none: "Aucun paragraphe ne correspond.",
    figures: "Chiffres :", dark: "Thème sombre", points: "Points du graphique : flèches pour parcourir, Entrée pour la source",
    noSeries: "Série inconnue : ", axis: "Axe depuis zéro", groupBy: "Grouper par", byTheme: "thème",
    byReport: "rapport", download: "Télécharger :",
  },
  en: {
    failed: "Derek could not load: ", menu: "Chart menu", png: "Download image (PNG)", svg: "Download image (SVG)",
    csv: "Download data (CSV)", json: "Download data (JSON)", embed: "Embed this chart", copy: "Copy",
    copied: "Copied", close: "Close", script: "With a script:", iframe: "Or with an iframe:",
    sourceOf: "Source of the point", line: "line", chart: "Chart", table: "Table", series: "Series",
    filter: "Filter the series", search: "Search the reports",
    results: (n) => `${n} paragraph${n > 1 ? "s" : ""}`, none: "No paragraph matches.", figures: "Figures:",
    dark: "Dark theme", points: "Chart points: arrows to move, Enter for the source", noSeries: "Unknown series: ",
    axis: "Axis from zero", groupBy: "Group by", byTheme: "theme", byReport: "report", download: "Download:",
  },
};
const SCHEME = matchMedia("(prefers-color-scheme: dark)");
const langOf = (el) => (el.getAttribute("lang") === "en" ? "en" : "fr");
function themeOf(el) {
  const t = el.getAttribute("theme");
  if (t === "dark" || t === "light") return t;
  return SCHEME.matches ? "dark" : "light";
}

// A tiny element builder: properties, attributes ("aria-*", "data-*", role…) and text.
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.includes("-") || key === "role" || key === "for") el.setAttribute(key, value);
    else el[key] = value;
  }
  el.append(...children.filter((c) => c != null));
  return el;
}
// Text cut into plain and <mark> pieces, as text nodes only.
const segments = (list) => list.map((s) => (s.mark ? h("mark", { textContent: s.text }) : document.createTextNode(s.text)));

function download(name, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const sheets = new Map();
function sheet(css) {
  // Constructed stylesheets need no inline <style>: allowed under a strict CSP.
  if (!sheets.has(css)) {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    sheets.set(css, s);
  }
  return sheets.get(css);
}

const BASE_CSS = `
:host { display: block; contain: content; }
.root { --bg: #fff; --ink: #1a1a1a; --muted: #595959; --line: #d0d0d0; --accent: #005a8c; --panel: #f4f5f6;
  --mark: #ffe08a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  background: var(--bg); text-align: left; letter-spacing: normal; box-sizing: border-box; }
.root.dark { --bg: #121417; --ink: #ececec; --muted: #aaaaaa; --line: #3a3f46; --accent: #7cc4ee; --panel: #1d2126; --mark: #ffe08a; }
.root * { box-sizing: border-box; }
button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px;
  padding: 4px 10px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible, input:focus-visible, canvas:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
mark { background: var(--mark); color: #1a1a1a; border-radius: 2px; padding: 0 1px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.error { color: #b00020; }
.root.dark .error { color: #ff8a80; }
`;

const CHART_CSS = `
.bar { display: flex; justify-content: flex-end; gap: 6px; min-height: 30px; position: relative; }
.menu { position: absolute; right: 0; top: 32px; z-index: 3; display: flex; flex-direction: column; gap: 2px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 6px; box-shadow: 0 4px 16px #0003; }
.menu[hidden], .tip[hidden], .ring[hidden], .panel[hidden], .embed[hidden] { display: none; }
.menu button { border: 0; text-align: left; }
.frame { position: relative; width: 100%; min-height: 200px; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; touch-action: manipulation; }
.tip { position: absolute; z-index: 2; max-width: min(320px, 90%); pointer-events: none; background: var(--bg);
  color: var(--ink); border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; box-shadow: 0 4px 14px #0003; font-size: 13px; }
.tip .value { font-weight: 700; font-size: 15px; }
.tip .quote, .tip .src { color: var(--muted); }
.tip .conflict { color: #b34700; }
.root.dark .tip .conflict { color: #f0b050; }
.ring { position: absolute; width: 22px; height: 22px; margin: -11px 0 0 -11px; border: 3px solid var(--accent);
  border-radius: 50%; pointer-events: none; }
.panel, .embed { margin-top: 8px; padding: 10px 12px; background: var(--panel); border-radius: 8px; }
.panel h3, .embed h3 { margin: 0 0 4px; font-size: 14px; }
.panel .ref { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
.panel p.text { margin: 0; }
.embed pre { white-space: pre-wrap; word-break: break-all; background: var(--bg); padding: 8px; border-radius: 6px; font-size: 12px; }
.head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
`;

// ---------------------------------------------------------------- <derek-chart>
class DerekChart extends HTMLElement {
  static observedAttributes = ["series", "lang", "theme", "axis"];

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [sheet(BASE_CSS), sheet(CHART_CSS)];
    this.root = h("div", { className: "root" });
    this.menuButton = h("button", { textContent: "⋯", "aria-haspopup": "true", "aria-expanded": "false" });
    this.menu = h("div", { className: "menu", role: "menu", hidden: true });
    this.canvas = h("canvas", { tabIndex: 0, role: "img" });
    this.tip = h("div", { className: "tip", hidden: true, role: "tooltip" });
    this.ring = h("div", { className: "ring", hidden: true });
    this.frame = h("div", { className: "frame" }, this.canvas, this.ring, this.tip);
    this.live = h("p", { className: "visually-hidden", "aria-live": "polite" });
    this.status = h("p", { className: "status", hidden: true });
    // The source line is drawn on the canvas (so it travels with a PNG); screen
    // readers get it as text too.
    this.citation = h("p", { className: "visually-hidden" });
    this.panel = h("section", { className: "panel", hidden: true });
    this.embed = h("section", { className: "embed", hidden: true });
    this.root.append(h("div", { className: "bar" }, this.menuButton, this.menu), this.frame, this.citation, this.status, this.live, this.panel, this.embed);
    shadow.append(this.root);
    this.focusIndex = -1;
    this.resize = new ResizeObserver(() => this.schedule());
    this.wire();
  }

  connectedCallback() {
    this.resize.observe(this.frame);
    SCHEME.addEventListener("change", this.onScheme);
    this.schedule();
  }
  disconnectedCallback() {
    this.resize.disconnect();
    SCHEME.removeEventListener("change", this.onScheme);
  }
  // theme="auto" (or none) follows the reader's system setting, live.
  onScheme = () => this.schedule();
  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === "series") this.closePanels();
    this.schedule();
  }

  // "fit" fits the value axis to the values; anything else starts it at zero.
  get axis() {
    return this.getAttribute("axis") === "fit" ? "fit" : "zero";
  }
  get seriesId() {
    return this.getAttribute("series") || "domestic_violence_cases";
  }
  get t() {
    return TEXT[langOf(this)];
  }

  // Redraws at most once a frame, however many resizes and attribute changes come.
  schedule() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  async draw() {
    const id = this.seriesId;
    const lang = langOf(this);
    const theme = themeOf(this);
    this.root.classList.toggle("dark", theme === "dark");
    try {
      const app = await derek();
      this.app = app;
      const width = this.frame.clientWidth;
      if (width === 0) return; // not laid out yet: the observer calls again
      if (!app.seriesIds().includes(id)) throw new Error(this.t.noSeries + id);
      this.frame.style.height = `${app.preferredHeight(id, lang, width)}px`;
      this.drawn?.free();
      this.drawn = app.draw(this.canvas, id, lang, theme, this.axis, window.devicePixelRatio || 1);
      this.status.hidden = true;
      // Texts depend on the series and the language only, not on the size.
      if (this.labelled !== `${id}|${lang}`) {
        this.labelled = `${id}|${lang}`;
        this.canvas.setAttribute("aria-label", app.summary(id, lang));
        this.canvas.setAttribute("aria-roledescription", lang === "en" ? "chart" : "graphique");
        this.citation.textContent = app.citation(id, lang);
        this.buildMenu();
      }
      if (this.focusIndex >= 0) this.showPoint(this.focusIndex, { announce: false });
      this.dataset.state = "ready";
      this.dispatchEvent(new CustomEvent("derek-drawn", { detail: { series: id } }));
    } catch (error) {
      this.fail(error);
    }
  }

  fail(error) {
    this.status.hidden = false;
    this.status.className = "status error";
    this.status.textContent = this.t.failed + (error?.message ?? String(error));
    this.dataset.state = "error";
    console.error(error);
  }

  wire() {
    const at = (event) => {
      const box = this.canvas.getBoundingClientRect();
      return [event.clientX - box.left, event.clientY - box.top];
    };
    const pick = (event) => {
      if (!this.drawn) return undefined;
      const [x, y] = at(event);
      return this.drawn.nearest(x, y, event.pointerType === "touch" ? 36 : 24);
    };
    this.canvas.addEventListener("pointermove", (event) => {
      const index = pick(event);
      if (index === undefined) this.hideTip();
      else this.showPoint(index, { announce: false });
    });
    this.canvas.addEventListener("pointerleave", () => this.focusIndex < 0 && this.hideTip());
    this.canvas.addEventListener("click", (event) => {
      const index = pick(event);
      if (index !== undefined) this.select(index);
    });
    this.canvas.addEventListener("keydown", (event) => this.key(event));
    this.canvas.addEventListener("blur", () => {
      this.ring.hidden = true;
    });
    this.menuButton.addEventListener("click", () => this.toggleMenu());
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        this.toggleMenu(false);
        this.hideTip();
      }
    });
  }

  key(event) {
    if (!this.drawn) return;
    const order = Array.from(this.drawn.order());
    if (order.length === 0) return;
    let at = order.indexOf(this.focusIndex);
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) at = at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + moves[event.key]));
    else if (event.key === "Home") at = 0;
    else if (event.key === "End") at = order.length - 1;
    else if ((event.key === "Enter" || event.key === " ") && this.focusIndex >= 0) {
      event.preventDefault();
      this.select(this.focusIndex);
      return;
    } else return;
    event.preventDefault();
    this.focusIndex = order[at];
    this.showPoint(this.focusIndex, { announce: true });
  }

  // Shows the tooltip (and the keyboard ring) of point `index`.
  showPoint(index, { announce }) {
    const id = this.seriesId;
    const lang = langOf(this);
    let tip;
    try {
      tip = this.app.tooltip(id, index, lang);
    } catch {
      return this.hideTip();
    }
    const [x, y] = Array.from(this.drawn.position(index));
    this.tip.replaceChildren(
      h("div", { className: "key", textContent: tip.key }),
      h("div", { className: "value", textContent: tip.value }),
      h("div", { className: "quote", textContent: `« ${tip.quote} »` }),
      h("div", { className: "src", textContent: tip.source }),
      ...(tip.conflict ? [h("div", { className: "conflict", textContent: tip.conflict })] : []),
    );
    this.tip.hidden = false;
    const width = this.frame.clientWidth;
    const left = Math.max(4, Math.min(x + 14, width - this.tip.offsetWidth - 4));
    const top = y - this.tip.offsetHeight - 14 > 0 ? y - this.tip.offsetHeight - 14 : y + 18;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
    if (document.activeElement === this && this.shadowRoot.activeElement === this.canvas) {
      this.ring.hidden = false;
      this.ring.style.left = `${x}px`;
      this.ring.style.top = `${y}px`;
    }
    this.dataset.point = String(index);
    if (announce) this.live.textContent = `${tip.key} : ${tip.value}. ${tip.source}`;
  }

  hideTip() {
    this.tip.hidden = true;
    this.ring.hidden = true;
  }

  // Opens the source panel of point `index`: the paragraph, its figure highlighted.
  select(index) {
    const id = this.seriesId;
    const lang = langOf(this);
    let source;
    try {
      source = this.app.source(id, index, lang);
    } catch (error) {
      return this.fail(error);
    }
    this.focusIndex = index;
    this.showPoint(index, { announce: true });
    const close = h("button", { textContent: "×", "aria-label": this.t.close });
    close.addEventListener("click", () => {
      this.panel.hidden = true;
      this.canvas.focus();
    });
    this.panel.replaceChildren(
      h("div", { className: "head" }, h("h3", { textContent: `${source.report}, ${source.reference}` }), close),
      h("p", { className: "ref", textContent: `${source.report_title} — ${this.t.line} ${source.line}` }),
      h("p", { className: "text", lang: "fr" }, ...segments(source.segments)),
    );
    this.panel.setAttribute("aria-label", this.t.sourceOf);
    this.panel.hidden = false;
    this.dispatchEvent(new CustomEvent("derek-select", { detail: { series: id, point: index }, bubbles: true, composed: true }));
  }

  closePanels() {
    this.focusIndex = -1;
    this.panel.hidden = true;
    this.embed.hidden = true;
    this.hideTip();
  }

  toggleMenu(open = this.menu.hidden) {
    this.menu.hidden = !open;
    this.menuButton.setAttribute("aria-expanded", String(open));
    if (open) this.menu.querySelector("button")?.focus();
  }

  buildMenu() {
    const t = this.t;
    this.menuButton.setAttribute("aria-label", t.menu);
    const id = this.seriesId;
    const lang = langOf(this);
    const item = (label, action) => {
      const b = h("button", { role: "menuitem", textContent: label });
      b.addEventListener("click", () => {
        this.toggleMenu(false);
        action();
      });
      return b;
    };
    this.menu.replaceChildren(
      item(t.png, () => this.canvas.toBlob((blob) => blob && download(`${id}.png`, "image/png", blob))),
      item(t.svg, () => download(`${id}.svg`, "image/svg+xml", this.app.svg(id, lang, themeOf(this), this.axis, Math.round(this.frame.clientWidth)))),
      item(t.csv, () => download(`${id}.csv`, "text/csv", this.app.csv(id))),
      item(t.json, () => download(`${id}.json`, "application/json", this.app.json(id))),
      item(t.embed, () => this.showEmbed()),
    );
  }

  // The exact snippet that reproduces this chart on another site.
  showEmbed() {
    const t = this.t;
    const id = this.seriesId;
    const lang = langOf(this);
    const script = `<script type="module" src="${HERE}derek-element.js"></script>\n<derek-chart series="${id}" lang="${lang}"></derek-chart>`;
    const iframe = `<iframe src="${HERE}embed.html#series=${id}&lang=${lang}" title="Derek" width="100%" height="${Math.round(this.frame.clientHeight + 80)}" loading="lazy" style="border:0"></iframe>`;
    const block = (label, code) => {
      const copy = h("button", { textContent: t.copy });
      copy.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(code);
          copy.textContent = t.copied;
        } catch {
          copy.textContent = "—";
        }
      });
      return [h("p", { textContent: label }), h("pre", {}, h("code", { textContent: code })), copy];
    };
    const close = h("button", { textContent: "×", "aria-label": t.close });
    close.addEventListener("click", () => {
      this.embed.hidden = true;
    });
    this.embed.replaceChildren(h("div", { className: "head" }, h("h3", { textContent: t.embed }), close), ...block(t.script, script), ...block(t.iframe, iframe));
    this.embed.hidden = false;
  }
}

// ---------------------------------------------------------------- <derek-explorer>
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

class DerekExplorer extends HTMLElement {
  static observedAttributes = ["lang", "theme"];

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [sheet(BASE_CSS), sheet(EXPLORER_CSS)];
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
    const themes = app.catalogue(lang);
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
    const header = h("header", {}, h("h1", { textContent: "Derek" }), h("div", { className: "tools" }, langButton("fr", "FR"), langButton("en", "EN"), dark));

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

    const main = h("main", {}, h("div", { className: "tabs" }, h("div", { role: "tablist", className: "tabs" }, tab("chart", t.chart), tab("table", t.table)), axis), this.chart);
    if (table) main.append(table);
    main.append(this.searchBox.section);
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

customElements.define("derek-chart", DerekChart);
customElements.define("derek-explorer", DerekExplorer);
