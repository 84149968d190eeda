// Regenerates p2p-engine/engine/src/test/resources/io/p2pviewer/engine/peer/swarm/browser-swarm-ids.txt: the swarm ids
// hls.js + p2p-media-loader 2.3 compute in headless Chromium for the master playlists under
// ../../../engine/src/test/resources/io/p2pviewer/engine/peer/swarm/browser-fixtures/ (see swarm-ids.mjs). Our own script: it only
// drives the installed packages (no upstream code is copied).
//
// Regenerate (Debian's chromium, node 20; from p2p-engine/testing/npm/browser):
//   npm ci --ignore-scripts && node gen-swarm-id-fixtures.mjs > ../../../engine/src/test/resources/io/p2pviewer/engine/peer/swarm/browser-swarm-ids.txt
import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, normalize, extname } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = normalize(join(HERE, "../../../engine/src/test/resources/io/p2pviewer/engine/peer/swarm/browser-fixtures"));
const PORT = 18080;
const CASES = [
  { name: "variants", url: "/variants/master.m3u8" },
  { name: "audio", url: "/audio/master.m3u8" },
  { name: "live", url: "/live/master.m3u8?token=t1", segments: true },
  { name: "vod", url: "/vod/master.m3u8?token=t1", segments: true },
  { name: "override", url: "/variants/master.m3u8", swarmId: "p2pviewer-test-swarm" },
  // /moved/ answers 302 to /redirected/ (the variants playlist): the base is the final URL without its query
  { name: "redirect", url: "/moved/master.m3u8?token=abc" },
];
// A media playlist for the variants the fixtures do not list one for (only the first level hls.js picks is loaded)
const GENERIC_VOD = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n"
  + "#EXTINF:2.0,\na.ts\n#EXTINF:2.0,\nb.ts\n#EXT-X-ENDLIST\n";
const TYPES = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json",
  ".m3u8": "application/vnd.apple.mpegurl" };

let chromium;
let profile;
const done = new Promise((resolve) => {
  const server = createServer((req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${PORT}`);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
      res.end(body);
    };
    if (req.method === "POST" && url.pathname === "/result") {
      let body = "";
      req.on("data", (d) => { body += d; });
      req.on("end", () => { send(204, "text/plain", ""); server.close(); resolve(JSON.parse(body)); });
      return;
    }
    if (url.pathname === "/cases.json") return send(200, TYPES[".json"], JSON.stringify(CASES));
    if (url.pathname.startsWith("/moved/")) {
      return send(302, "text/plain", "", { location: "/redirected/" + url.pathname.slice(7) + "?session=42" });
    }
    let file;
    if (url.pathname.startsWith("/browser/")) file = join(HERE, url.pathname.slice(9));
    else if (url.pathname.startsWith("/redirected/")) file = join(FIXTURES, "variants", url.pathname.slice(12));
    else file = join(FIXTURES, url.pathname);
    file = normalize(file);
    if (!file.startsWith(HERE) && !file.startsWith(FIXTURES)) return send(403, "text/plain", "no");
    if (existsSync(file) && statSync(file).isFile()) {
      return send(200, TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file));
    }
    if (file.endsWith(".m3u8")) return send(200, TYPES[".m3u8"], GENERIC_VOD);
    return send(404, "text/plain", "not found");
  });
  server.listen(PORT, "127.0.0.1", () => {
    profile = mkdtempSync(join(tmpdir(), "swarm-ids-chromium-"));
    chromium = spawn("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      `--user-data-dir=${profile}`, `http://127.0.0.1:${PORT}/browser/index.html?run=swarm-ids`], { stdio: "ignore" });
  });
});
const timer = setTimeout(() => { console.error("no result from chromium in 60 s"); chromium?.kill(); process.exit(1); },
  60000);
const out = await done;
clearTimeout(timer);
const exited = new Promise((resolve) => chromium.on("exit", resolve));
chromium.kill();
await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
rmSync(profile, { recursive: true, force: true });

const lines = [
  "# Swarm ids computed by hls.js " + out.hlsVersion + " + p2p-media-loader-core/-hlsjs 2.3.1 in headless Chromium",
  "# (" + out.userAgent + ").",
  "# Regenerate: cd p2p-engine/testing/npm/browser && npm ci --ignore-scripts && node gen-swarm-id-fixtures.mjs \\",
  "#   > ../../../engine/src/test/resources/io/p2pviewer/engine/peer/swarm/browser-swarm-ids.txt",
  "# case NAME request=URL response=URL final=URL swarmId=ID|-",
  "#   (response: the master URL after redirects as hls.js saw it; final: p2p-media-loader's base URL)",
  "# stream NAME TYPE URL index=... swarm=... hash=...",
  "# segment NAME STREAM-URL SEGMENT-URL id=...",
];
let failed = false;
for (const r of out.results) {
  if (r.failure) { console.error(`case ${r.name} failed: ${r.failure}`); failed = true; continue; }
  if (r.streams.length === 0) { console.error(`case ${r.name}: no streams (errors ${r.errors})`); failed = true; }
  lines.push(`case ${r.name} request=${r.request} response=${r.response} final=${r.final} swarmId=${r.swarmId ?? "-"}`);
  for (const s of r.streams) lines.push(`stream ${r.name} ${s.type} ${s.url} index=${s.index} swarm=${s.swarm} hash=${s.hash}`);
  if (!CASES.find((c) => c.name === r.name).segments) continue;
  for (const s of r.streams) for (const seg of s.segments) lines.push(`segment ${r.name} ${s.url} ${seg.url} id=${seg.id}`);
}
console.log(lines.join("\n"));
process.exit(failed ? 1 : 0);
