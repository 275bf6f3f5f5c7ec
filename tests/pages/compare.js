// Draws the series Derek's page opens on with another chart library, for the
// comparison `cargo xtask bench --browser` prints: chartjs.html or uplot.html. The
// points come ready as JSON (/compare/points.json, written by the bench from the
// same core): this measures the library's load, the fetch and the drawing only.
// Like <derek-chart>, the page marks `derek-first-chart` once its chart is on the canvas.
const { title, labels, values } = await (await fetch("/compare/points.json")).json();
const box = document.getElementById("chart");
if (window.Chart) {
  const canvas = document.createElement("canvas");
  canvas.width = 800;
  canvas.height = 500;
  box.append(canvas);
  new window.Chart(canvas, {
    type: "line",
    data: { labels, datasets: [{ label: title, data: values }] },
    options: { animation: false, responsive: false },
  });
} else if (window.uPlot) {
  const xs = labels.map((_, i) => i);
  new window.uPlot({ width: 800, height: 500, title, series: [{}, { label: title, stroke: "#0072b2" }], axes: [{ values: (_, ticks) => ticks.map((i) => labels[i] ?? "") }, {}] }, [xs, values], box);
}
performance.mark("derek-first-chart");
