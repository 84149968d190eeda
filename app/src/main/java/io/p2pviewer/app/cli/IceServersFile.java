package io.p2pviewer.app.cli;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.p2pviewer.engine.peer.transport.webrtc.IceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ICE servers file: a JSON array in the browser's RTCIceServer shape, the same array p2p-media-loader
 * users put in {@code rtcConfig.iceServers}, e.g. {@code [{"urls": ["stun:host:3478"]}, {"urls":
 * "turn:host:3478", "username": "u", "credential": "p"}]} ({@code urls} a string or an array). Every error is one
 * line naming the file and the problem, never a credential. Stateless.
 */
public final class IceServersFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One entry of the file as written; {@code credentialType} and other browser fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> urls,
                 String username, String credential) {
        @Override
        public String toString() {
            return "Entry" + urls + (credential == null ? "" : " (with credentials)");
        }
    }

    private IceServersFile() {
    }

    /**
     * The servers the file lists, in order.
     *
     * @throws IllegalArgumentException with a one-line message naming the file: missing, unreadable, not JSON, not
     *     an array, an entry without URLs, a URL that is not stun:/turn:/turns:, a TURN URL without credentials
     */
    public static List<IceServer> read(Path file) {
        String where = "--ice-servers " + file;
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read: " + e.getMessage());
        }
        return parse(text, where);
    }

    /**
     * The servers a JSON text lists, in order, checked as {@link #read(Path)} checks a file's (the settings
     * dialog uses it on what the user typed).
     *
     * @param where what the text is, to begin every message with (e.g. the file's option and name)
     * @throws IllegalArgumentException with a one-line message starting with {@code where}
     */
    public static List<IceServer> parse(String text, String where) {
        Entry[] entries;
        try {
            entries = MAPPER.readValue(text, Entry[].class);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(where + ": expected a JSON array of {\"urls\": ..., \"username\": "
                    + "..., \"credential\": ...} objects (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                    + ": " + firstLine(e.getOriginalMessage()));
        }
        if (entries == null) {
            throw new IllegalArgumentException(where + ": expected a JSON array, found null");
        }
        List<IceServer> out = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            out.add(server(where + ": entry " + (i + 1), entries[i]));
        }
        return out;
    }

    private static IceServer server(String where, Entry e) {
        if (e == null || e.urls() == null || e.urls().isEmpty()) {
            throw new IllegalArgumentException(where + " has no \"urls\"");
        }
        List<String> urls = new ArrayList<>();
        for (String url : e.urls()) {
            String u = url == null ? "" : url.strip();
            if (!(u.startsWith("stun:") || u.startsWith("turn:") || u.startsWith("turns:"))) {
                throw new IllegalArgumentException(where + ": \"" + shown(u)
                        + "\" is not a stun:, turn: or turns: URL");
            }
            urls.add(u);
        }
        IceServer server;
        try {
            server = new IceServer(urls, e.username(), e.credential());
        } catch (IllegalArgumentException bad) { // its message shows no query and no credential
            throw new IllegalArgumentException(where + ": " + bad.getMessage(), bad);
        }
        if (server.isTurn() && (e.username() == null || e.credential() == null)) {
            throw new IllegalArgumentException(where + ": a TURN server needs \"username\" and \"credential\"");
        }
        return server;
    }

    /** A URL for a message: without its query, where some deployments put tokens. */
    private static String shown(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
