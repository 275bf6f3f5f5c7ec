// embed.html#series=ID&lang=fr|en|ru|kk&theme=light|dark|auto&axis=zero|fit: one chart,
// for an <iframe>. Light unless asked otherwise (an article's page is usually light).
// The page posts its height to the page that embeds it, so that a listener there
// (embed-resize.js) fits the iframe to its content as it grows and shrinks.
import "./derek-element.js";
import { langCode } from "./js/text.js";

const chart = document.getElementById("chart");
function apply() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const name of ["series", "lang", "axis"]) {
    if (params.get(name)) chart.setAttribute(name, params.get(name));
  }
  chart.setAttribute("theme", params.get("theme") || "light");
  document.documentElement.lang = langCode(params.get("lang"));
  document.body.classList.toggle("dark", chart.getAttribute("theme") === "dark");
}
apply();
window.addEventListener("hashchange", apply);

// Only the height crosses to the parent, never a word of the page.
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ derek: "height", height }, "*");
  }
}).observe(document.body);
