// Module resolve hook for gen-upstream-fixtures.mjs: maps the bare "p2p-media-loader-core" import of
// p2p-media-loader-hlsjs/lib/segment-manager.js to core-shim.mjs (the package's index pulls in
// browser-only dependencies that do not load in node).
export async function resolve(specifier, context, next) {
  if (specifier === "p2p-media-loader-core") {
    return next(new URL("./core-shim.mjs", import.meta.url).href, context);
  }
  return next(specifier, context);
}
