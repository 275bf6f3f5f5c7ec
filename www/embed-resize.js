// Fits every Derek iframe on the page to its content: the chart inside posts its
// height when it changes (a panel opens, the width changes), and this listener sets
// it. Include it once, next to the iframes; without it they keep their fixed height.
(() => {
  // Once per page, however many snippets include it.
  if (document.documentElement.dataset.derekResize) return;
  document.documentElement.dataset.derekResize = "on";
  window.addEventListener("message", (event) => {
    const { data } = event;
    if (!data || data.derek !== "height" || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll("iframe[data-derek]")) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.max(120, Math.min(data.height, 5000))}px`;
    }
  });
})();
