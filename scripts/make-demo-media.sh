#!/usr/bin/env bash
# Generates the demo origin's media: a 20-second synthetic clip in two variants.
#
# Output (default: p2p-engine/demo-origin/src/main/resources/io/p2pviewer/demo/media, or $1):
#   <variant>/seg-000.ts .. seg-009.ts   clear MPEG-TS, exactly 2 s each (50 frames at 25 fps),
#                                        a keyframe (IDR, closed GOP) at the start of every segment
#   clip.json                            the manifest the demo origin reads (variants, codecs,
#                                        bandwidths, per-segment durations and sizes)
#
# Variants: 360p = 640x360 ~800 kbps video, 720p = 1280x720 ~2.5 Mbps video; both H.264 High
# (x264 with nal-hrd=cbr so the bitrate is real), AAC-LC 48 kHz ~64 kbps sine tone.
# Content: ffmpeg's testsrc2 pattern with a label (variant, segment number, clip time) when a
# font is available; without a font the label is skipped (nothing is downloaded).
#
# Bandwidths in clip.json are those of the segments as the origin serves them: AES-128-CBC with
# PKCS7 padding, i.e. (size / 16 + 1) * 16 bytes. BANDWIDTH is the peak segment bitrate,
# AVERAGE-BANDWIDTH the mean over the clip, both in bits per second, rounded up.
#
# Re-runnable: each run replaces the variant directories and clip.json. x264 runs single-threaded
# (its threaded rate control is not deterministic), so with the same ffmpeg
# build the output is byte-identical from run to run.
# Requires: ffmpeg (libx264, aac, lavfi, hls muxer), ffprobe, awk.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="${1:-$REPO_ROOT/p2p-engine/demo-origin/src/main/resources/io/p2pviewer/demo/media}"

FPS=25
SEGMENT_SECONDS=2
SEGMENT_COUNT=10
CLIP_SECONDS=$((SEGMENT_SECONDS * SEGMENT_COUNT))
GOP=$((FPS * SEGMENT_SECONDS))
AUDIO_CODEC_TAG="mp4a.40.2"   # AAC-LC

# name width height video-bitrate(kbit/s) h264-level
VARIANTS=(
  "360p 640 360 800 3.0"
  "720p 1280 720 2500 3.1"
)

for tool in ffmpeg ffprobe awk; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

FONT_FILE=""
if command -v fc-match >/dev/null; then
  candidate="$(fc-match -f '%{file}' 'DejaVu Sans:bold' 2>/dev/null || true)"
  [[ -n "$candidate" && -f "$candidate" ]] && FONT_FILE="$candidate"
fi
if [[ -z "$FONT_FILE" ]]; then
  echo "note: no font found, the variant label is skipped" >&2
fi

mkdir -p "$OUT_DIR"
WORK_DIR="$(mktemp -d)"
trap 'rm -rf "$WORK_DIR"' EXIT

# Maps ffprobe's H.264 profile name and level to the RFC 6381 avc1 codec string.
avc1_codec() {
  local profile="$1" level="$2" profile_idc
  case "$profile" in
    Main) profile_idc="4d" ;;
    High) profile_idc="64" ;;
    *) echo "error: unexpected H.264 profile '$profile'" >&2; return 1 ;;
  esac
  printf 'avc1.%s00%02x' "$profile_idc" "$level"
}

variant_json=()
summary=()
for spec in "${VARIANTS[@]}"; do
  read -r name width height kbps level <<<"$spec"
  tmp="$WORK_DIR/$name"
  mkdir -p "$tmp"

  video_filter="format=yuv420p"
  if [[ -n "$FONT_FILE" ]]; then
    font_size=$((height / 12))
    label="${name}  seg %{eif\\:trunc(t/${SEGMENT_SECONDS})\\:d}  %{pts\\:hms}"
    video_filter="drawtext=fontfile=${FONT_FILE}:text='${label}':fontsize=${font_size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=(w-text_w)/2:y=h-text_h-${font_size},${video_filter}"
  fi

  ffmpeg -hide_banner -nostdin -loglevel error -y \
    -f lavfi -i "testsrc2=size=${width}x${height}:rate=${FPS}:duration=${CLIP_SECONDS}" \
    -f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=48000:duration=${CLIP_SECONDS}" \
    -map 0:v -map 1:a \
    -vf "$video_filter" \
    -c:v libx264 -threads:v 1 -preset veryfast -tune zerolatency -profile:v high -level:v "$level" \
    -b:v "${kbps}k" -maxrate "${kbps}k" -bufsize "${kbps}k" \
    -g "$GOP" -keyint_min "$GOP" -sc_threshold 0 -bf 0 \
    -force_key_frames "expr:eq(mod(n,${GOP}),0)" \
    -x264-params "nal-hrd=cbr:force-cfr=1:scenecut=0:open-gop=0" \
    -c:a aac -b:a 64k -ar 48000 -ac 2 \
    -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    -f hls -hls_time "$SEGMENT_SECONDS" -hls_list_size 0 -hls_playlist_type vod \
    -hls_segment_type mpegts -hls_segment_filename "$tmp/seg-%03d.ts" "$tmp/index.m3u8"
  rm -f "$tmp/index.m3u8"

  produced=$(find "$tmp" -name 'seg-*.ts' | wc -l)
  if [[ "$produced" -ne "$SEGMENT_COUNT" ]]; then
    echo "error: $name produced $produced segments, expected $SEGMENT_COUNT" >&2; exit 1
  fi

  { read -r profile; read -r level_idc; } < <(ffprobe -v error -select_streams v:0 \
    -show_entries stream=profile,level -of default=noprint_wrappers=1:nokey=1 "$tmp/seg-000.ts")
  codecs="$(avc1_codec "$profile" "$level_idc"),${AUDIO_CODEC_TAG}"

  segments_json=()
  peak_bps=0
  total_bits=0
  total_ms=0
  video_bytes=0
  for ((i = 0; i < SEGMENT_COUNT; i++)); do
    file="$(printf 'seg-%03d.ts' "$i")"
    path="$tmp/$file"
    # Video packet flags, one line per frame: "K__" for keyframes.
    flags="$(ffprobe -v error -select_streams v:0 -show_entries packet=flags -of csv=p=0 "$path")"
    frames=$(grep -c . <<<"$flags")
    keyframes=$(grep -c '^K' <<<"$flags" || true)
    if [[ "$frames" -ne "$GOP" || "$keyframes" -ne 1 || "$(head -n1 <<<"$flags")" != K* ]]; then
      echo "error: $name/$file has $frames frames and $keyframes keyframes (want $GOP and 1, first)" >&2
      exit 1
    fi
    seg_video_bytes=$(ffprobe -v error -select_streams v:0 -show_entries packet=size -of csv=p=0 "$path" \
      | awk '{ s += $1 } END { print s }')
    video_bytes=$((video_bytes + seg_video_bytes))
    bytes=$(stat -c %s "$path")
    encrypted_bytes=$(((bytes / 16 + 1) * 16))
    duration_ms=$((frames * 1000 / FPS))
    seg_bps=$(((encrypted_bytes * 8 * 1000 + duration_ms - 1) / duration_ms))
    ((seg_bps > peak_bps)) && peak_bps=$seg_bps
    total_bits=$((total_bits + encrypted_bytes * 8))
    total_ms=$((total_ms + duration_ms))
    duration="$(awk -v ms="$duration_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    segments_json+=("      { \"file\": \"$file\", \"duration\": $duration, \"bytes\": $bytes }")
  done
  average_bps=$(((total_bits * 1000 + total_ms - 1) / total_ms))

  rm -rf "${OUT_DIR:?}/$name"
  mv "$tmp" "$OUT_DIR/$name"

  segments_joined="$(printf '%s,\n' "${segments_json[@]}")"
  variant_json+=("$(cat <<EOF
    {
      "name": "$name",
      "width": $width,
      "height": $height,
      "frameRate": $FPS,
      "bandwidth": $peak_bps,
      "averageBandwidth": $average_bps,
      "codecs": "$codecs",
      "segmentCount": $SEGMENT_COUNT,
      "segments": [
${segments_joined%,}
      ]
    }
EOF
)")
  total_bytes=$(du -cb "$OUT_DIR/$name"/seg-*.ts | tail -n1 | cut -f1)
  summary+=("$(printf '%-5s %9d bytes  total %5d kbit/s  video payload %5d kbit/s  peak(enc) %5d kbit/s  %s' \
    "$name" "$total_bytes" $((total_bytes * 8 / CLIP_SECONDS / 1000)) \
    $((video_bytes * 8 / CLIP_SECONDS / 1000)) $((peak_bps / 1000)) "$codecs")")
done

variants_joined="$(printf '%s,\n' "${variant_json[@]}")"
cat >"$OUT_DIR/clip.json" <<EOF
{
  "description": "Synthetic demo clip made by scripts/make-demo-media.sh (ffmpeg testsrc2 + sine tone)",
  "segmentDuration": $SEGMENT_SECONDS,
  "variants": [
${variants_joined%,}
  ]
}
EOF

printf '%s\n' "${summary[@]}"
echo "written to $OUT_DIR ($(du -sb "$OUT_DIR" | cut -f1) bytes)"
