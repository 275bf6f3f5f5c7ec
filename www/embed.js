// embed.html#series=ID&lang=fr|en&theme=light|dark: one chart, for an <iframe>.
import "./derek-element.js";

const chart = document.getElementById("chart");
function apply() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const name of ["series", "lang", "theme"]) {
    if (params.get(name)) chart.setAttribute(name, params.get(name));
  }
  document.documentElement.lang = params.get("lang") === "en" ? "en" : "fr";
}
apply();
window.addEventListener("hashchange", apply);
