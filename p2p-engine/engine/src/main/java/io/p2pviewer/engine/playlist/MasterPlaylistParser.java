package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the lines of a master playlist into a {@link MasterPlaylist}. One instance parses one playlist, on one
 * thread. An {@code EXT-X-STREAM-INF} applies to the next URI line; other tags and comments may come between them.
 */
final class MasterPlaylistParser {
    private final URI uri;
    private final List<String> lines;

    private final List<Variant> variants = new ArrayList<>();
    private final List<Rendition> renditions = new ArrayList<>();
    private final List<IFrameVariant> iFrameVariants = new ArrayList<>();
    private boolean independentSegments;
    private int version = 1;
    private boolean versionSeen;

    private StreamInf pending;

    /** The attributes of an {@code EXT-X-STREAM-INF} waiting for its URI line. */
    private record StreamInf(long bandwidth, Long averageBandwidth, String codecs, Resolution resolution,
                             Double frameRate, String videoRange, String audio, String video, String subtitles,
                             String closedCaptions, int lineIndex) {
    }

    private MasterPlaylistParser(URI uri, List<String> lines) {
        this.uri = uri;
        this.lines = lines;
    }

    /** Parses {@code lines}, whose first line is {@code #EXTM3U}. */
    static MasterPlaylist parse(URI uri, List<String> lines) throws PlaylistException {
        return new MasterPlaylistParser(uri, lines).parse();
    }

    private MasterPlaylist parse() throws PlaylistException {
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (PlaylistLines.isTag(line)) {
                onTag(TagLine.of(line, i));
            } else if (PlaylistLines.isUri(line)) {
                onUri(line.strip(), i);
            }
        }
        if (pending != null) {
            throw streamInfWithoutUri(pending.lineIndex() + 1);
        }
        if (variants.isEmpty()) {
            throw new PlaylistException(Reason.NO_VARIANTS, 0,
                    "master playlist has no " + HlsTags.STREAM_INF + " variant");
        }
        return new MasterPlaylist(uri, variants, renditions, iFrameVariants, independentSegments, version, lines);
    }

    private void onTag(TagLine tag) throws PlaylistException {
        switch (tag.name()) {
            case HlsTags.STREAM_INF -> onStreamInf(tag);
            case HlsTags.I_FRAME_STREAM_INF -> onIFrameStreamInf(tag);
            case HlsTags.MEDIA -> onMedia(tag);
            case HlsTags.SESSION_DATA, HlsTags.SESSION_KEY, HlsTags.CONTENT_STEERING ->
                    // Not modelled, but the rewriter makes their URIs absolute: check they can be.
                    AttributeListParser.parse(tag).uri(HlsTags.MASTER_ABSOLUTE_URIS.get(tag.name()), uri);
            case HlsTags.INDEPENDENT_SEGMENTS -> independentSegments = true;
            case HlsTags.VERSION -> {
                if (versionSeen) {
                    throw new PlaylistException(Reason.DUPLICATE_TAG, tag.lineNumber(),
                            HlsTags.VERSION + " appears more than once");
                }
                versionSeen = true;
                version = HlsValues.decimalInt(tag.value().strip(), tag.lineNumber(), HlsTags.VERSION);
            }
            default -> {
                // Unknown and unmodelled tags stay in lines() and are re-emitted unchanged.
            }
        }
    }

    private void onStreamInf(TagLine tag) throws PlaylistException {
        if (pending != null) {
            throw streamInfWithoutUri(pending.lineIndex() + 1);
        }
        AttributeList a = AttributeListParser.parse(tag);
        pending = new StreamInf(a.requiredDecimalInteger("BANDWIDTH"), a.decimalInteger("AVERAGE-BANDWIDTH"),
                a.string("CODECS"), a.resolution("RESOLUTION"), a.decimalFloat("FRAME-RATE"), a.string("VIDEO-RANGE"),
                a.string("AUDIO"), a.string("VIDEO"), a.string("SUBTITLES"), a.string("CLOSED-CAPTIONS"),
                tag.index());
    }

    private void onUri(String text, int index) throws PlaylistException {
        if (pending == null) {
            throw new PlaylistException(Reason.URI_WITHOUT_STREAM_INF, index + 1,
                    "URI '" + HlsValues.shown(text) + "' has no " + HlsTags.STREAM_INF + " before it");
        }
        URI variantUri = UriResolver.resolve(uri, text, index + 1, "variant URI");
        StreamInf s = pending;
        variants.add(new Variant(variants.size(), variantUri, s.bandwidth(), s.averageBandwidth(), s.codecs(),
                s.resolution(), s.frameRate(), s.videoRange(), s.audio(), s.video(), s.subtitles(),
                s.closedCaptions(), s.lineIndex(), index));
        pending = null;
    }

    private void onIFrameStreamInf(TagLine tag) throws PlaylistException {
        AttributeList a = AttributeListParser.parse(tag);
        iFrameVariants.add(new IFrameVariant(iFrameVariants.size(), a.requiredUri("URI", uri),
                a.requiredDecimalInteger("BANDWIDTH"), a.decimalInteger("AVERAGE-BANDWIDTH"), a.string("CODECS"),
                a.resolution("RESOLUTION"), a.string("VIDEO-RANGE"), tag.index()));
    }

    private void onMedia(TagLine tag) throws PlaylistException {
        AttributeList a = AttributeListParser.parse(tag);
        String typeText = a.requiredString("TYPE");
        RenditionType type = RenditionType.fromWireName(typeText).orElseThrow(() -> new PlaylistException(
                Reason.BAD_VALUE, tag.lineNumber(),
                a.what("TYPE") + " '" + HlsValues.shown(typeText) + "' is not AUDIO, VIDEO, SUBTITLES or CLOSED-CAPTIONS"));
        renditions.add(new Rendition(renditions.size(), type, a.requiredString("GROUP-ID"), a.requiredString("NAME"),
                a.string("LANGUAGE"), a.string("CHANNELS"), a.yesNo("DEFAULT", false), a.yesNo("AUTOSELECT", false),
                a.uri("URI", uri), tag.index()));
    }

    private static PlaylistException streamInfWithoutUri(int lineNumber) {
        return new PlaylistException(Reason.STREAM_INF_WITHOUT_URI, lineNumber,
                HlsTags.STREAM_INF + " is not followed by a URI line");
    }
}
