// The explorer's reader: a report read whole, as the wasm module lays it out
// (headings, paragraphs with the report's own labels, every figure marked). A figure
// that feeds a series opens that series' point; any other opens a card with what
// Derek read from its sentence. Text only, never HTML.

import { langOf } from "./text.js";
import { h } from "./dom.js";

export const READER_CSS = `
.reader { position: relative; max-height: 75vh; overflow: auto; padding: 4px 8px 4px 0; }
.reader .card-report { margin: 0 0 10px; padding: 8px 10px; background: var(--panel); border-radius: 8px; font-size: 13px; }
.reader .card-report p { margin: 2px 0; }
.reader .note { color: var(--muted); }
.reader .missing { margin: 0 0 10px; padding: 8px 10px; border: 2px solid var(--accent); border-radius: 8px; }
.reader h3 { margin: 14px 0 6px; font-size: 15px; }
.reader h3.level-3, .reader h3.level-4 { font-size: 14px; font-style: italic; }
.reader .para { margin: 6px 0; scroll-margin-top: 8px; }
.reader .para.at { outline: 2px solid var(--accent); outline-offset: 3px; border-radius: 4px; }
.reader .label { font-weight: 700; margin-right: 6px; }
.reader .here { border: 0; padding: 0 4px; color: var(--muted); font-size: 12px; }
.reader button.fig { font: inherit; padding: 0 2px; border: 0; border-bottom: 2px solid var(--accent); border-radius: 2px;
  background: transparent; color: inherit; cursor: pointer; }
.reader button.fig.series { background: color-mix(in srgb, var(--accent) 14%, transparent); }
.reader button.fig.target { background: var(--mark); color: #1a1a1a; }
.reader .fact { margin: 6px 0 10px; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; font-size: 13px; }
.reader .fact dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
.reader .fact dt { color: var(--muted); }
.reader .fact dd { margin: 0; }
.reader select { max-width: 100%; font: inherit; color: var(--ink); background: var(--bg); border: 1px solid var(--muted); border-radius: 6px; padding: 3px 6px; margin-bottom: 8px; }
`;

export class ReaderPanel {
  // `host` is the explorer: its `state`, `app`, `t`, and `go(changes)`.
  constructor(host) {
    this.host = host;
    this.section = h("section", { className: "reader", "aria-live": "off" });
    this.views = new Map();
  }

  // The report the state names (by symbol; an added report by its `own-N`), laid
  // out once per language (an added one again when its series change). A link to
  // an added report this browser does not keep opens the first report, and says so.
  view() {
    const host = this.host;
    const lang = langOf(host);
    const reports = host.reports(lang);
    const named = reports.find((r) => r.symbol === host.state.read);
    const missing = !named && host.state.read.startsWith("own-");
    const report = named ?? reports[0];
    const key = `${report.document}|${lang}|${report.own ? host.adder.version : ""}`;
    if (!this.views.has(key)) this.views.set(key, host.app.reader(report.document, lang));
    return { reports, report, missing, key, view: this.views.get(key) };
  }

  update() {
    const host = this.host;
    const t = host.t;
    const { reports, report, missing, key, view } = this.view();
    // The list of reports changes when one is added, read again or removed.
    const drawn = `${key}|${missing}|${host.adder.version}`;
    if (this.drawn !== drawn) {
      this.drawn = drawn;
      this.build(reports, report, view, missing);
    }
    // Mark the paragraph and the figure the state names, and bring them into view.
    for (const el of this.section.querySelectorAll(".at, .target")) el.classList.remove("at", "target");
    for (const el of this.section.querySelectorAll("[aria-current]")) el.removeAttribute("aria-current");
    this.card?.remove();
    // A place in a report this browser does not keep is no place in the one shown.
    const para = host.state.at && !missing ? this.section.querySelector(`[data-id="${CSS.escape(host.state.at)}"]`) : null;
    if (para) para.classList.add("at");
    const fig = host.state.fig !== "" && !missing ? this.section.querySelector(`button.fig[data-figure="${CSS.escape(host.state.fig)}"]`) : null;
    if (fig) {
      fig.classList.add("target");
      fig.setAttribute("aria-current", "true");
    }
    this.section.setAttribute("aria-label", `${t.read} — ${view.report.symbol}`);
    // Scrolled to only when the place changes: a redraw for another reason (a query
    // typed below) leaves the reader where it is.
    const target = fig ?? para ?? (missing ? this.section.firstChild : null);
    const place = `${drawn}|${host.state.at}|${host.state.fig}`;
    // The reader scrolls within itself: the page stays where it is.
    if (target && place !== this.placed) requestAnimationFrame(() => {
      this.section.scrollTop = Math.max(0, target.offsetTop - this.section.clientHeight / 3);
    });
    this.placed = place;
    this.section.dataset.state = "ready";
  }

  build(reports, report, view, missing) {
    const host = this.host;
    const t = host.t;
    // An added report is named by its name alone (its symbol is a link's handle).
    const pick = h("select", { "aria-label": t.report }, ...reports.map((r) => h("option", { value: r.symbol, textContent: r.own ? r.title : `${r.symbol} — ${r.title}` })));
    pick.value = report.symbol;
    pick.addEventListener("change", () => host.go({ read: pick.value, at: "", fig: "" }));
    const card = view.report;
    // An added report has no official text to link to.
    const link = card.link ? h("a", { href: card.link, target: "_blank", rel: "noopener noreferrer", textContent: t.official }) : null;
    const head = h(
      "div",
      { className: "card-report" },
      h("p", {}, h("strong", { textContent: card.symbol }), ...(card.title !== card.symbol ? [" — ", card.title] : [])),
      card.symbol_note ? h("p", { className: "note", textContent: card.symbol_note }) : null,
      h("p", { textContent: card.committee }),
      h("p", { className: "note", textContent: card.date }),
      link ? h("p", {}, link) : null,
    );
    const blocks = view.blocks.map((block) => {
      // The report's own language: French for the five, guessed for an added one
      // ("" when it could not be told, rather than claiming French).
      if (block.kind === "heading") return h("h3", { className: `level-${block.level}`, textContent: block.text, lang: view.text_lang });
      const here = h("button", { className: "here", textContent: "¶", "aria-label": `${t.link_here} (${block.reference})`, title: block.reference });
      here.addEventListener("click", () => host.go({ at: block.id, fig: "" }));
      const p = h("p", { className: "para", "data-id": block.id, lang: view.text_lang });
      if (block.label) p.append(h("span", { className: "label", textContent: block.label }));
      p.append(...block.pieces.map((piece) => (piece.figure == null ? document.createTextNode(piece.text) : this.figure(piece, view))), " ", here);
      return p;
    });
    const gone = missing ? h("p", { className: "missing", role: "alert", textContent: t.own_missing }) : null;
    this.section.replaceChildren(...(gone ? [gone] : []), pick, head, ...blocks);
  }

  // A figure: its tooltip says its qualifier and year; a click opens its series
  // point, or its card when it is in no series.
  figure(piece, view) {
    const host = this.host;
    const fact = view.figures[piece.figure];
    const b = h("button", { className: fact.series.length ? "fig series" : "fig", textContent: piece.text, title: fact.tip, "data-figure": String(piece.figure) });
    b.addEventListener("click", () => {
      if (fact.series.length === 1) {
        const s = fact.series[0];
        host.go({ view: "chart", series: s.id, point: String(s.point) });
      } else this.showCard(b, fact, piece.figure);
    });
    return b;
  }

  showCard(button, fact, figure) {
    const host = this.host;
    const t = host.t;
    this.card?.remove();
    const close = h("button", { textContent: "×", "aria-label": t.close });
    close.addEventListener("click", () => {
      this.card.remove();
      button.focus();
    });
    const rows = [
      [t.value, `${fact.value} (« ${fact.verbatim} »)`],
      [t.unit, fact.unit],
      [t.qualifier, fact.qualifier],
      [t.year, fact.year ? `${fact.year} — ${fact.year_source}` : fact.year_source],
      [t.subject, fact.subject || "—"],
    ];
    const series = fact.series.map((s) => {
      const go = h("button", { textContent: s.title, "data-series": s.id });
      go.addEventListener("click", () => host.go({ view: "chart", series: s.id, point: String(s.point) }));
      return go;
    });
    this.card = h(
      "section",
      { className: "fact", "aria-label": t.figure_card, "data-figure": String(figure) },
      h("div", { className: "head" }, h("strong", { textContent: t.figure_card }), close),
      h("dl", {}, ...rows.flatMap(([k, v]) => [h("dt", { textContent: k }), h("dd", { textContent: v })])),
      series.length ? h("p", {}, t.in_series, " ", ...series) : h("p", { className: "note", textContent: t.no_series_card }),
    );
    button.closest("p").after(this.card);
    close.focus();
  }
}
