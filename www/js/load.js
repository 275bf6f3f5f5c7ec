// Loads the wasm module once per page: every element shares one module and one
// parsed corpus.
//
// The download and compilation start as soon as derek-element.js runs (or this
// module, for a page without it), while the page is still being parsed and laid
// out (index.html and the embed snippet also preload the wasm, so the fetch is
// usually under way already). A chart's first drawing then needs only a glance at
// its series (forChart: the paragraphs that can hold its figures); the whole
// reading (derek: every report, every series, for search, sources and the reader)
// runs when something asks for it. Both run in steps, a few a task, yielding to the
// page in between: no task freezes the host page for long, and later steps run the
// code V8 has optimised meanwhile.

const WASM = new URL("../pkg/derek_bg.wasm", import.meta.url);
// User Timing marks (derek-*) say where start-up spends its time: `cargo xtask bench`
// prints them, and a host page's profiler shows them.
performance.mark("derek-loader");
// derek-element.js started the compilation as soon as it ran; this one is for a page
// that imports the elements without it, or when that one failed (a server that does
// not say application/wasm, say).
const early = globalThis[Symbol.for("derek.wasm")]?.get(WASM.href) ?? Promise.reject(new Error("not started"));
// Compiled while it downloads when the server says application/wasm (as it should);
// otherwise compiled from the bytes.
function compile() {
  performance.mark("derek-fetch");
  return fetch(WASM).then((response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${response.url}`);
    return response.headers.get("Content-Type") === "application/wasm"
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  }).then((module) => {
    performance.mark("derek-compiled");
    return module;
  });
}
const compiled = early.catch(compile);
// Imported lazily, so that a module that cannot load becomes a message, not a blank.
const glue = import(new URL("../pkg/derek.js", import.meta.url));
// A failure is reported when an element asks for the module, not as an unhandled rejection.
compiled.catch(() => {});
glue.catch(() => {});

// Gives the page a turn between start-up steps (input, rendering, other scripts),
// and between the end of start-up and the elements' first drawing.
// A task posted like any other (MessageChannel), not `scheduler.yield()`, whose
// continuation goes before the page's other tasks: the page's modules and its
// IndexedDB answers then waited for the end of start-up (measured: the explorer's
// panels arrived 380 ms after they were asked for, all of it behind start-up).
export function yieldToPage() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });
}

// The same turn, but resumed before the page's other queued tasks where the browser
// can (`scheduler.yield()`): for the step to the first chart, which the page waits
// for. A posted task there let queued work go first (the explorer's first chart came
// 50-100 ms after the explorer was built instead of about 50).
export function yieldThenDraw() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : yieldToPage();
}

// Main-thread milliseconds a task of start-up (a glance's, or the whole reading's)
// may spend in steps: a task takes another step only while the time spent plus the
// last step's stays under it (a step takes 1-15 ms here, up to 32 ms with the CPU
// slowed 4x), so that no task runs over 50 ms.
const STEP_BUDGET = 30;

// Runs `step` (true while work is left) a few times in this task; true while work
// is left.
function steps(step) {
  const start = performance.now();
  for (;;) {
    const began = performance.now();
    if (!timed(step)) return false;
    const now = performance.now();
    if (now - start + (now - began) >= STEP_BUDGET) return true;
  }
}

// Each step's main-thread time is a "derek-step" measure.
function timed(work) {
  const start = performance.now();
  const result = work();
  performance.measure("derek-step", { start });
  return result;
}

// The module instantiated and its start-up created, nothing read yet.
let starting = null;
function instantiate() {
  starting ??= Promise.all([glue, compiled]).then(async ([pkg, module]) => {
    await pkg.default({ module_or_path: module });
    performance.mark("derek-instantiated");
    return timed(() => new pkg.Startup());
  });
  return starting;
}

// Set once start-up's last step began: its object is then consumed.
let finishing = false;
// The whole start-up's result, once there.
let whole = null;
// Every report read and every series built, if start-up is done; else null.
export function started() {
  return whole;
}
// Glances under way (forChart): the whole reading lets them go first.
let glancing = 0;
let loaded = null;
// Every report read, every series built: what search, the reader, tables and
// sources need. Its steps run a few a task (see STEP_BUDGET), yielding between.
export function derek() {
  loaded ??= instantiate().then(async (startup) => {
    // A chart's glance, asked for meanwhile, goes first, and its drawing (a task
    // after it): the whole reading waits for them.
    do await yieldToPage();
    while (glancing > 0);
    await yieldToPage();
    performance.mark("derek-reading");
    while (steps(() => !startup.step())) await yieldToPage();
    finishing = true;
    const app = timed(() => startup.finish());
    whole = app;
    performance.mark("derek-started");
    // The elements draw in a task of their own: start-up's last step and a first
    // chart in one task made a task over 50 ms.
    await yieldThenDraw();
    return app;
  });
  return loaded;
}

// What draws series `id` soonest, a SeriesView: before start-up ends, a glance at
// it (the one series, read from the paragraphs that can hold its figures: a
// median of 1.7 % of the reports' text); after, or for an id the catalogue does
// not have (an added report's, an automatic one), the whole reading's view of it.
// For an id no series has, the whole reading itself (its closestIds say which).
export async function forChart(id) {
  // Counted while under way only: the whole reading waits for none once a glance
  // has given way to it (an id no glance knows would otherwise wait for itself).
  glancing += 1;
  let glanced = null;
  try {
    glanced = await glance(id);
  } finally {
    glancing -= 1;
  }
  return glanced ?? derek().then((whole) => whole.view(id) ?? whole);
}

// A glance at series `id`, or null when start-up is done or no glance knows it.
async function glance(id) {
  const startup = await instantiate();
  // Pieces (a report read, one report's paragraphs picked, a slice of them read),
  // a few a task (see STEP_BUDGET), resumed before the page's other tasks: the page
  // waits for this chart.
  while (!finishing && steps(() => startup.prepare(id))) await yieldThenDraw();
  if (finishing) return null;
  const glanced = timed(() => startup.glance(id));
  if (!glanced) return null;
  // Which series the page glanced at, in order (`cargo xtask test` checks them).
  performance.mark("derek-glance", { detail: id });
  return glanced;
}

// The folder Derek is served from (the parent of js/): embed snippets point here.
export const HERE = new URL("..", import.meta.url).href;
