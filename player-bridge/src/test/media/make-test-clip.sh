#!/bin/sh
# Regenerates the test clip under src/test/resources/io/p2pviewer/player/media:
# 12 s of 320x180 testsrc2 at 25 fps (H.264 baseline, ~85 kbit/s) with a 440 Hz sine
# (AAC mono, 24 kbit/s), cut into six 2 s MPEG-TS segments (seg0.ts .. seg5.ts), about 220 KB.
# The segments are stored in clear; the tests encrypt them (AES-128) when they serve them.
set -eu
out="$(dirname "$0")/../resources/io/p2pviewer/player/media"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ffmpeg -hide_banner -loglevel error \
  -f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 12 \
  -c:v libx264 -preset medium -profile:v baseline -pix_fmt yuv420p -g 50 -keyint_min 50 -sc_threshold 0 \
  -b:v 85k -maxrate 100k -bufsize 100k -c:a aac -b:a 24k -ac 1 \
  -f hls -hls_time 2 -hls_list_size 0 -hls_segment_filename "$tmp/seg%d.ts" "$tmp/clip.m3u8"
cp "$tmp"/seg*.ts "$out"/
