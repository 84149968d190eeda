package io.p2pviewer.engine.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP headers every request for one stream carries (a channel's {@code #EXTVLCOPT:http-user-agent=} and
 * {@code http-referrer=}, Kodi's header properties): an immutable, ordered name-to-value map.
 *
 * <p>Values may be secrets (a token in a Referer, an Authorization header), so {@link #toString()} names the headers
 * only, never their values.
 *
 * @param values header name to value, in the order given (immutable)
 */
public record RequestHeaders(Map<String, String> values) {
    /** No headers: requests carry the engine's defaults. */
    public static final RequestHeaders NONE = new RequestHeaders(Map.of());

    /**
     * Copies and checks the headers.
     *
     * @throws IllegalArgumentException for a name that is not an HTTP token or a value with a control character
     *                                  (a CR or LF would split the request)
     */
    public RequestHeaders {
        Objects.requireNonNull(values, "values");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "header name");
            String value = Objects.requireNonNull(e.getValue(), "value of header " + name);
            if (!isToken(name)) {
                throw new IllegalArgumentException("not an HTTP header name: " + printable(name));
            }
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new IllegalArgumentException("the value of header " + name + " holds a control character");
            }
            copy.put(name, value);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Headers from a map (the channel list's), or {@link #NONE} for null or empty. */
    public static RequestHeaders of(Map<String, String> values) {
        return values == null || values.isEmpty() ? NONE : new RequestHeaders(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value of a header by its name in any case, or null. */
    public String get(String name) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The header names only: values may hold secrets. */
    @Override
    public String toString() {
        return "RequestHeaders" + values.keySet();
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.isEmpty() ? "(empty)" : cut.replaceAll("\\p{Cntrl}", "?");
    }
}
