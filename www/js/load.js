// Loads the wasm module once per page: every element shares one module and one
// parsed corpus.

let loaded = null;
export function derek() {
  // Imported lazily, so that a module that cannot load becomes a message, not a blank.
  loaded ??= import(new URL("../pkg/derek.js", import.meta.url)).then(async (pkg) => {
    await pkg.default({ module_or_path: new URL("../pkg/derek_bg.wasm", import.meta.url) });
    return new pkg.Derek();
  });
  return loaded;
}
// The folder Derek is served from (the parent of js/): embed snippets point here.
export const HERE = new URL("..", import.meta.url).href;
