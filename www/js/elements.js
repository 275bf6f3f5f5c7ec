// Defines Derek's custom elements; each lives in its own module under js/.
// The loader comes first: evaluated first, it takes over the wasm's compilation
// (started by derek-element.js) and instantiates it.
import "./load.js";
// Every module the first chart needs, named here so that the browser asks for them
// all as soon as this file arrives, not a level of imports later (each level was a
// round trip and a parse before the loader could run): the wasm-bindgen glue, and
// what chart.js and explorer.js import. Search, the reader and "Add a report" are
// not among them: the explorer imports them itself, while the wasm starts up.
import "../pkg/derek.js";
import "./text.js";
import "./dom.js";
import "./store.js";
import { DerekChart } from "./chart.js";
import { DerekExplorer } from "./explorer.js";

if (!customElements.get("derek-chart")) customElements.define("derek-chart", DerekChart);
if (!customElements.get("derek-explorer")) customElements.define("derek-explorer", DerekExplorer);
