// Draws protection orders per year with another chart library, for the size and
// speed table in the README (`cargo xtask bench`). ?lib=chartjs or ?lib=uplot.
// The values are given here: this measures only the library's load and drawing.
const years = [2011, 2012, 2019];
const values = [36000, 44000, 70000];
const lib = new URLSearchParams(location.search).get("lib");

function load(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
  });
}

const box = document.getElementById("chart");
if (lib === "chartjs") {
  await load("/vendor/chart.js/dist/chart.umd.min.js");
  const canvas = document.createElement("canvas");
  canvas.width = 800;
  canvas.height = 500;
  box.append(canvas);
  new window.Chart(canvas, {
    type: "line",
    data: { labels: years, datasets: [{ label: "Protection orders issued", data: values }] },
    options: { animation: false, responsive: false },
  });
} else if (lib === "uplot") {
  await load("/vendor/uplot/dist/uPlot.iife.min.js");
  new window.uPlot({ width: 800, height: 500, title: "Protection orders issued", series: [{}, { label: "orders", stroke: "#0072b2" }] }, [years, values], box);
}
window.compareBench = { time_to_first_chart_ms: Math.round(performance.now() * 100) / 100 };
