// Small DOM helpers shared by the elements: building elements (text only, never
// HTML), downloads, constructed stylesheets (no inline <style>: a strict CSP holds),
// and the base style of every element.

// A tiny element builder: properties, attributes ("aria-*", "data-*", role…) and text.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.includes("-") || key === "role" || key === "for") el.setAttribute(key, value);
    else el[key] = value;
  }
  el.append(...children.filter((c) => c != null));
  return el;
}
// Text cut into plain and <mark> pieces, as text nodes only.
export const segments = (list) => list.map((s) => (s.mark ? h("mark", { textContent: s.text }) : document.createTextNode(s.text)));

export function download(name, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Copies a link to the clipboard and shows it in `note` (the reader can select it
// there when the browser refuses the clipboard).
export async function copyLink(url, note, t) {
  note.hidden = false;
  note.textContent = `${t.link_copied} ${url}`;
  note.dataset.link = url;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    note.textContent = url;
  }
}

const sheets = new Map();
export function sheet(css) {
  // Constructed stylesheets need no inline <style>: allowed under a strict CSP.
  if (!sheets.has(css)) {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    sheets.set(css, s);
  }
  return sheets.get(css);
}

export const BASE_CSS = `
:host { display: block; contain: content; }
.root { --bg: #fff; --ink: #1a1a1a; --muted: #595959; --line: #d0d0d0; --accent: #005a8c; --panel: #f4f5f6;
  --mark: #ffe08a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  background: var(--bg); text-align: left; letter-spacing: normal; box-sizing: border-box; }
.root.dark { --bg: #121417; --ink: #ececec; --muted: #aaaaaa; --line: #3a3f46; --accent: #7cc4ee; --panel: #1d2126; --mark: #ffe08a; }
.root * { box-sizing: border-box; }
button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px;
  padding: 4px 10px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible, input:focus-visible, canvas:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
mark { background: var(--mark); color: #1a1a1a; border-radius: 2px; padding: 0 1px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.error { color: #b00020; }
.root.dark .error { color: #ff8a80; }
`;
