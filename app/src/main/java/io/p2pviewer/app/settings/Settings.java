package io.p2pviewer.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Everything the app remembers between runs, as saved in {@code settings.json}: one record per area so each
 * feature owns its part. Every field has a default (a file written by an older version, or one missing a field,
 * reads with defaults for what it lacks; unknown fields are ignored). Immutable: change with the {@code with*}
 * methods and save through {@link SettingsStore}.
 *
 * @param sources    playlists and guides
 * @param p2p        peer-to-peer delivery
 * @param library    favourites, recently watched, the last channel
 * @param appearance theme, window, volume, panels
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Sources sources, P2p p2p, Library library, Appearance appearance) {
    /** The settings of a first run. */
    public static final Settings DEFAULTS = new Settings(null, null, null, null);

    public Settings {
        sources = sources == null ? Sources.DEFAULTS : sources;
        p2p = p2p == null ? P2p.DEFAULTS : p2p;
        library = library == null ? Library.DEFAULTS : library;
        appearance = appearance == null ? Appearance.DEFAULTS : appearance;
    }

    public Settings withSources(Sources value) {
        return new Settings(value, p2p, library, appearance);
    }

    public Settings withP2p(P2p value) {
        return new Settings(sources, value, library, appearance);
    }

    public Settings withLibrary(Library value) {
        return new Settings(sources, p2p, value, appearance);
    }

    public Settings withAppearance(Appearance value) {
        return new Settings(sources, p2p, library, value);
    }

    /**
     * Where channels and their guide come from.
     *
     * @param playlists          M3U playlists, files or URLs, in the order opened
     * @param guides             XMLTV guides, files or URLs, besides those the playlists name ({@code x-tvg-url})
     * @param guideRefreshHours  how often guides are read again
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sources(List<String> playlists, List<String> guides, int guideRefreshHours) {
        public static final Sources DEFAULTS = new Sources(List.of(), List.of(), 12);

        public Sources {
            playlists = copy(playlists);
            guides = copy(guides);
            guideRefreshHours = guideRefreshHours <= 0 ? 12 : guideRefreshHours;
        }
    }

    /**
     * Peer-to-peer delivery.
     *
     * @param enabled          whether segments are shared with peers at all
     * @param uploadLimitKbps  upload cap in kbit/s, 0 for none
     * @param trackers         WebSocket tracker URLs ({@code ws://} or {@code wss://})
     * @param iceServers       STUN/TURN servers in the browser's RTCIceServer shape
     * @param relayOnly        reach peers only through a TURN server (hides this viewer's address)
     * @param cacheSizeMb      segment cache size
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record P2p(boolean enabled, int uploadLimitKbps, List<String> trackers, List<IceServerEntry> iceServers,
                      boolean relayOnly, int cacheSizeMb) {
        public static final P2p DEFAULTS = new P2p(true, 0, List.of(), List.of(), false, 256);

        public P2p {
            uploadLimitKbps = Math.max(0, uploadLimitKbps);
            trackers = copy(trackers);
            iceServers = copy(iceServers);
            cacheSizeMb = cacheSizeMb <= 0 ? 256 : cacheSizeMb;
        }
    }

    /**
     * One STUN or TURN server as the browser's RTCIceServer writes it.
     *
     * @param urls       {@code stun:}, {@code turn:} or {@code turns:} URLs
     * @param username   TURN user name, or null
     * @param credential TURN password, or null; never shown by {@link #toString()}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IceServerEntry(List<String> urls, String username, String credential) {
        public IceServerEntry {
            urls = copy(urls);
        }

        @Override
        public String toString() {
            return "IceServerEntry" + urls + (credential == null ? "" : " (with credentials)");
        }
    }

    /**
     * The user's channels.
     *
     * @param favourites        starred channels, by {@link #channelKey key}
     * @param recent            recently watched channels, newest first
     * @param lastChannel       the channel playing when the app was closed, or null
     * @param resumeLastChannel whether to play it again at start
     * @param collapsedGroups   the sidebar's groups shown folded (header only), by name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Library(List<String> favourites, List<String> recent, String lastChannel,
                          boolean resumeLastChannel, List<String> collapsedGroups) {
        public static final Library DEFAULTS = new Library(List.of(), List.of(), null, false, List.of());

        public Library {
            favourites = copy(favourites);
            recent = copy(recent);
            collapsedGroups = copy(collapsedGroups);
        }

        /** A library with no folded groups. */
        public Library(List<String> favourites, List<String> recent, String lastChannel, boolean resumeLastChannel) {
            this(favourites, recent, lastChannel, resumeLastChannel, List.of());
        }

        public Library withFavourites(List<String> value) {
            return new Library(value, recent, lastChannel, resumeLastChannel, collapsedGroups);
        }

        /** The recently watched list and the last channel, which change together. */
        public Library withRecent(List<String> value, String last) {
            return new Library(favourites, value, last, resumeLastChannel, collapsedGroups);
        }

        public Library withResumeLastChannel(boolean value) {
            return new Library(favourites, recent, lastChannel, value, collapsedGroups);
        }

        public Library withCollapsedGroups(List<String> value) {
            return new Library(favourites, recent, lastChannel, resumeLastChannel, value);
        }
    }

    /**
     * How the window looks and what it remembers of itself.
     *
     * @param theme           {@code light} or {@code dark}
     * @param statsPanelShown whether the stats panel is open
     * @param windowWidth     last window width, 0 for the default
     * @param windowHeight    last window height, 0 for the default
     * @param maximized       whether the window was maximized
     * @param volume          0-200 %
     * @param muted           whether sound was off
     * @param windowX         the window's last left edge on the desktop, null for centred
     * @param windowY         the window's last top edge, null for centred
     * @param videoAspect     how the video fills its area: the name of a {@code VideoAspect} ({@code AUTO},
     *                        {@code RATIO_4_3}, {@code ZOOM}, ...); null or unknown is {@code AUTO}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appearance(String theme, boolean statsPanelShown, double windowWidth, double windowHeight,
                             boolean maximized, int volume, boolean muted, Double windowX, Double windowY,
                             String videoAspect) {
        public static final Appearance DEFAULTS = new Appearance("light", true, 0, 0, false, 100, false);

        public Appearance {
            theme = "dark".equals(theme) ? "dark" : "light";
            windowWidth = Math.max(0, windowWidth);
            windowHeight = Math.max(0, windowHeight);
            volume = volume < 0 || volume > 200 ? 100 : volume;
            if (windowX == null || windowY == null || !Double.isFinite(windowX) || !Double.isFinite(windowY)) {
                windowX = null;
                windowY = null;
            }
            videoAspect = videoAspect == null || videoAspect.isBlank() ? "AUTO" : videoAspect.strip();
        }

        /** Without a remembered position (the window opens centred), the video at its own shape. */
        public Appearance(String theme, boolean statsPanelShown, double windowWidth, double windowHeight,
                          boolean maximized, int volume, boolean muted) {
            this(theme, statsPanelShown, windowWidth, windowHeight, maximized, volume, muted, null, null, null);
        }

        public Appearance withTheme(String t) {
            return new Appearance(t, statsPanelShown, windowWidth, windowHeight, maximized, volume, muted, windowX,
                    windowY, videoAspect);
        }

        public Appearance withStatsPanelShown(boolean shown) {
            return new Appearance(theme, shown, windowWidth, windowHeight, maximized, volume, muted, windowX,
                    windowY, videoAspect);
        }

        /** The window's size and place when it was last neither maximized nor fullscreen. */
        public Appearance withBounds(double width, double height, double x, double y) {
            return new Appearance(theme, statsPanelShown, width, height, maximized, volume, muted, x, y, videoAspect);
        }

        public Appearance withMaximized(boolean max) {
            return new Appearance(theme, statsPanelShown, windowWidth, windowHeight, max, volume, muted, windowX,
                    windowY, videoAspect);
        }

        public Appearance withVolume(int percent) {
            return new Appearance(theme, statsPanelShown, windowWidth, windowHeight, maximized, percent, muted,
                    windowX, windowY, videoAspect);
        }

        public Appearance withMuted(boolean off) {
            return new Appearance(theme, statsPanelShown, windowWidth, windowHeight, maximized, volume, off, windowX,
                    windowY, videoAspect);
        }

        public Appearance withVideoAspect(String aspect) {
            return new Appearance(theme, statsPanelShown, windowWidth, windowHeight, maximized, volume, muted,
                    windowX, windowY, aspect);
        }
    }

    /** A channel's key for favourites and recents: its {@code tvg-id} when it has one, else its URL. */
    public static String channelKey(String tvgId, String url) {
        return tvgId != null && !tvgId.isBlank() ? "tvg:" + tvgId : "url:" + url;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
