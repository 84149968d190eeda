package io.p2pviewer.app.channels;

import java.util.Map;

/**
 * One entry of a channel list: what an {@code #EXTINF} line (and the lines up to its URL) said about a stream.
 * Absent attributes are null; {@code headers} holds the HTTP headers every request for this channel must carry
 * (from {@code #EXTVLCOPT}, {@code #KODIPROP} or Kodi's {@code url|Header=value}), in the order given.
 *
 * @param name display name (after the attributes' comma; the tvg-name or the URL when there is none)
 * @param url the stream's http(s) URL, without Kodi's {@code |headers} suffix
 * @param group {@code group-title}, or {@code #EXTGRP} when there is no group-title
 * @param logo {@code tvg-logo}
 * @param tvgId {@code tvg-id}: the guide's channel id
 * @param tvgName {@code tvg-name}: the guide's display name, when it differs from {@code name}
 * @param number {@code tvg-chno}
 * @param durationSeconds the {@code #EXTINF} duration (-1 for live streams and bare URLs)
 * @param catchup the catch-up attributes, or null when there are none
 * @param headers HTTP request headers for this channel (immutable; empty when none)
 * @param line the line of the URL in the playlist (1-based)
 */
public record Channel(String name, String url, String group, String logo, String tvgId, String tvgName,
                      String number, double durationSeconds, Catchup catchup, Map<String, String> headers,
                      int line) {

    /** Catch-up (time-shift) attributes as IPTV players read them: {@code catchup}, {@code catchup-days}, ... */
    public record Catchup(String type, String days, String source, String shift) {
    }
}
