// Defines Derek's custom elements; each lives in its own module under js/.
// The loader comes first: evaluated first, it starts the wasm's compilation before
// the element modules run (pages also load js/load.js as an async module of its own).
import "./load.js";
import { DerekChart } from "./chart.js";
import { DerekExplorer } from "./explorer.js";

if (!customElements.get("derek-chart")) customElements.define("derek-chart", DerekChart);
if (!customElements.get("derek-explorer")) customElements.define("derek-explorer", DerekExplorer);
