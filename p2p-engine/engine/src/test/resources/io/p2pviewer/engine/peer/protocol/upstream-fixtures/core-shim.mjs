// Stands in for the "p2p-media-loader-core" import of p2p-media-loader-hlsjs/lib/segment-manager.js (see
// resolve-core-hook.mjs): the real generateStreamShortId, recording the properties it was given.
import { generateStreamShortId as upstreamShortId } from "./node_modules/p2p-media-loader-core/lib/utils/stream.js";
export const recordedShortIdProps = [];
export function generateStreamShortId(props) {
  recordedShortIdProps.push(props);
  return upstreamShortId(props);
}
