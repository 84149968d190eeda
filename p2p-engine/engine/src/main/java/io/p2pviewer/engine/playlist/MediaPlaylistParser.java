package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the lines of a media playlist into a {@link MediaPlaylist}. One instance parses one playlist, on one thread.
 *
 * <p>Segment tags ({@code EXTINF}, {@code EXT-X-BYTERANGE}, {@code EXT-X-DISCONTINUITY},
 * {@code EXT-X-PROGRAM-DATE-TIME}, {@code EXT-X-GAP}) apply to the next URI line; {@code EXT-X-KEY} and
 * {@code EXT-X-MAP} apply until replaced. Sequence numbers are assigned at the end, so a misplaced
 * {@code EXT-X-MEDIA-SEQUENCE} still numbers every segment.
 */
final class MediaPlaylistParser {
    private final URI uri;
    private final List<String> lines;

    private final Set<String> seenOnce = new HashSet<>();
    private Long targetDuration;
    private long mediaSequence;
    private int mediaSequenceLine;
    private long discontinuitySequence;
    private int discontinuitySequenceLine;
    private PlaylistType playlistType = PlaylistType.NONE;
    private boolean endList;
    private int version = 1;

    private SegmentKey key = SegmentKey.NONE;
    private InitSection initSection;
    private int discontinuities;

    private TagLine extinf;
    private double duration;
    private String title;
    private HlsValues.ByteRangeSpec byteRange;
    private int byteRangeLine;
    private boolean discontinuity;
    private OffsetDateTime programDateTime;
    private boolean gap;

    private final List<Draft> drafts = new ArrayList<>();

    /** A segment before its sequence numbers are known. */
    private record Draft(URI uri, double duration, String title, ByteRange byteRange, boolean discontinuity,
                         int discontinuitiesSoFar, SegmentKey key, InitSection initSection,
                         OffsetDateTime programDateTime, boolean gap, int uriLineIndex) {
    }

    private MediaPlaylistParser(URI uri, List<String> lines) {
        this.uri = uri;
        this.lines = lines;
    }

    /** Parses {@code lines}, whose first line is {@code #EXTM3U}. */
    static MediaPlaylist parse(URI uri, List<String> lines) throws PlaylistException {
        return new MediaPlaylistParser(uri, lines).parse();
    }

    private MediaPlaylist parse() throws PlaylistException {
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (PlaylistLines.isTag(line)) {
                onTag(TagLine.of(line, i));
            } else if (PlaylistLines.isUri(line)) {
                onUri(line.strip(), i);
            }
        }
        if (extinf != null) {
            throw new PlaylistException(Reason.EXTINF_WITHOUT_URI, extinf.lineNumber(),
                    "EXTINF is not followed by a segment URI");
        }
        if (targetDuration == null) {
            throw new PlaylistException(Reason.MISSING_TARGET_DURATION, 0,
                    "media playlist has no " + HlsTags.TARGETDURATION + " tag");
        }
        return new MediaPlaylist(uri, targetDuration, mediaSequence, discontinuitySequence, playlistType, endList,
                segments(), version, lines);
    }

    private void onTag(TagLine tag) throws PlaylistException {
        int line = tag.lineNumber();
        switch (tag.name()) {
            case HlsTags.EXTINF -> onExtinf(tag);
            case HlsTags.TARGETDURATION -> {
                once(tag);
                targetDuration = HlsValues.decimalInteger(tag.value().strip(), line, HlsTags.TARGETDURATION);
            }
            case HlsTags.MEDIA_SEQUENCE -> {
                once(tag);
                mediaSequence = HlsValues.decimalInteger(tag.value().strip(), line, HlsTags.MEDIA_SEQUENCE);
                mediaSequenceLine = line;
            }
            case HlsTags.DISCONTINUITY_SEQUENCE -> {
                once(tag);
                discontinuitySequence = HlsValues.decimalInteger(tag.value().strip(), line,
                        HlsTags.DISCONTINUITY_SEQUENCE);
                discontinuitySequenceLine = line;
            }
            case HlsTags.PLAYLIST_TYPE -> {
                once(tag);
                playlistType = switch (tag.value().strip()) {
                    case "EVENT" -> PlaylistType.EVENT;
                    case "VOD" -> PlaylistType.VOD;
                    default -> throw new PlaylistException(Reason.BAD_VALUE, line, HlsTags.PLAYLIST_TYPE + " '"
                            + HlsValues.shown(tag.value()) + "' is not EVENT or VOD");
                };
            }
            case HlsTags.VERSION -> {
                once(tag);
                version = HlsValues.decimalInt(tag.value().strip(), line, HlsTags.VERSION);
            }
            case HlsTags.ENDLIST -> endList = true;
            case HlsTags.KEY -> onKey(tag);
            case HlsTags.MAP -> onMap(tag);
            case HlsTags.BYTERANGE -> {
                byteRange = HlsValues.byteRange(tag.value().strip(), line, HlsTags.BYTERANGE);
                byteRangeLine = line;
            }
            case HlsTags.DISCONTINUITY -> discontinuity = true;
            case HlsTags.PROGRAM_DATE_TIME ->
                    programDateTime = HlsValues.dateTime(tag.value().strip(), line, HlsTags.PROGRAM_DATE_TIME);
            case HlsTags.GAP -> gap = true;
            case HlsTags.PART, HlsTags.PRELOAD_HINT, HlsTags.RENDITION_REPORT ->
                    // Not modelled, but the rewriter makes their URIs absolute: check they can be.
                    AttributeListParser.parse(tag).uri("URI", uri);
            default -> {
                // Unknown and unmodelled tags stay in lines() and are re-emitted unchanged.
            }
        }
    }

    private void once(TagLine tag) throws PlaylistException {
        if (!seenOnce.add(tag.name())) {
            throw new PlaylistException(Reason.DUPLICATE_TAG, tag.lineNumber(),
                    tag.name() + " appears more than once");
        }
    }

    private void onExtinf(TagLine tag) throws PlaylistException {
        if (extinf != null) {
            throw new PlaylistException(Reason.EXTINF_WITHOUT_URI, extinf.lineNumber(),
                    "EXTINF is followed by another EXTINF on line " + tag.lineNumber() + " instead of a segment URI");
        }
        String value = tag.value();
        int comma = value.indexOf(',');
        String durationText = (comma < 0 ? value : value.substring(0, comma)).strip();
        duration = HlsValues.decimalFloat(durationText, tag.lineNumber(), "EXTINF duration");
        String rest = comma < 0 ? "" : value.substring(comma + 1);
        title = rest.isEmpty() ? null : rest;
        extinf = tag;
    }

    private void onKey(TagLine tag) throws PlaylistException {
        AttributeList attributes = AttributeListParser.parse(tag);
        String methodText = attributes.requiredString("METHOD");
        KeyMethod method = KeyMethod.fromWireName(methodText).orElseThrow(() -> new PlaylistException(
                Reason.BAD_VALUE, tag.lineNumber(),
                attributes.what("METHOD") + " '" + HlsValues.shown(methodText) + "' is not a known method"));
        URI keyUri = attributes.uri("URI", uri);
        if (method == KeyMethod.NONE) {
            key = SegmentKey.NONE;
            return;
        }
        if (keyUri == null) {
            throw attributes.missing("URI");
        }
        byte[] iv = attributes.iv("IV");
        String keyFormat = attributes.string("KEYFORMAT");
        key = new SegmentKey(method, keyUri, iv, keyFormat == null ? "identity" : keyFormat);
    }

    private void onMap(TagLine tag) throws PlaylistException {
        AttributeList attributes = AttributeListParser.parse(tag);
        URI mapUri = attributes.requiredUri("URI", uri);
        String rangeText = attributes.string("BYTERANGE");
        ByteRange range = null;
        if (rangeText != null) {
            HlsValues.ByteRangeSpec spec = HlsValues.byteRange(rangeText, tag.lineNumber(), attributes.what("BYTERANGE"));
            range = new ByteRange(spec.length(), spec.offset() == null ? 0 : spec.offset());
        }
        initSection = new InitSection(mapUri, range, tag.index());
    }

    private void onUri(String text, int index) throws PlaylistException {
        int line = index + 1;
        if (extinf == null) {
            throw new PlaylistException(Reason.URI_WITHOUT_EXTINF, line,
                    "segment URI '" + HlsValues.shown(text) + "' has no EXTINF before it");
        }
        URI segmentUri = UriResolver.resolve(uri, text, line, "segment URI");
        ByteRange range = null;
        if (byteRange != null) {
            range = resolveByteRange(segmentUri);
        }
        if (discontinuity) {
            discontinuities++;
        }
        drafts.add(new Draft(segmentUri, duration, title, range, discontinuity, discontinuities, key, initSection,
                programDateTime, gap, index));
        extinf = null;
        title = null;
        byteRange = null;
        discontinuity = false;
        programDateTime = null;
        gap = false;
    }

    /** RFC 8216 §4.3.2.2: without an offset, the range follows the previous segment's range of the same resource. */
    private ByteRange resolveByteRange(URI segmentUri) throws PlaylistException {
        long offset;
        if (byteRange.offset() != null) {
            offset = byteRange.offset();
        } else {
            Draft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            if (previous == null || previous.byteRange() == null || !previous.uri().equals(segmentUri)) {
                throw new PlaylistException(Reason.BAD_BYTE_RANGE, byteRangeLine, HlsTags.BYTERANGE
                        + " has no offset, but the previous segment is not a sub-range of the same resource");
            }
            offset = previous.byteRange().end();
        }
        if (offset > Long.MAX_VALUE - byteRange.length()) {
            throw new PlaylistException(Reason.BAD_BYTE_RANGE, byteRangeLine, HlsTags.BYTERANGE + " is out of range");
        }
        return new ByteRange(byteRange.length(), offset);
    }

    private List<MediaSegment> segments() throws PlaylistException {
        int count = drafts.size();
        if (count > 0 && mediaSequence > Long.MAX_VALUE - (count - 1)) {
            throw new PlaylistException(Reason.BAD_NUMBER, mediaSequenceLine,
                    HlsTags.MEDIA_SEQUENCE + " " + mediaSequence + " overflows with " + count + " segments");
        }
        if (discontinuitySequence > Long.MAX_VALUE - discontinuities) {
            throw new PlaylistException(Reason.BAD_NUMBER, discontinuitySequenceLine, HlsTags.DISCONTINUITY_SEQUENCE
                    + " " + discontinuitySequence + " overflows with " + discontinuities + " discontinuities");
        }
        List<MediaSegment> segments = new ArrayList<>(count);
        for (int position = 0; position < count; position++) {
            Draft d = drafts.get(position);
            segments.add(new MediaSegment(mediaSequence + position, position, d.uri(), d.duration(), d.title(),
                    d.byteRange(), d.discontinuity(), discontinuitySequence + d.discontinuitiesSoFar(), d.key(),
                    d.initSection(), d.programDateTime(), d.gap(), d.uriLineIndex()));
        }
        return segments;
    }
}
