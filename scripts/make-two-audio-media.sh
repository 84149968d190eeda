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

# The same as EXT-X-MEDIA audio renditions (TrackMenusIT's second test): ../renditions/ with master.m3u8, the
# video alone in video/ and each language's audio alone in en/ and fr/ (about 450 kB).
REND_DIR="$OUT_DIR/../renditions"
rm -rf "$REND_DIR" && mkdir -p "$REND_DIR/video" "$REND_DIR/en" "$REND_DIR/fr"
cd "$REND_DIR"
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x180:rate=25 -t 12 \
  -c:v libx264 -preset veryfast -b:v 150k -g 50 -keyint_min 50 -sc_threshold 0 -threads 1 -an \
  -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename 'video/seg-%d.ts' video/playlist.m3u8
for spec in en:440:eng fr:880:fra; do
  IFS=: read -r dir hz lang <<< "$spec"
  ffmpeg -hide_banner -loglevel error -f lavfi -i "sine=frequency=$hz:sample_rate=48000" -t 12 \
    -c:a aac -b:a 32k -ac 1 -metadata:s:a:0 language="$lang" \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename "$dir/seg-%d.ts" "$dir/playlist.m3u8"
done
cat > master.m3u8 <<'M3U8'
#EXTM3U
#EXT-X-VERSION:3
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="en",NAME="English",DEFAULT=YES,AUTOSELECT=YES,URI="en/playlist.m3u8"
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="fr",NAME="French",DEFAULT=NO,AUTOSELECT=YES,URI="fr/playlist.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=320x180,CODECS="avc1.64000d,mp4a.40.2",AUDIO="aud"
video/playlist.m3u8
M3U8

# A WebVTT subtitle rendition beside them (TrackMenusIT's subtitle test): subs/ with six 2-second cues, and
# master-subs.m3u8 offering it with the English audio.
mkdir -p subs
{
  printf '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n'
  for i in 0 1 2 3 4 5; do
    printf '#EXTINF:2.000000,\nsub-%d.vtt\n' "$i"
    printf 'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n00:00:%02d.000 --> 00:00:%02d.900\nSubtitle %d\n' \
      $((i * 2)) $((i * 2)) "$i" > "subs/sub-$i.vtt"
  done
  printf '#EXT-X-ENDLIST\n'
} > subs/playlist.m3u8
cat > master-subs.m3u8 <<'M3U8'
#EXTM3U
#EXT-X-VERSION:3
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="en",NAME="English",DEFAULT=YES,AUTOSELECT=YES,URI="en/playlist.m3u8"
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="en",NAME="English subtitles",DEFAULT=NO,AUTOSELECT=NO,URI="subs/playlist.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=320x180,CODECS="avc1.64000d,mp4a.40.2",AUDIO="aud",SUBTITLES="subs"
video/playlist.m3u8
M3U8
