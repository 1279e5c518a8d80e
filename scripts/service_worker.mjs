// Writes the site's service worker, SITE/sw.js, with Workbox's generateSW (workbox-build, pinned
// in package.json): no caching code of our own. hooks/site.py runs this after the build has
// copied the runtime in (README, "Offline and repeat visits").
//
//     node scripts/service_worker.mjs SITE
//
// What it precaches: every page, the styles and scripts the pages load, Material's search index,
// and the calculators' runtime (PyScript's core and the chunks it loads, Pyodide, the standard
// library in its two zips and sendrules.zip). Not: source maps, Material's search languages other
// than English, and PyScript's editor, terminal and MicroPython chunks, which no page of ours loads.
//
// Files whose names carry a hash of their content (Material's and PyScript's bundles, sendrules'
// zip, the rest of the standard library) are listed without a revision: the worker may take them
// from the HTTP cache, where the page has just put them, and a new deploy's copy has a new name.
//
// Update policy. Each file has a revision (a hash of its content). A new deploy gives a new sw.js;
// the browser finds it at the reader's next visit, and the new worker fetches, in the background,
// only the files whose revision changed. It takes over once every tab of the site is closed (no
// skipWaiting: a page never mixes two deploys' files), and then drops the files the new deploy
// no longer has. The three large runtime files (RUNTIME) are named by their content instead:
// they are listed without a revision, with a subresource integrity hash, and the cache's name
// carries a hash of the three, so that a new runtime goes into a new cache and the old cache is
// deleted whole when the new worker takes over (cleanupOutdatedCaches). Without a revision, the
// worker's own fetch may be answered from the browser's HTTP cache, where the page has just put
// them, so the first visit does not download 6 MB twice; the integrity hash refuses a stale copy.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSW } from "workbox-build";

const [site] = process.argv.slice(2);
if (!site) {
  console.error("usage: node scripts/service_worker.mjs SITE");
  process.exit(2);
}

const RUNTIME = ["assets/pyodide/pyodide.asm.wasm", "assets/pyodide/pyodide.asm.mjs", "assets/pyodide/python_stdlib.zip"];
const digest = (algorithm, path) => createHash(algorithm).update(readFileSync(join(site, path))).digest("base64");
const runtimeKey = createHash("sha256")
  .update(RUNTIME.map((path) => digest("sha256", path)).join())
  .digest("hex")
  .slice(0, 12);

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  swDest: join(site, "sw.js"),
  globPatterns: [
    "**/*.html",
    "sitemap.xml",
    "search/search_index.json",
    "assets/css/*.css",
    "assets/stylesheets/*.css",
    "assets/images/*",
    "assets/javascripts/bundle.*.js",
    "assets/javascripts/workers/*.js",
    "assets/js/*.js",
    "assets/py/*",
    "assets/pyodide/*",
    "assets/pyscript/*.js",
  ],
  // PyScript's chunks for what the calculators do not use: its editor, terminal, game canvas,
  // donkey, deprecation notices (left out by the <py-config> calculators.js writes), TOML, zip
  // and MicroPython.
  globIgnores: [
    "**/*.map",
    "assets/pyscript/{codemirror,xterm,zip,toml,mpy,pyodide_graph}*",
    "assets/pyscript/{deprecations-manager,donkey,py-editor,py-game,py-terminal}-*",
  ],
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // Material's and PyScript's bundles, sendrules' zip and the rest of the standard library
  // (hooks/site.py, RULES_ZIP and STDLIB_REST_ZIP) carry a content hash in their names: the worker
  // fetches them without bypassing the HTTP cache, so a zip the page has just downloaded is not
  // downloaded again.
  dontCacheBustURLsMatching: /^assets\/(javascripts\/.+\.[0-9a-f]{8}\.min\.js|stylesheets\/.+\.[0-9a-f]{8}\.min\.css|pyscript\/.+-[\w-]{8}\.js|py\/sendrules\.[0-9a-f]{10}\.zip|pyodide\/python_stdlib_rest\.[0-9a-f]{10}\.zip)$/,
  manifestTransforms: [
    async (entries) => ({
      manifest: entries.map((entry) =>
        RUNTIME.includes(entry.url)
          ? { ...entry, revision: null, integrity: `sha384-${digest("sha384", entry.url)}` }
          : entry,
      ),
      warnings: [],
    }),
  ],
  cacheId: `send-appeal-guide-${runtimeKey}`,
  cleanupOutdatedCaches: true,
  clientsClaim: true, // the first visit's page, once the worker is installed; later deploys wait
  // A calculator's answer lives in the address (?calculator=...): offline it is the same page.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: "index.html",
  inlineWorkboxRuntime: true, // one same-origin file, sw.js
  mode: "production",
  sourcemap: false,
});
for (const warning of warnings) console.error(`service worker: ${warning}`);
if (!RUNTIME.every((path) => readFileSync(join(site, "sw.js"), "utf8").includes(path))) {
  console.error("service worker: the runtime is missing from the precache list");
  process.exit(1);
}
console.error(`service worker: ${count} files, ${(size / 1e6).toFixed(1)} MB, cache ${runtimeKey}`);
