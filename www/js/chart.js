// <derek-chart series="…" lang="fr|en|ru|kk" theme="light|dark|auto" axis="zero|fit">:
// one series drawn on a canvas by the wasm module, with tooltips, a source panel, a
// menu of downloads and the embed snippet. Keyboard: arrows move between points,
// Enter opens a point's source, arrows move in the menu, Escape closes the menu or a
// panel and gives focus back to the control that opened it.

import { derek, forChart, started, yieldThenDraw, HERE } from "./load.js";
import { SCHEME, langOf, themeOf, text } from "./text.js";
import { h, segments, download, sheet, copyLink, BASE_CSS } from "./dom.js";

const CHART_CSS = `
.bar { display: flex; justify-content: flex-end; gap: 6px; min-height: 30px; position: relative; }
.menu { position: absolute; right: 0; top: 32px; z-index: 3; display: flex; flex-direction: column; gap: 2px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 6px; box-shadow: 0 4px 16px #0003; }
.menu[hidden], .tip[hidden], .ring[hidden], .panel[hidden], .embed[hidden], .bar[hidden], .frame[hidden], .status[hidden] { display: none; }
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
.copied { color: var(--muted); font-size: 12px; word-break: break-all; margin: 4px 0; }
.status ul { margin: 4px 0 0; padding-left: 20px; }
.status code { font-size: 13px; }
`;

export class DerekChart extends HTMLElement {
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
    this.copied = h("p", { className: "copied", role: "status", hidden: true });
    this.root.append(h("div", { className: "bar" }, this.menuButton, this.menu), this.copied, this.frame, this.citation, this.status, this.live, this.panel, this.embed);
    shadow.append(this.root);
    this.focusIndex = -1;
    // The frame's width as last laid out: drawing with it does not make the
    // browser lay the page out in the middle of a task (reading clientWidth would).
    this.resize = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box) this.width = Math.round(box.width);
      this.schedule();
    });
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
    return text(langOf(this));
  }

  // The first chart is drawn as soon as the module is ready, in a task of its own
  // (so that no task runs long: laying out the page and a first draw take 20-40 ms),
  // not at the next animation frame. Later redraws come at most once a frame, however
  // many resizes and attribute changes come.
  schedule() {
    // Attributes set before the element is in a page are read when it is
    // (connectedCallback): no glance at a series it may never draw.
    if (this.pending || !this.isConnected) return;
    if (!this.drawn) {
      // Attributes set meanwhile are read when the draw runs: one draw for them all.
      // A glance at the series (see forChart) when start-up is still under way.
      this.pending = forChart(this.seriesId)
        .then((app) => {
          this.app = app;
          return yieldThenDraw();
        })
        .then(
          () => this.firstDraw(),
          () => this.firstDraw(),
        );
      return;
    }
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }
  firstDraw() {
    this.pending = 0;
    // Not in the page (yet): connectedCallback schedules again.
    if (this.isConnected) this.draw();
  }

  async draw() {
    const id = this.seriesId;
    const lang = langOf(this);
    const theme = themeOf(this);
    this.root.classList.toggle("dark", theme === "dark");
    try {
      // A glance can take several tasks: a later draw (another series or
      // language meanwhile) supersedes this one.
      const turn = (this.turn = (this.turn ?? 0) + 1);
      const app = await this.appFor(id);
      if (turn !== this.turn) return;
      this.app = app;
      if (!app.hasSeries(id)) return this.unknown(app, id);
      // Each drawing's main-thread time is a "derek-draw" measure (`cargo xtask bench`).
      const began = performance.now();
      this.frame.hidden = false;
      this.root.firstChild.hidden = false;
      const width = this.width || this.frame.clientWidth;
      if (width === 0) return; // not laid out yet: the observer calls again
      const height = app.preferredHeight(id, lang, width);
      this.frame.style.height = `${height}px`;
      this.drawn?.free();
      this.drawn = app.draw(this.canvas, id, lang, theme, this.axis, window.devicePixelRatio || 1, width, height);
      this.status.hidden = true;
      // Texts depend on the series and the language only, not on the size.
      if (this.labelled !== `${id}|${lang}`) {
        this.labelled = `${id}|${lang}`;
        this.canvas.setAttribute("aria-label", app.summary(id, lang));
        this.canvas.setAttribute("aria-roledescription", this.t.chart_role);
        this.citation.textContent = app.citation(id, lang);
        this.buildMenu();
      }
      if (this.focusIndex >= 0) this.showPoint(this.focusIndex, { announce: false });
      this.dataset.state = "ready";
      performance.measure("derek-draw", { start: began });
      // A User Timing mark for the host page (and `cargo xtask bench`): first chart drawn.
      if (!performance.getEntriesByName("derek-first-chart").length) performance.mark("derek-first-chart");
      this.dispatchEvent(new CustomEvent("derek-drawn", { detail: { series: id } }));
    } catch (error) {
      this.fail(error);
    }
  }

  // The SeriesView that draws series `id` now: the whole reading's once it is
  // done, else the glance this chart holds if it is at `id`, else a new one (see
  // forChart); for an id no series has, the whole reading itself.
  async appFor(id) {
    // Each drawing asks the whole reading anew: an added report's series can
    // change under the same id (its reference year re-dates figures).
    const whole = started();
    if (whole) return whole.view(id) ?? whole;
    if (this.app?.hasSeries(id)) return this.app;
    return forChart(id);
  }

  fail(error) {
    this.status.hidden = false;
    this.status.className = "status error";
    this.status.setAttribute("role", "alert");
    // Served from another site that does not share its files: say what to do.
    const origin = new URL(HERE).origin;
    this.status.textContent = origin !== location.origin && error instanceof TypeError
      ? this.t.fill("blocked", { origin })
      : this.t.failed + (error?.message ?? String(error));
    this.dataset.state = "error";
    console.error(error);
  }

  // A series id that does not exist: say so, with the closest ids, and no menu
  // over an empty chart.
  unknown(app, id) {
    const t = this.t;
    // For `cargo xtask test`: a series named unknown, even for a moment.
    performance.mark("derek-unknown", { detail: id });
    this.drawn?.free();
    this.drawn = null;
    this.labelled = "";
    this.closePanels();
    this.frame.hidden = true;
    this.root.firstChild.hidden = true;
    const closest = Array.from(app.closestIds(id));
    this.status.className = "status error";
    this.status.setAttribute("role", "alert");
    this.status.replaceChildren(
      h("span", { textContent: t.fill("unknown_series", { id }) }),
      ...(closest.length ? [" ", t.closest, h("ul", {}, ...closest.map((c) => h("li", {}, h("code", { textContent: c }))))] : []),
    );
    this.status.hidden = false;
    this.dataset.state = "unknown";
  }

  wire() {
    // A reader who reaches for the chart may open a source, which needs every
    // report read: a chart drawn from a glance reads them then, a step a task.
    const warm = () => derek().catch(() => {});
    this.canvas.addEventListener("pointerenter", warm, { once: true });
    this.canvas.addEventListener("focus", warm, { once: true });
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
    this.menu.addEventListener("keydown", (event) => this.menuKey(event));
    // Escape closes the innermost open thing and gives focus back to its opener.
    this.root.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      if (!this.menu.hidden) {
        this.toggleMenu(false);
        this.menuButton.focus();
      } else if (!this.embed.hidden) {
        this.embed.hidden = true;
        this.menuButton.focus();
      } else if (!this.panel.hidden) {
        this.closeSource();
      } else if (!this.tip.hidden) {
        this.hideTip();
      } else return;
      event.preventDefault();
      event.stopPropagation();
    });
  }

  // Arrow keys, Home and End move between the menu's items; Tab leaves it closed.
  menuKey(event) {
    const items = [...this.menu.querySelectorAll("button")];
    const at = items.indexOf(this.shadowRoot.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === "Tab") this.toggleMenu(false);
    if (to === undefined || items.length === 0) return;
    event.preventDefault();
    items[(to + items.length) % items.length].focus();
  }

  closeSource() {
    this.panel.hidden = true;
    this.dispatchEvent(new CustomEvent("derek-close", { bubbles: true, composed: true }));
    (this.panelOpener ?? this.canvas).focus();
    this.panelOpener = null;
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
      h("div", { className: "quote", textContent: tip.quoted, lang: tip.quote_lang }),
      h("div", { className: "src", textContent: tip.source }),
      ...(tip.conflict ? [h("div", { className: "conflict", textContent: tip.conflict })] : []),
      ...(tip.break ? [h("div", { className: "src", textContent: tip.break })] : []),
    );
    this.tip.hidden = false;
    const width = this.frame.clientWidth;
    const left = Math.max(4, Math.min(x + 14, width - this.tip.offsetWidth - 4));
    const top = y - this.tip.offsetHeight - 14 > 0 ? y - this.tip.offsetHeight - 14 : y + 18;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
    // shadowRoot.activeElement is the canvas whether this chart stands alone or
    // sits in another element's shadow tree (the explorer's).
    if (this.shadowRoot.activeElement === this.canvas) {
      this.ring.hidden = false;
      this.ring.style.left = `${x}px`;
      this.ring.style.top = `${y}px`;
    }
    this.dataset.point = String(index);
    if (announce) this.live.textContent = `${tip.key} — ${tip.value}. ${tip.source}`;
  }

  hideTip() {
    this.tip.hidden = true;
    this.ring.hidden = true;
  }

  // Opens the source panel of point `index`: the paragraph, its figure highlighted.
  // The paragraph and its place in the reader need every report read: a chart
  // drawn from a glance waits for the rest of start-up here.
  async select(index) {
    const id = this.seriesId;
    const lang = langOf(this);
    let source;
    try {
      source = (started() ?? (await derek())).source(id, index, lang);
    } catch (error) {
      return this.fail(error);
    }
    // The reader moved on meanwhile.
    if (id !== this.seriesId) return;
    this.focusIndex = index;
    this.showPoint(index, { announce: true });
    const close = h("button", { textContent: "×", "aria-label": this.t.close });
    close.addEventListener("click", () => this.closeSource());
    // "Read in the report": the explorer opens its reader; a chart on its own
    // links to the explorer's page at that place.
    const place = { document: source.document, paragraph: source.paragraph, figure: source.figure };
    const read = h("a", { className: "read", textContent: this.t.read_here, href: `${HERE}index.html#${new URLSearchParams({ series: id, lang, view: "read", read: source.report, at: source.paragraph, ...(source.figure == null ? {} : { fig: String(source.figure) }) })}` });
    read.addEventListener("click", (event) => {
      const handled = !this.dispatchEvent(new CustomEvent("derek-read", { detail: place, cancelable: true }));
      if (handled) event.preventDefault();
    });
    this.panel.replaceChildren(
      h("div", { className: "head" }, h("h3", { textContent: `${source.report}, ${source.reference}` }), close),
      h("p", { className: "ref", textContent: source.report_title }),
      h("p", { className: "text", lang: source.text_lang }, ...segments(source.segments)),
      // What the series counts, so that the figure is read against its definition.
      ...(source.definition ? [h("p", { className: "ref definition", textContent: source.definition })] : []),
      h("p", {}, read),
    );
    this.panel.setAttribute("aria-label", this.t.source_of);
    this.panel.hidden = false;
    this.panelOpener = null;
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
    const item = (label, action, key = label) => {
      const b = h("button", { role: "menuitem", textContent: label, "data-item": key });
      b.addEventListener("click", () => {
        this.toggleMenu(false);
        action();
      });
      return b;
    };
    // Its words come from the wasm module, as do the ones it shows.
    const about = this.app.about(id, lang);
    this.menu.replaceChildren(
      item(about.heading, () => this.showAbout(about)),
      item(t.png, () => this.canvas.toBlob((blob) => blob && download(`${id}.png`, "image/png", blob))),
      item(t.svg, () => download(`${id}.svg`, "image/svg+xml", this.app.svg(id, lang, themeOf(this), this.axis, Math.round(this.frame.clientWidth)))),
      item(t.csv, () => download(`${id}.csv`, "text/csv", this.app.csv(id, lang))),
      item(t.json, () => download(`${id}.json`, "application/json", this.app.json(id, lang))),
      item(t.copy_link, () => copyLink(this.permalink(), this.copied, t), "copy-link"),
      item(t.embed, () => this.showEmbed()),
    );
  }

  // A link to this view: the explorer's own address inside it, else the explorer's
  // page on this series.
  permalink() {
    if (typeof this.link === "function") return this.link();
    const params = new URLSearchParams({ series: this.seriesId, lang: langOf(this) });
    if (this.axis === "fit") params.set("axis", "fit");
    const theme = this.getAttribute("theme");
    if (theme === "dark" || theme === "light") params.set("theme", theme);
    if (this.focusIndex >= 0) params.set("point", String(this.focusIndex));
    return `${HERE}index.html#${params}`;
  }

  // "About this chart": the series' definition, then each gap, break, part year
  // and disagreement the drawing marks, as text. Closing it gives focus back to
  // the menu button that opened it.
  showAbout(about) {
    const close = h("button", { textContent: "×", "aria-label": this.t.close });
    close.addEventListener("click", () => this.closeSource());
    this.panel.replaceChildren(
      h("div", { className: "head" }, h("h3", { textContent: about.heading }), close),
      ...(about.definition ? [h("p", { className: "text", textContent: `${about.definition_heading} — ${about.definition}` })] : []),
      h("ul", {}, ...about.notes.map((note) => h("li", { textContent: note }))),
    );
    this.panel.setAttribute("aria-label", about.heading);
    this.panel.hidden = false;
    this.panelOpener = this.menuButton;
    close.focus();
  }

  // The exact snippets that reproduce this chart, as shown, on another site: a
  // classic script (it may come from another site, and says so in the box when
  // that site does not share its files) or an iframe that fits its height to its
  // content through a small listener (a fixed height where scripts are stripped).
  snippets() {
    const id = this.seriesId;
    const lang = langOf(this);
    const theme = themeOf(this);
    const axis = this.axis;
    const title = this.app?.title(id, lang) ?? id;
    const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    const script = `<script src="${HERE}derek-element.js" async></script>\n<derek-chart series="${id}" lang="${lang}" theme="${theme}" axis="${axis}"></derek-chart>`;
    const hash = new URLSearchParams({ series: id, lang, theme, axis });
    // Without the resize script the iframe keeps this height: the chart's, as shown.
    const bar = this.root.firstChild.offsetHeight || 30;
    const height = Math.round(this.frame.clientHeight + bar + 16);
    const iframe = `<iframe src="${HERE}embed.html#${hash}" title="${escape(this.t.fill("iframe_title", { title }))}" width="100%" height="${height}" loading="lazy" style="border:0" data-derek></iframe>\n<script src="${HERE}embed-resize.js" async></script>`;
    return { script, iframe };
  }

  showEmbed() {
    const t = this.t;
    const { script, iframe } = this.snippets();
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
      this.menuButton.focus();
    });
    this.embed.replaceChildren(h("div", { className: "head" }, h("h3", { textContent: t.embed }), close), ...block(t.script, script), ...block(t.iframe, iframe));
    this.embed.setAttribute("aria-label", t.embed);
    this.embed.hidden = false;
    close.focus();
  }
}
