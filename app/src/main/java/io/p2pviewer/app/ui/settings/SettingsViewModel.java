package io.p2pviewer.app.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p2pviewer.app.cli.IceServersFile;
import io.p2pviewer.app.settings.Settings;
import io.p2pviewer.engine.peer.transport.webrtc.IceServer;
import io.p2pviewer.redaction.Redacted;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings dialog's state: one property per field, edited freely, checked and turned into new
 * {@link Settings} by {@link #apply()} (OK); Cancel just drops the view model. Numbers are kept as typed so a bad
 * one can be named. TURN credentials are never shown: the ICE servers text shows {@link #MASKED} in their place,
 * and a masked credential left as it is keeps the saved one. FX thread only (or one test thread).
 */
public final class SettingsViewModel {
    /** What the ICE servers text shows instead of a credential. */
    public static final String MASKED = "********";
    /** The themes the dialog offers, as saved. */
    public static final List<String> THEMES = List.of("light", "dark");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Settings base;
    private final ObservableList<String> playlists;
    private final ObservableList<String> guides;
    private final StringProperty guideRefreshHours;
    private final BooleanProperty p2pEnabled;
    private final StringProperty uploadLimitKbps;
    private final StringProperty trackers;
    private final StringProperty iceServers;
    private final BooleanProperty relayOnly;
    private final StringProperty cacheSizeMb;
    private final BooleanProperty resumeLastChannel;
    private final StringProperty theme;
    private final BooleanProperty statsPanelShown;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public SettingsViewModel(Settings settings) {
        this.base = settings;
        playlists = FXCollections.observableArrayList(settings.sources().playlists());
        guides = FXCollections.observableArrayList(settings.sources().guides());
        guideRefreshHours = new SimpleStringProperty(Integer.toString(settings.sources().guideRefreshHours()));
        Settings.P2p p2p = settings.p2p();
        p2pEnabled = new SimpleBooleanProperty(p2p.enabled());
        uploadLimitKbps = new SimpleStringProperty(Integer.toString(p2p.uploadLimitKbps()));
        trackers = new SimpleStringProperty(String.join("\n", p2p.trackers()));
        iceServers = new SimpleStringProperty(maskedJson(p2p.iceServers()));
        relayOnly = new SimpleBooleanProperty(p2p.relayOnly());
        cacheSizeMb = new SimpleStringProperty(Integer.toString(p2p.cacheSizeMb()));
        resumeLastChannel = new SimpleBooleanProperty(settings.library().resumeLastChannel());
        theme = new SimpleStringProperty(settings.appearance().theme());
        statsPanelShown = new SimpleBooleanProperty(settings.appearance().statsPanelShown());
    }

    /** Adds a playlist (file or URL) unless blank or already listed; returns whether it was added. */
    public boolean addPlaylist(String text) {
        return addTo(playlists, text);
    }

    /** Adds a guide (file or URL) unless blank or already listed; returns whether it was added. */
    public boolean addGuide(String text) {
        return addTo(guides, text);
    }

    private static boolean addTo(List<String> list, String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || list.contains(s)) {
            return false;
        }
        list.add(s);
        return true;
    }

    /**
     * The settings the dialog shows, when every field is valid; else empty, with {@link #errorProperty()} naming
     * the first bad field in one line (never a credential).
     */
    public Optional<Settings> apply() {
        try {
            Settings.Sources sources = new Settings.Sources(List.copyOf(playlists), List.copyOf(guides),
                    number("Guide refresh", guideRefreshHours.get(), 1, 24 * 7, "hours"));
            List<Settings.IceServerEntry> ice = iceServers(iceServers.get());
            if (relayOnly.get() && ice.stream().noneMatch(e -> isTurn(e.urls()))) {
                throw new IllegalArgumentException("Relay only needs a TURN server (a turn: or turns: URL) in the"
                        + " ICE servers");
            }
            Settings.P2p p2p = new Settings.P2p(p2pEnabled.get(),
                    number("Upload limit", uploadLimitKbps.get(), 0, 10_000_000, "kbit/s"),
                    trackerLines(trackers.get()), ice, relayOnly.get(),
                    number("Cache size", cacheSizeMb.get(), 16, 65_536, "MB"));
            Settings.Library library = base.library();
            Settings.Appearance appearance = base.appearance();
            error.set("");
            return Optional.of(base.withSources(sources).withP2p(p2p)
                    .withLibrary(library.withResumeLastChannel(resumeLastChannel.get()))
                    .withAppearance(appearance.withTheme(theme.get()).withStatsPanelShown(statsPanelShown.get())));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static int number(String field, String text, int min, int max, String unit) {
        String s = text == null ? "" : text.strip();
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": \"" + abbreviated(s) + "\" is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " is out of range (" + min + "-" + max
                    + " " + unit + ")");
        }
        return value;
    }

    private static List<String> trackerLines(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String scheme;
            URI uri;
            try {
                uri = new URI(line);
                scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            } catch (URISyntaxException e) {
                uri = null;
                scheme = "";
            }
            if (uri == null || !(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null) {
                throw new IllegalArgumentException("Trackers, line " + (i + 1) + ": \"" + abbreviated(Redacted.url(line))
                        + "\" is not a ws:// or wss:// URL");
            }
            if (!out.contains(line)) {
                out.add(line);
            }
        }
        return out;
    }

    /** The ICE servers typed, checked as {@code --ice-servers} files are; masked credentials keep the saved ones. */
    private List<Settings.IceServerEntry> iceServers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<IceServer> parsed = IceServersFile.parse(text, "ICE servers");
        List<Settings.IceServerEntry> out = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            IceServer s = parsed.get(i);
            String credential = s.password();
            if (MASKED.equals(credential)) {
                credential = base.p2p().iceServers().stream()
                        .filter(e -> e.urls().equals(s.urls()) && java.util.Objects.equals(e.username(), s.username()))
                        .map(Settings.IceServerEntry::credential).filter(java.util.Objects::nonNull).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("ICE servers: entry " + (out.size() + 1)
                                + ": its credential is masked but belongs to no saved server with these URLs and"
                                + " user name: type the credential again"));
            }
            out.add(new Settings.IceServerEntry(s.urls(), s.username(), credential));
        }
        return out;
    }

    private static boolean isTurn(List<String> urls) {
        return urls.stream().anyMatch(u -> u.startsWith("turn:") || u.startsWith("turns:"));
    }

    /** The servers as RTCIceServer JSON with {@link #MASKED} for each credential; empty text for none. */
    static String maskedJson(List<Settings.IceServerEntry> servers) {
        if (servers.isEmpty()) {
            return "";
        }
        ArrayNode array = JSON.createArrayNode();
        for (Settings.IceServerEntry e : servers) {
            ObjectNode o = array.addObject();
            ArrayNode urls = o.putArray("urls");
            e.urls().forEach(urls::add);
            if (e.username() != null) {
                o.put("username", e.username());
            }
            if (e.credential() != null) {
                o.put("credential", MASKED);
            }
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public ObservableList<String> playlists() { return playlists; }
    public ObservableList<String> guides() { return guides; }
    public StringProperty guideRefreshHoursProperty() { return guideRefreshHours; }
    public BooleanProperty p2pEnabledProperty() { return p2pEnabled; }
    public StringProperty uploadLimitKbpsProperty() { return uploadLimitKbps; }
    public StringProperty trackersProperty() { return trackers; }
    public StringProperty iceServersProperty() { return iceServers; }
    public BooleanProperty relayOnlyProperty() { return relayOnly; }
    public StringProperty cacheSizeMbProperty() { return cacheSizeMb; }
    public BooleanProperty resumeLastChannelProperty() { return resumeLastChannel; }
    public StringProperty themeProperty() { return theme; }
    public BooleanProperty statsPanelShownProperty() { return statsPanelShown; }
    /** Why OK was refused, one line; empty when the last {@link #apply()} succeeded. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
