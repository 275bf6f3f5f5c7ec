// The explorer's search across the reports: a box, the total, the hits a page at a
// time ("Show more" until every one is shown), and the downloads (CSV and JSON: the
// same rows). The wasm module ranks, highlights and orders each hit's figures; this
// builds the DOM, text only.

import { langOf } from "./text.js";
import { h, segments, download } from "./dom.js";

// Hits shown per page.
const PAGE = 50;

export const SEARCH_CSS = `
.search { margin-top: 16px; }
.search h2 { font-size: 16px; margin: 0 0 6px; }
.hits { list-style: none; padding: 0; }
.hits li { margin: 10px 0; padding: 8px 10px; background: var(--panel); border-radius: 8px; }
.hits h3 { margin: 0 0 4px; font-size: 13px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.hits h3 button { font-size: 12px; padding: 0 8px; font-weight: 400; }
.hits p { margin: 0 0 6px; }
.hits .figs button { margin: 2px 4px 2px 0; padding: 1px 8px; font-size: 12px; }
.count { color: var(--muted); }
`;

export class SearchPanel {
  // `host` is the explorer: its `state`, `app`, `t`, and `go(changes)` to change view.
  constructor(host) {
    this.host = host;
    this.input = h("input", { type: "search" });
    this.title = h("h2");
    this.count = h("p", { className: "count", "aria-live": "polite" });
    this.hits = h("ul", { className: "hits" });
    this.more = h("button", { className: "more", hidden: true });
    this.more.addEventListener("click", () => this.page());
    const csv = h("button", { textContent: "CSV" });
    const json = h("button", { textContent: "JSON" });
    csv.addEventListener("click", () => download("derek-search.csv", "text/csv", host.app.searchCsv(host.state.q, langOf(host))));
    json.addEventListener("click", () => download("derek-search.json", "application/json", host.app.searchJson(host.state.q, langOf(host))));
    this.downloads = h("p", { className: "downloads", hidden: true }, h("span", {}), " ", csv, " ", json);
    this.hint = h("p", { className: "hint" });
    this.offers = h("div", { className: "offers", hidden: true });
    this.section = h("section", { className: "search" }, this.title, this.input, this.hint, this.count, this.offers, this.downloads, this.hits, this.more);
    let timer = 0;
    this.input.addEventListener("input", () => {
      clearTimeout(timer);
      // Typing is one step of history: the entry is replaced while the query changes.
      timer = setTimeout(() => host.go({ q: this.input.value.trim() }, { typing: true }), 160);
    });
    this.input.value = host.state.q;
  }

  // Shows the results of the state's query (kept as they are when nothing changed).
  update() {
    const host = this.host;
    const t = host.t;
    this.input.placeholder = t.search;
    this.input.setAttribute("aria-label", t.search);
    this.title.textContent = t.search;
    this.more.textContent = t.show_more;
    // The reports are French: a reader of another language is told so.
    const lang = langOf(host);
    this.hint.textContent = lang === "fr" ? "" : t.french_only;
    this.hint.hidden = lang === "fr";
    this.hint.lang = lang;
    if (this.input.value.trim() !== host.state.q && this.host.shadowRoot.activeElement !== this.input) this.input.value = host.state.q;
    // Searched again when the added reports change (one read again from IndexedDB
    // after the first render, one added or removed).
    const searched = `${host.state.q}|${langOf(host)}|${host.adder.version}`;
    if (searched === this.searched) return;
    this.searched = searched;
    this.hits.replaceChildren();
    this.shown = 0;
    this.total = 0;
    if (!host.state.q) {
      this.count.textContent = "";
      this.downloads.hidden = true;
      this.offers.hidden = true;
      this.more.hidden = true;
      return;
    }
    // A query in the reader's language may name a series: offer it.
    const matching = Array.from(host.app.seriesMatching(host.state.q, lang));
    this.offers.hidden = matching.length === 0;
    this.offers.replaceChildren(
      ...(matching.length ? [h("span", { textContent: t.series_match }), " "] : []),
      ...matching.map((s) => {
        const b = h("button", { textContent: s.title, "data-series": s.id });
        b.addEventListener("click", () => host.choose(s.id));
        return b;
      }),
    );
    this.page();
  }

  // Appends the next page of hits.
  page() {
    const host = this.host;
    const t = host.t;
    const lang = langOf(host);
    const result = host.app.search(host.state.q, this.shown, PAGE, lang);
    this.total = result.total;
    this.hits.append(...result.hits.map((hit) => this.hit(hit)));
    this.shown += result.hits.length;
    this.count.textContent = result.total
      ? `${t.count("results", result.total)} (${t.fill("shown", { n: t.number(this.shown), total: t.number(result.total) })})`
      : `${t.none} ${lang === "fr" ? "" : t.french_only}`.trim();
    this.downloads.hidden = !result.total;
    this.downloads.firstChild.textContent = t.download;
    this.more.hidden = this.shown >= result.total;
  }

  hit(hit) {
    const host = this.host;
    const t = host.t;
    const read = h("button", { className: "read", textContent: t.read_here });
    // The hit's report by its index (a bundled report) or key (an added one).
    read.addEventListener("click", () => host.read({ document: hit.document, paragraph: hit.paragraph, figure: hit.figures[0]?.figure }));
    // Every figure, nearest the query's words first: one in a series opens its
    // point, any other its place in the reader.
    const figs = hit.figures.flatMap((f) => {
      if (!f.series.length) {
        const b = h("button", { textContent: f.verbatim, "data-figure": String(f.figure) });
        b.addEventListener("click", () => host.read({ document: hit.document, paragraph: hit.paragraph, figure: f.figure }));
        return [b];
      }
      return f.series.map((s) => {
        const b = h("button", { textContent: `${f.shown} → ${s.title}`, "data-series": s.id });
        b.addEventListener("click", () => host.go({ series: s.id, point: String(s.point), view: "chart" }));
        return b;
      });
    });
    const li = h("li", { "data-paragraph": hit.paragraph }, h("h3", {}, h("span", { className: "ref", textContent: `${hit.report}, ${hit.reference}` }), read), h("p", { lang: hit.text_lang }, ...segments(hit.segments)));
    if (figs.length) li.append(h("div", { className: "figs" }, t.figures, " ", ...figs));
    return li;
  }
}
