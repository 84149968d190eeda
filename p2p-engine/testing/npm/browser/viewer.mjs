// The browser viewer of the interop tests: plays ?src= with hls.js 1.6 and p2p-media-loader 2.3 (tracker ?tracker=,
// no STUN: iceServers []), and POSTs its state as JSON to ?report= every second:
//   { peerId, infoHashes: [announced info_hash...], segments: [{url, source: "http"|"p2p", peerId, bytes, sha256}],
//     chunksDown: {peerId|"http": bytes}, chunksUp: {peerId: bytes}, peers: [connected peer ids], errors: [...],
//     signals: [{kind: "offer"|"answer", from: peerId, candidates: n}] (offers and answers the tracker relayed to us,
//     with the number of a=candidate lines in their SDP), currentTime }; each segment also has at (seconds since the page
//     started when it arrived), askedAt (when hls.js asked for it) and aheadWhenAsked (its start minus the playhead
//     then: hls.js at the live edge asks for each new segment about two segment durations ahead)
// Optional: ?highDemand=SECONDS (p2p-media-loader's highDemandTimeWindow), ?httpWindow=SECONDS (its
// httpDownloadTimeWindow: how far ahead it fetches, at random, segments no peer has), ?swarmId=ID, ?variant=NAME
// (lock hls.js to the level whose URL has /NAME/ in it, e.g. 360p, so it shares the desktop engine's swarm).
// Needs a secure context for crypto.subtle (start Chromium with --unsafely-treat-insecure-origin-as-secure).
import Hls from "hls.js";
import { HlsJsP2PEngine } from "p2p-media-loader-hlsjs";

const params = new URLSearchParams(location.search);
const state = { peerId: null, infoHashes: [], segments: [], chunksDown: {}, chunksUp: {}, peers: [], errors: [],
  signals: [], currentTime: 0 };
const add = (map, key, n) => { map[key] = (map[key] ?? 0) + n; };

// The tracker client's announces carry our peer id and each swarm's info_hash: record them as sent.
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (data) {
  try {
    const m = typeof data === "string" ? JSON.parse(data) : null;
    if (m && m.action === "announce" && m.peer_id) {
      state.peerId = m.peer_id;
      if (!state.infoHashes.includes(m.info_hash)) state.infoHashes.push(m.info_hash);
    }
  } catch (e) { /* not JSON */ }
  return send.call(this, data);
};
// ... and the tracker relays offers and answers to us: record who sent them and how many ICE candidates their SDP
// carries (browsers and our engine do not trickle: all candidates are in the SDP).
const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage");
Object.defineProperty(WebSocket.prototype, "onmessage", { ...onmessage, set(handler) {
  onmessage.set.call(this, handler && ((event) => {
    try {
      const m = typeof event.data === "string" ? JSON.parse(event.data) : null;
      for (const kind of ["offer", "answer"]) {
        if (m && m[kind] && m.peer_id) {
          const candidates = (String(m[kind].sdp).match(/^a=candidate:/gm) ?? []).length;
          state.signals.push({ kind, from: m.peer_id, candidates });
        }
      }
    } catch (e) { /* not JSON */ }
    return handler.call(this, event);
  }));
} });

const highDemand = params.get("highDemand");
const httpWindow = params.get("httpWindow");
const engine = new HlsJsP2PEngine({
  core: {
    announceTrackers: [params.get("tracker")],
    rtcConfig: { iceServers: [] },
    ...(highDemand ? { highDemandTimeWindow: Number(highDemand) } : {}),
    ...(httpWindow ? { httpDownloadTimeWindow: Number(httpWindow) } : {}),
    ...(params.get("swarmId") ? { swarmId: params.get("swarmId") } : {}),
  },
});
const loaded = new Map(); // segment URL -> {source, peerId}
engine.addEventListener("onSegmentLoaded", (d) => {
  loaded.set(d.segmentUrl, { source: d.downloadSource, peerId: d.peerId ?? null });
});
engine.addEventListener("onChunkDownloaded", (n, source, peerId) => add(state.chunksDown, peerId ?? source, n));
engine.addEventListener("onChunkUploaded", (n, peerId) => add(state.chunksUp, peerId, n));
engine.addEventListener("onPeerConnect", (d) => { if (!state.peers.includes(d.peerId)) state.peers.push(d.peerId); });
engine.addEventListener("onSegmentError", (d) => state.errors.push("segment " + (d.error?.type ?? d.error)));
engine.addEventListener("onTrackerError", (d) => state.errors.push("tracker " + String(d.error)));

// Hash every fragment hls.js receives (through p2p-media-loader's loader) before hls.js demuxes it.
const { fLoader, pLoader } = engine.getConfigForHlsJs();
class HashingFragmentLoader extends fLoader {
  load(context, config, callbacks) {
    const onSuccess = callbacks.onSuccess;
    const asked = { at: performance.now() / 1000, ahead: (context.frag?.start ?? 0) - document.getElementById("video").currentTime };
    super.load(context, config, { ...callbacks, onSuccess: (response, stats, ctx, details) => {
      const url = ctx.url;
      const bytes = response.data.byteLength;
      const digest = crypto.subtle.digest("SHA-256", response.data); // copies the bytes now
      digest.then((d) => {
        const sha256 = [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
        const from = loaded.get(url) ?? { source: "unknown", peerId: null };
        state.segments.push({ url, source: from.source, peerId: from.peerId, bytes, sha256,
          at: performance.now() / 1000, askedAt: asked.at, aheadWhenAsked: asked.ahead });
      });
      onSuccess(response, stats, ctx, details);
    } });
  }
}
const hls = new Hls({ fLoader: HashingFragmentLoader, pLoader, enableWorker: false });
engine.bindHls(hls);
hls.on(Hls.Events.MANIFEST_PARSED, () => {
  const variant = params.get("variant");
  const index = variant ? hls.levels.findIndex((l) => String(Array.isArray(l.url) ? l.url[0] : l.url).includes("/" + variant + "/")) : -1;
  if (index >= 0) hls.currentLevel = index;
});
hls.on(Hls.Events.ERROR, (_e, d) => { if (d.fatal) state.errors.push("hls fatal " + d.details); });
const video = document.getElementById("video");
hls.attachMedia(video);
hls.loadSource(params.get("src"));
video.play().catch(() => {});

setInterval(() => {
  state.currentTime = video.currentTime;
  fetch(params.get("report"), { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify(state) }).catch(() => {});
}, 1000);
