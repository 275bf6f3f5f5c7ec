// <derek-chart series="…" lang="fr|en">: one Derek chart with its source line.
// Thin by design: the wasm module parses, extracts and draws; this file only wires
// the element to it. Report text is always inserted with textContent, never as HTML.
// One wasm module and one parsed corpus per page, shared by every element. Imported
// lazily, so that a module that cannot load becomes a message in the element.
let loaded = null;
function derek() {
  loaded ??= import(new URL("./pkg/derek.js", import.meta.url)).then(async (pkg) => {
    await pkg.default();
    return new pkg.Derek();
  });
  return loaded;
}

const STYLE = `
:host { display: block; font: 14px/1.4 system-ui, sans-serif; color: #222; }
.frame { position: relative; width: 100%; aspect-ratio: 16 / 10; min-height: 220px; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
.source { margin: 0.4em 0 0; font-size: 12px; color: #555; }
.error { color: #a00; }
`;
let sheet = null;
function styleSheet() {
  // A constructed stylesheet needs no inline <style>, so a strict CSP allows it.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

const LABELS = {
  fr: { source: "Source : ", line: "l.", failed: "Le graphique n’a pas pu être chargé : " },
  en: { source: "Source: ", line: "line", failed: "The chart could not be loaded: " },
};

class DerekChart extends HTMLElement {
  static observedAttributes = ["series", "lang"];

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styleSheet()];
    const frame = document.createElement("div");
    frame.className = "frame";
    this.canvas = document.createElement("canvas");
    this.canvas.setAttribute("role", "img");
    frame.append(this.canvas);
    this.source = document.createElement("p");
    this.source.className = "source";
    root.append(frame, this.source);
    this.resize = new ResizeObserver(() => this.draw());
  }

  connectedCallback() {
    this.resize.observe(this.canvas);
    this.draw();
  }

  disconnectedCallback() {
    this.resize.disconnect();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.draw();
  }

  get labels() {
    return LABELS[this.getAttribute("lang") === "en" ? "en" : "fr"];
  }

  async draw() {
    const id = this.getAttribute("series") || "domestic_violence_cases";
    const lang = this.getAttribute("lang") === "en" ? "en" : "fr";
    try {
      const app = await derek();
      if (this.canvas.clientWidth === 0) return; // not laid out yet: the observer calls again
      app.draw(this.canvas, id, lang, window.devicePixelRatio || 1);
      this.source.textContent = app.citation(id, lang);
      this.canvas.setAttribute("aria-label", id);
      this.dataset.state = "ready";
    } catch (error) {
      this.source.textContent = this.labels.failed + (error?.message ?? error);
      this.source.classList.add("error");
      this.dataset.state = "error";
      console.error(error);
    }
  }
}

customElements.define("derek-chart", DerekChart);
