#!/usr/bin/env bash
# Generates the test fixture with two audio tracks (TrackMenusIT): a 12-second on-demand HLS stream of
# 2-second MPEG-TS segments, 320x180 H.264 testsrc2 video and two mono AAC tracks (English: 440 Hz sine,
# French: 880 Hz sine, language tags eng and fra), about 390 kB in all, committed so CI needs no ffmpeg.
#
# Output (default: app/src/test/resources/io/p2pviewer/app/ui/player/two-audio, or $1): playlist.m3u8,
# seg-0.ts .. seg-5.ts. Requires: ffmpeg (libx264, aac, lavfi, hls muxer).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="${1:-$SCRIPT_DIR/../app/src/test/resources/io/p2pviewer/app/ui/player/two-audio}"
command -v ffmpeg >/dev/null || { echo "error: ffmpeg not found" >&2; exit 1; }
mkdir -p "$OUT_DIR"
cd "$OUT_DIR"
rm -f playlist.m3u8 seg-*.ts
ffmpeg -hide_banner -loglevel error \
  -f lavfi -i testsrc2=size=320x180:rate=25 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 \
  -f lavfi -i sine=frequency=880:sample_rate=48000 \
  -t 12 -map 0:v -map 1:a -map 2:a \
  -c:v libx264 -preset veryfast -b:v 150k -g 50 -keyint_min 50 -sc_threshold 0 -threads 1 \
  -c:a aac -b:a 32k -ac 1 \
  -metadata:s:a:0 language=eng -metadata:s:a:0 title=English \
  -metadata:s:a:1 language=fra -metadata:s:a:1 title=French \
  -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename 'seg-%d.ts' playlist.m3u8
