// Prints the test fixtures of io.p2pviewer.engine.peer.protocol and .swarm, computed by the upstream JavaScript
// itself: p2p-media-loader-core / -hlsjs 2.3.1 and hls.js 1.6.16 from npm. Our own script: it only calls the
// installed packages' modules (no upstream code is copied here or into the Java sources).
//
// Regenerate (node 20; this folder holds gen-upstream-fixtures.mjs, resolve-core-hook.mjs, core-shim.mjs):
//   cp -r <this folder> /tmp/upstream-fixtures && cd /tmp/upstream-fixtures
//   npm init -y && npm install --ignore-scripts p2p-media-loader-core@2.3.1 p2p-media-loader-hlsjs@2.3.1 hls.js@1.6.16
//   node gen-upstream-fixtures.mjs
// Set DEBUG_FIXTURES=1 to see hls.js errors.
import { createHash } from "node:crypto";
import Hls, { M3U8Parser, Events } from "hls.js";
import { serializePeerCommand, deserializeCommand, BinaryCommandChunksJoiner }
  from "./node_modules/p2p-media-loader-core/lib/p2p/commands/index.js";
import { serializeInt } from "./node_modules/p2p-media-loader-core/lib/p2p/commands/binary-serialization.js";
import { generateStreamShortId, getStreamSwarmId } from "./node_modules/p2p-media-loader-core/lib/utils/stream.js";
import { getStreamHash } from "./node_modules/p2p-media-loader-core/lib/utils/peer.js";
import { register } from "node:module";
register("./resolve-core-hook.mjs", import.meta.url);
const { SegmentManager } = await import("./node_modules/p2p-media-loader-hlsjs/lib/segment-manager.js");
const { recordedShortIdProps } = await import("./core-shim.mjs");

const hex = (u8) => Buffer.from(u8).toString("hex");
const sha256 = (u8) => createHash("sha256").update(u8).digest("hex");
const MAX = 65535;

console.log("## ints (serializeInt)");
for (const n of [0, 8, 127, 128, 140, 255, 256, 223532, -1, -8, -128, 2147483647, Number.MAX_SAFE_INTEGER]) {
  console.log(`int ${n} ${hex(serializeInt(BigInt(n)))}`);
}

console.log("## commands (serializePeerCommand, maxChunkSize 65535)");
const range = (from, to) => Array.from({ length: to - from }, (_, k) => from + k);
const commands = {
  request_8_52: { c: 1, i: 8, r: 52 },
  request_b: { c: 1, i: 1000, r: 999, b: 65536 },
  request_b0: { c: 1, i: 3, r: 1, b: 0 },
  data: { c: 2, i: 5, r: 7, s: 1234567 },
  data_zero: { c: 2, i: 0, r: 0, s: 0 },
  completed: { c: 3, i: 5, r: 7 },
  absent: { c: 4, i: 300, r: 0 },
  cancel: { c: 5, i: 2 ** 40, r: 999 },
  announce_empty: { c: 0, l: [], p: [] },
  announce_small: { c: 0, l: [1, 2, 3], p: [4] },
  announce_blocks: { c: 0, l: [0, 1, 2, 10, 255, 256, 257, 70000, 9007199254740991], p: [] },
  announce_http_only: { c: 0, l: [], p: [5] },
  announce_full_block_upstream_bug: { c: 0, l: range(0, 256), p: [] },
};
for (const [name, cmd] of Object.entries(commands)) {
  const parts = serializePeerCommand(cmd, MAX);
  console.log(`cmd ${name} ${parts.map(hex).join(" ")}`);
}

console.log("## upstream decodes our split of a full 256-id block (255 + 1 in two groups)");
{
  const body = [0x00, "l".charCodeAt(0), 0x10, 0x02, 0x02, 0x00, 0xff, ...range(0, 255), 0x01, 0x01, 0xff];
  const decoded = deserializeCommand(new Uint8Array(body));
  const ok = decoded.c === 0 && decoded.l.length === 256 && decoded.l.every((v, k) => v === k);
  console.log(`split256 ${hex(new Uint8Array(body))} decodedOk=${ok}`);
}

console.log("## large announcements: l = 255 blocks x ids 0..254; big: p=[1,2] (2 parts), huge: p=l (3 parts)");
const dense = [];
for (let block = 0; block < 255; block++) for (let low = 0; low < 255; low++) dense.push(block * 256 + low);
for (const [name, l, p] of [["big", dense, [1, 2]], ["huge", dense, dense]]) {
  const cmd = { c: 0, l, p };
  const parts = serializePeerCommand(cmd, MAX);
  let joined;
  const joiner = new BinaryCommandChunksJoiner((buf) => { joined = buf; });
  for (const part of parts) joiner.addCommandChunk(part);
  const back = deserializeCommand(joined);
  const ok = back.l.length === l.length && back.l.every((v, k) => v === l[k]) && back.p.join() === p.join();
  for (const part of parts) {
    console.log(`${name}part len=${part.length} head=${hex(part.slice(0, 12))} tail=${hex(part.slice(-8))} sha256=${sha256(part)}`);
  }
  console.log(`${name}roundtrip ${ok}`);
}

console.log("## stream ids through real hls.js parsing + level controller + p2pml SegmentManager");
const masters = {
  stream: `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=992704,AVERAGE-BANDWIDTH=932148,RESOLUTION=640x360,FRAME-RATE=25.000,CODECS="avc1.64001e,mp4a.40.2"
360p/playlist.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2824576,AVERAGE-BANDWIDTH=2705133,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2"
720p/playlist.m3u8
`,
  demo: `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",LANGUAGE="en-US",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/en.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Deutsch 5.1",LANGUAGE="de",CHANNELS="6/JOC",URI="audio/de.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME=" Commentary ",LANGUAGE="und",URI="audio/c.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=2824576,AVERAGE-BANDWIDTH=2705133,RESOLUTION=1280x720,FRAME-RATE=25.000,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aud"
720p.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=640000,RESOLUTION=640x360,CODECS="avc1.66.30,mp4a.40.2",AUDIO="aud"
360p.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=5000000,AVERAGE-BANDWIDTH=4000000,RESOLUTION=1920x1080,FRAME-RATE=29.970,CODECS="hvc1.2.4.L123.B0,mp4a.40.2,avc1.640028",VIDEO-RANGE=PQ,AUDIO="aud"
1080p.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=0,AVERAGE-BANDWIDTH=0,RESOLUTION=320x180,CODECS="avc1.4d400d,mp4a.40.2",AUDIO="aud"
zero.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=0,AVERAGE-BANDWIDTH=96000,CODECS="mp4a.40.2",AUDIO="aud"
audio-only.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=0,RESOLUTION=320x180,CODECS="avc1.4d400d",AUDIO="aud"
nan.m3u8
`,
  groups: `#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a1",NAME="",LANGUAGE="FR-ca",URI="fr.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="zz",NAME="Other",URI="o.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a2",NAME="Stereo",CHANNELS="2",URI="s.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=1000000,FRAME-RATE=24,CODECS="avc1.42e01e,mp4a.40.5,ec-3",AUDIO="a1"
v1.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2000000,CODECS="avc1.42e01e,mp4a.40.2",AUDIO="a2"
v2.m3u8
`,
  edge: `#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="nomatch",NAME="Ünïcode Näme",LANGUAGE="und",CHANNELS="16/JOC",URI="u.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=99999999999999999,RESOLUTION=3840x2160,FRAME-RATE=59.94,CODECS="AVC1.640033,dvh1.05.06,ec-3",VIDEO-RANGE=PQ
uhd.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=300000,CODECS="avc1.77.30, mp4a.40.2",FRAME-RATE=30
low.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=99999999999999999,CODECS="avc1.4d.1f,mp4a.40.2",FRAME-RATE=23.976,VIDEO-RANGE=HLG
weird.m3u8
`,
  unknown: `#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="g",NAME="x",URI="x.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=500000,RESOLUTION=1x1,CODECS="AVC1.640033,mp4a.40.2/foo",AUDIO="g"
a.m3u8
`,
};

for (const [name, text] of Object.entries(masters)) {
  const base = `http://127.0.0.1:18080/${name}/master.m3u8`;
  const parsed = M3U8Parser.parseMasterPlaylist(text, base);
  const media = M3U8Parser.parseMasterPlaylistMedia(text, base, parsed);
  const streams = [];
  recordedShortIdProps.length = 0;
  const hls = new Hls({ debug: false, autoStartLoad: false });
  hls.on(Events.ERROR, (_e, d) => { if (process.env.DEBUG_FIXTURES) console.log("hls error", d.details, d.error?.stack?.slice(0, 400)); });
  // registered after Hls' own controllers, as p2p-media-loader-hlsjs does
  const manager = new SegmentManager({ addStreamIfNoneExists: (s) => streams.push(s) });
  hls.on(Events.MANIFEST_LOADED, (_e, data) => manager.processMainManifest(data));
  try {
    hls.trigger(Events.MANIFEST_LOADED, {
      levels: parsed.levels, audioTracks: media.AUDIO ?? [], subtitles: [], captions: [],
      contentSteering: null, url: base, stats: {}, networkDetails: null, sessionData: null, sessionKeys: null,
      startTimeOffset: null, variableList: null,
    });
  } catch (e) { console.log(`(hls threw after our handler? ${e.message})`); }
  for (const [k, s] of streams.entries()) {
    console.log(`props ${name} ${JSON.stringify(recordedShortIdProps[k])}`);
    const swarm = getStreamSwarmId(base, s);
    console.log(`stream ${name} ${s.type} ${s.runtimeId.replace(base.replace(/master\.m3u8$/, ""), "")} index=${s.index} swarm=${swarm} hash=${getStreamHash(swarm)}`);
  }
  hls.destroy();
}

console.log("## generateStreamShortId direct (no hls.js)");
const direct = [
  { bitrate: 2824576, codecs: "avc1.64001f", width: 1280, height: 720, frameRate: "25.000" },
  { bitrate: 640000, codecs: "avc1.66.30", width: 640, height: 360 },
  { bitrate: 0, codecs: "mp4a.40.2", language: "en", channels: "2", name: "English" },
  { bitrate: 100, codecs: " AVC1.77.30 , avc1.100.40,hvc1.1.6.L93.B0", frameRate: "0", videoRange: " sdr " },
];
for (const p of direct) console.log(`short ${JSON.stringify(p)} ${generateStreamShortId(p)}`);
const checked = "v2-http://127.0.0.1:18080/stream/master.m3u8-main-VNTn7I+DeU6GE+e1w/cUT9pJjmg=";
console.log(`hash ${checked} ${getStreamHash(checked)}`);
