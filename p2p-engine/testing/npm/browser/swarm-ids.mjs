// For each case of /cases.json: loads the master playlist with hls.js and p2p-media-loader-hlsjs 2.3 (no media
// element: playlists only), then reads the streams p2p-media-loader registered (index, type, segment ids) and
// derives each stream swarm id and info_hash with p2p-media-loader-core's own functions. POSTs all to /result.
import Hls from "hls.js";
import { HlsJsP2PEngine } from "p2p-media-loader-hlsjs";
import { getStreamSwarmId } from "./node_modules/p2p-media-loader-core/lib/utils/stream.js";
import { getStreamHash } from "./node_modules/p2p-media-loader-core/lib/utils/peer.js";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runCase(c) {
  const engine = new HlsJsP2PEngine({
    core: { announceTrackers: [], ...(c.swarmId !== undefined ? { swarmId: c.swarmId } : {}) },
  });
  const hls = new Hls({ ...engine.getConfigForHlsJs(), enableWorker: false, autoStartLoad: true });
  engine.bindHls(hls);
  const errors = [];
  hls.on(Hls.Events.ERROR, (_e, d) => errors.push(d.details));
  let response = null;
  hls.on(Hls.Events.MANIFEST_LOADED, (_e, d) => {
    response = d.networkDetails?.responseURL ?? d.networkDetails?.url ?? null;
  });
  hls.loadSource(new URL(c.url, location.href).href);
  const core = engine.core;
  const wanted = c.segments ? 1 : 0;
  for (let waited = 0; waited < 5000; waited += 50) {
    const streams = [...core.streams.values()];
    if (streams.length > 0 && streams.filter((s) => s.segments.size > 0).length >= wanted) break;
    await sleep(50);
  }
  await sleep(300);
  const base = c.swarmId ?? core.manifestResponseUrl;
  const streams = [...core.streams.values()].map((s) => {
    const swarm = getStreamSwarmId(base, s);
    return {
      type: s.type, url: s.runtimeId, index: s.index, swarm, hash: getStreamHash(swarm),
      segments: [...s.segments.values()].map((seg) => ({ url: seg.url, id: seg.externalId })),
    };
  });
  const result = { name: c.name, request: new URL(c.url, location.href).href, response, final: core.manifestResponseUrl,
    swarmId: c.swarmId ?? null, streams, errors };
  hls.destroy();
  return result;
}

const cases = await (await fetch("/cases.json")).json();
const results = [];
for (const c of cases) {
  try {
    results.push(await runCase(c));
  } catch (e) {
    results.push({ name: c.name, failure: String(e && e.stack || e) });
  }
}
await fetch("/result", { method: "POST", headers: { "content-type": "application/json" },
  body: JSON.stringify({ userAgent: navigator.userAgent, hlsVersion: Hls.version, results }) });
