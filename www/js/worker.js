// The Web Worker that reads a report a reader brings, so that the page never
// freezes: the text of a .txt, .pdf (pdf.js, loaded only for a PDF) or .docx (a
// zip, unpacked with the browser's DecompressionStream), then Derek's reading of
// it (paragraphs, figures, reference year, automatic series).
//
// Messages in: { text } or { file: ArrayBuffer, name, kind: "txt"|"pdf"|"docx" },
// with referenceYear (a number, or null to read it from the cover).
// Messages out: { progress: { stage, done, total } }, then { done: { text, summary } }
// or { error: "code" or "code:detail" } (the page says it in the reader's
// language). Nothing leaves the page: every module is loaded from Derek's own folder.

let wasm = null;
let exports = null;
async function derek() {
  wasm ??= import(new URL("../pkg/derek.js", import.meta.url)).then(async (pkg) => {
    exports = await pkg.default({ module_or_path: new URL("../pkg/derek_bg.wasm", import.meta.url) });
    return pkg;
  });
  return wasm;
}

// The worker's memory, for the figures in the README: the JS heap's peak (pdf.js),
// sampled at every page, and the wasm's linear memory (which only grows).
let jsPeak = 0;
const sample = () => (jsPeak = Math.max(jsPeak, performance.memory?.usedJSHeapSize ?? 0));

// Tagged: pdf.js's worker code, imported here, posts messages of its own.
const send = (message) => postMessage({ derek: true, ...message });
const progress = (stage, done, total) => {
  sample();
  send({ progress: { stage, done, total } });
};

// Errors a reader can act on.
class Unreadable extends Error {}

function textOf(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Old Windows exports: Latin-1 / windows-1252 decodes any byte.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

// PDF: pdf.js runs here, in this worker (its own worker code imported as a
// module, so it needs no second worker and no eval).
async function pdfText(data) {
  const pdfjs = await import(new URL("../vendor/pdfjs/pdf.min.mjs", import.meta.url));
  globalThis.pdfjsWorker ??= await import(new URL("../vendor/pdfjs/pdf.worker.min.mjs", import.meta.url));
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWorkerFetch: false, stopAtErrors: false }).promise;
  } catch (error) {
    if (error?.name === "PasswordException") throw new Unreadable("encrypted");
    if (error?.name === "InvalidPDFException") throw new Unreadable("notPdf");
    throw error;
  }
  const pages = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = pageText(content.items);
    chars += text.replace(/\s/g, "").length;
    pages.push(text);
    page.cleanup();
    progress("pages", n, doc.numPages);
  }
  await doc.destroy();
  // A scan has images, not text: a few stray characters a page at most.
  if (chars < 40 * pages.length) throw new Unreadable("scanned");
  return pages.join("\n\n");
}

// A page's text items as lines: a new line where the baseline moves, a blank line
// where the gap is wider than a line (a new paragraph).
function pageText(items) {
  let out = "";
  let lastY = null;
  let lastHeight = 0;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const y = item.transform[5];
    const height = item.height || Math.abs(item.transform[3]) || 10;
    if (lastY !== null && Math.abs(y - lastY) > Math.max(height, lastHeight) * 0.5) {
      if (!out.endsWith("\n")) out += "\n";
      if (lastY - y > Math.max(height, lastHeight) * 1.8) out += "\n";
    }
    out += item.str;
    if (item.hasEOL && !out.endsWith("\n")) out += "\n";
    if (item.str.trim() !== "") {
      lastY = y;
      lastHeight = height;
    }
  }
  return out;
}

// .docx: word/document.xml out of the zip, one line per paragraph (a table cell is
// a paragraph: tables come out one cell a line, as Derek's table reader expects).
async function docxText(buffer) {
  const xml = new TextDecoder().decode(await unzip(buffer, "word/document.xml"));
  const lines = [];
  for (const part of xml.split("</w:p>")) {
    let line = "";
    for (const m of part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\/>/g)) {
      line += m[1] !== undefined ? m[1] : m[2] === "tab" ? "\t" : "\n";
    }
    lines.push(decodeXml(line));
  }
  return lines.join("\n");
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (s) =>
  s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e) =>
    e[0] === "#" ? String.fromCodePoint(parseInt(e[1] === "x" ? e.slice(2) : e.slice(1), e[1] === "x" ? 16 : 10)) : ENTITIES[e] ?? all,
  );

// One file out of a zip: the central directory gives its place, its method
// (0 stored, 8 deflate) and sizes.
async function unzip(buffer, wanted) {
  const view = new DataView(buffer);
  let end = -1;
  for (let i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 65_600); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Unreadable("notDocx");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= buffer.byteLength; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(new Uint8Array(buffer, at + 46, nameLength));
    if (name === wanted) {
      if (view.getUint32(local, true) !== 0x04034b50) throw new Unreadable("notDocx");
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = new Uint8Array(buffer, start, size);
      if (method === 0) return data;
      if (method !== 8) throw new Unreadable("notDocx");
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
    at += 46 + skip;
  }
  throw new Unreadable("notDocx");
}

onmessage = async ({ data }) => {
  if (!data?.derek) return;
  jsPeak = 0;
  try {
    let text = data.text;
    if (text === undefined) {
      progress("file", 0, 1);
      if (data.kind === "pdf") text = await pdfText(data.file);
      else if (data.kind === "docx") text = await docxText(data.file);
      else if (new Uint8Array(data.file).includes(0)) throw new Unreadable("binary");
      else text = textOf(data.file);
    }
    progress("reading", 0, 1);
    const pkg = await derek();
    let summary;
    try {
      summary = pkg.readReport(data.name, text, data.referenceYear ?? undefined);
    } catch (error) {
      // Derek's own reasons carry a code the page says in the reader's language.
      throw new Unreadable(error?.code ? `${error.code}:${error.n ?? ""}` : "notReport:" + (error?.message ?? error));
    }
    progress("reading", 1, 1);
    const memory = { jsPeak, wasm: exports?.memory?.buffer.byteLength ?? 0 };
    send({ done: { text, summary, memory } });
  } catch (error) {
    send({ error: error instanceof Unreadable ? error.message : "failed:" + (error?.message ?? error) });
  }
};
