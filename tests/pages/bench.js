// Times the widget's stages in a real browser; `cargo xtask bench` reads window.derekBench.
import init, { Derek, Startup } from "/pkg/derek.js";

const canvas = document.getElementById("canvas");
canvas.style.width = "800px";
canvas.style.height = "500px";
const ms = (t0) => Math.round((performance.now() - t0) * 100) / 100;
const result = {};
let t = performance.now();
await init({ module_or_path: "/pkg/derek_bg.wasm" });
result.instantiate_ms = ms(t);
t = performance.now();
const app = new Derek();
result.read_extract_build_ms = ms(t);
for (const [stage, time] of Object.entries(app.startupTimings())) result[`startup_${stage}_ms`] = time;
const ids = app.seriesIds();
t = performance.now();
app.view(ids[0]).draw(canvas, ids[0], "fr", "light", "zero", 2, 800, 500).free();
result.first_draw_ms = ms(t);
result.time_to_first_chart_ms = Math.round(performance.now() * 100) / 100;
const draws = [];
for (const id of ids) {
  const t1 = performance.now();
  const view = app.view(id);
  view.draw(canvas, id, "en", "light", "zero", 2, 800, 500).free();
  view.free();
  draws.push(performance.now() - t1);
}
draws.sort((a, b) => a - b);
result.series = ids.length;
result.draw_median_ms = Math.round(draws[Math.floor(draws.length / 2)] * 100) / 100;
result.draw_max_ms = Math.round(draws[draws.length - 1] * 100) / 100;
// A glance at each series from a fresh start-up (the code now compiled and warm):
// what a page's first chart reads, against the whole start-up above.
const glances = [];
for (const id of ids) {
  const startup = new Startup();
  const t1 = performance.now();
  startup.glance(id)?.free();
  glances.push(performance.now() - t1);
  startup.free();
}
glances.sort((a, b) => a - b);
result.glance_median_ms = Math.round(glances[Math.floor(glances.length / 2)] * 100) / 100;
result.glance_max_ms = Math.round(glances[glances.length - 1] * 100) / 100;
t = performance.now();
new Derek().free();
result.whole_startup_warm_ms = ms(t);
document.getElementById("out").textContent = JSON.stringify(result, null, 2);
window.derekBench = result;
