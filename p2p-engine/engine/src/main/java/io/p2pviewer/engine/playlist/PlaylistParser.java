package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Parses HLS playlist text (RFC 8216) into a {@link MasterPlaylist} or a {@link MediaPlaylist}.
 *
 * <p>Accepts LF, CRLF or CR line endings, a leading UTF-8 byte order mark, blank lines, comments and unknown tags
 * (kept in {@link Playlist#lines()}, otherwise ignored). Relative URIs are resolved against the playlist URI. Any
 * defect in the text fails with a {@link PlaylistException}; no other exception escapes for any text.
 *
 * <p>Stateless and thread-safe; parsing is CPU-only and does not block.
 */
public final class PlaylistParser {
    /** The longest playlist text accepted, in characters (4 MiB). */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    /** The most lines a playlist text may have. */
    public static final int MAX_LINES = 100_000;

    private PlaylistParser() {
    }

    /**
     * Parses a master or media playlist, deciding which from its tags.
     *
     * @param playlistUri the absolute URI the text was fetched from (after redirects)
     * @param text        the playlist text
     * @throws PlaylistException        if the text is not a valid playlist
     * @throws IllegalArgumentException if {@code playlistUri} is not absolute and hierarchical
     */
    public static Playlist parse(URI playlistUri, String text) throws PlaylistException {
        Objects.requireNonNull(playlistUri, "playlistUri");
        Objects.requireNonNull(text, "text");
        if (!playlistUri.isAbsolute() || playlistUri.isOpaque()) {
            throw new IllegalArgumentException("playlist URI must be absolute and hierarchical: " + playlistUri);
        }
        List<String> lines = PlaylistLines.split(text, MAX_CHARS, MAX_LINES);
        if (lines.stream().allMatch(String::isBlank)) {
            throw new PlaylistException(Reason.EMPTY, 0, "playlist is empty");
        }
        String first = lines.get(0);
        if (!isHeader(first)) {
            throw NotAPlaylist.exception(text, first);
        }
        return isMaster(lines) ? MasterPlaylistParser.parse(playlistUri, lines)
                : MediaPlaylistParser.parse(playlistUri, lines);
    }

    /** Parses a playlist that must be a master playlist; a media playlist fails with {@link Reason#WRONG_KIND}. */
    public static MasterPlaylist parseMaster(URI playlistUri, String text) throws PlaylistException {
        if (parse(playlistUri, text) instanceof MasterPlaylist master) {
            return master;
        }
        throw new PlaylistException(Reason.WRONG_KIND, 0, "expected a master playlist but got a media playlist");
    }

    /** Parses a playlist that must be a media playlist; a master playlist fails with {@link Reason#WRONG_KIND}. */
    public static MediaPlaylist parseMedia(URI playlistUri, String text) throws PlaylistException {
        if (parse(playlistUri, text) instanceof MediaPlaylist media) {
            return media;
        }
        throw new PlaylistException(Reason.WRONG_KIND, 0, "expected a media playlist but got a master playlist (a master that points at a master: nothing to play)");
    }

    /** Whether the line is {@code #EXTM3U}, possibly followed by whitespace and more text. */
    private static boolean isHeader(String line) {
        String header = "#" + HlsTags.EXTM3U;
        return line.startsWith(header)
                && (line.length() == header.length() || Character.isWhitespace(line.charAt(header.length())));
    }

    /**
     * Whether the playlist is a master playlist: it has master-only tags. Without tags of either kind it is taken as
     * a media playlist (which then lacks a target duration).
     */
    private static boolean isMaster(List<String> lines) throws PlaylistException {
        TagLine firstMaster = null;
        TagLine firstMedia = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!PlaylistLines.isTag(line)) {
                continue;
            }
            TagLine tag = TagLine.of(line, i);
            if (HlsTags.MASTER_ONLY.contains(tag.name())) {
                if (firstMedia != null) {
                    throw mixed(tag, firstMedia);
                }
                firstMaster = firstMaster == null ? tag : firstMaster;
            } else if (HlsTags.MEDIA_ONLY.contains(tag.name())) {
                if (firstMaster != null) {
                    throw mixed(tag, firstMaster);
                }
                firstMedia = firstMedia == null ? tag : firstMedia;
            }
        }
        return firstMaster != null;
    }

    private static PlaylistException mixed(TagLine tag, TagLine earlier) {
        return new PlaylistException(Reason.MIXED_MASTER_AND_MEDIA, tag.lineNumber(), tag.name()
                + " cannot appear in the same playlist as " + earlier.name() + " (line " + earlier.lineNumber() + ")");
    }
}
