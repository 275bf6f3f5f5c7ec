// Derek's custom elements: <derek-chart series="…" lang="fr|en|ru|kk" theme="light|dark|auto"
// axis="zero|fit"> and <derek-explorer lang="…" theme="…">. Every element on a page
// shares one wasm module and one parsed corpus.
//
// This file is the one a page includes, as a classic script or as a module: it loads
// the elements (js/elements.js) and, when they cannot load, says why in each element's
// box instead of leaving it blank. A classic script may come from another site without
// CORS; the modules, the glue and the wasm it loads may not: the message then names
// the header the host must send (Access-Control-Allow-Origin), or the iframe to use.
// Thin by design: report text always goes into the DOM as text, never as HTML.

(() => {
  // The [page] strings of data/i18n/*.toml, written in by cargo xtask.
  const TABLES = /*i18n: failed blocked unreachable*/ {};
  const own = (src) => /derek-element\.js(\?|#|$)/.test(src);
  const here = document.currentScript?.src || [...document.scripts].map((s) => s.src).filter(own).pop() || location.href;
  const elements = new URL("js/elements.js", here);

  // Start the wasm's download and compilation now, before the elements' modules have
  // arrived (three levels of imports later): js/load.js takes this compilation
  // over, keyed by the wasm's address, and starts its own only when there is none
  // or it failed. A plain fetch, not a module import: a second module graph racing
  // the elements' one made Chromium 156 hang under WebDriver.
  const wasm = new URL("pkg/derek_bg.wasm", here).href;
  const early = (globalThis[Symbol.for("derek.wasm")] ??= new Map());
  if (!early.has(wasm)) {
    performance.mark("derek-fetch");
    const compiled = fetch(wasm).then((response) => {
      if (!response.ok || response.headers.get("Content-Type") !== "application/wasm") throw new Error(`${response.status} ${response.url}`);
      return WebAssembly.compileStreaming(response);
    }).then((module) => {
      performance.mark("derek-compiled");
      return module;
    });
    compiled.catch(() => {});
    early.set(wasm, compiled);
  }

  import(elements.href).catch(async (error) => {
    // An opaque answer to a no-cors request means the file is there but not shared.
    const reachable = await fetch(elements, { mode: "no-cors", cache: "no-store" }).then(() => true, () => false);
    const foreign = elements.origin !== location.origin;
    for (const el of document.querySelectorAll("derek-chart, derek-explorer")) {
      const code = String(el.getAttribute("lang") ?? "").split(/[-_]/)[0].toLowerCase();
      const t = (TABLES[code] ?? TABLES.fr ?? {}).page ?? {};
      const say = (key, args) => String(t[key] ?? key).replace(/\{(\w+)\}/g, (all, name) => args[name] ?? all);
      let message;
      if (foreign && reachable) message = say("blocked", { origin: elements.origin });
      else if (!reachable) message = say("unreachable", { url: new URL(".", here).href });
      else message = (t.failed ?? "") + (error?.message ?? String(error));
      const p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.textContent = message;
      // Styled through the CSSOM, which a strict CSP allows (no inline style attribute).
      Object.assign(p.style, { border: "1px solid #b00020", borderRadius: "8px", padding: "10px 12px", color: "#b00020", font: "14px/1.45 system-ui, sans-serif", background: "#fff" });
      el.replaceChildren(p);
      el.dataset.state = "error";
    }
  });
})();
