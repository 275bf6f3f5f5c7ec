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
// The loader comes first: evaluated first, it starts the wasm's compilation. Pages
// (and the embed snippet) also load js/load.js as an async module of its own, so that
// compilation starts as soon as it arrives, before this module's graph is fetched.
import "./js/load.js";
import { DerekChart } from "./js/chart.js";
import { DerekExplorer } from "./js/explorer.js";

if (!customElements.get("derek-chart")) customElements.define("derek-chart", DerekChart);
if (!customElements.get("derek-explorer")) customElements.define("derek-explorer", DerekExplorer);
