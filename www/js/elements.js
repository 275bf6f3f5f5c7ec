// Defines Derek's custom elements; each lives in its own module under js/.
import { DerekChart } from "./chart.js";
import { DerekExplorer } from "./explorer.js";

if (!customElements.get("derek-chart")) customElements.define("derek-chart", DerekChart);
if (!customElements.get("derek-explorer")) customElements.define("derek-explorer", DerekExplorer);
