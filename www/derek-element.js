// Derek's custom elements: <derek-chart series="…" lang="fr|en" theme="light|dark|auto">
// and <derek-explorer lang="…" theme="…">. One module defines both; every element on
// a page shares one wasm module and one parsed corpus.
//
// Thin by design: the wasm module parses, extracts, draws, and writes every label and
// number. This file wires elements to it. Report text always goes into the DOM as
// text (textContent), never as HTML. No inline script or style: a strict CSP holds.
//
// This entry defines both elements; each lives in its own module under js/.
//
// Its only static import is the loader, so that the wasm fetch starts one module
// away from the page (load.js starts it when evaluated), not after the whole graph
// of element modules has been fetched level by level. The elements' modules are
// imported meanwhile; an element in the page is upgraded when its module is defined.
import "./js/load.js";

const [{ DerekChart }, { DerekExplorer }] = await Promise.all([import("./js/chart.js"), import("./js/explorer.js")]);
if (!customElements.get("derek-chart")) customElements.define("derek-chart", DerekChart);
if (!customElements.get("derek-explorer")) customElements.define("derek-explorer", DerekExplorer);
