package io.p2pviewer.engine.playlist;

import io.p2pviewer.engine.playlist.PlaylistException.Reason;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Resolves URI references from a playlist against the playlist's URI, following RFC 3986 §5.2 on the raw (still
 * percent-encoded) components, so query strings and escapes are kept exactly as written. (java.net.URI#resolve
 * mishandles query-only references, empty base paths and excess "../".)
 */
final class UriResolver {

    private UriResolver() {
    }

    /** Resolves {@code reference}; a malformed one fails with {@link Reason#BAD_URI} describing {@code what}. */
    static URI resolve(URI base, String reference, int lineNumber, String what) throws PlaylistException {
        try {
            return resolve(base, reference);
        } catch (URISyntaxException e) {
            throw new PlaylistException(Reason.BAD_URI, lineNumber,
                    what + " '" + HlsValues.shown(reference) + "' is not a valid URI");
        }
    }

    /** Resolves {@code reference} against {@code base}, which must be absolute and hierarchical. */
    static URI resolve(URI base, String reference) throws URISyntaxException {
        URI ref = new URI(reference);
        if (ref.getScheme() != null) {
            return ref;
        }
        String authority;
        String path;
        String query;
        if (ref.getRawAuthority() != null) {
            authority = ref.getRawAuthority();
            path = removeDotSegments(raw(ref.getRawPath()));
            query = ref.getRawQuery();
        } else {
            authority = base.getRawAuthority();
            String refPath = raw(ref.getRawPath());
            if (refPath.isEmpty()) {
                path = raw(base.getRawPath());
                query = ref.getRawQuery() != null ? ref.getRawQuery() : base.getRawQuery();
            } else {
                path = removeDotSegments(refPath.startsWith("/") ? refPath : merge(base, refPath));
                query = ref.getRawQuery();
            }
        }
        StringBuilder out = new StringBuilder().append(base.getScheme()).append(':');
        if (authority != null) {
            out.append("//").append(authority);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        if (ref.getRawFragment() != null) {
            out.append('#').append(ref.getRawFragment());
        }
        return new URI(out.toString());
    }

    private static String raw(String s) {
        return s == null ? "" : s;
    }

    /** RFC 3986 §5.2.3: the base path up to its last '/', followed by the reference path. */
    private static String merge(URI base, String refPath) {
        String basePath = raw(base.getRawPath());
        if (base.getRawAuthority() != null && basePath.isEmpty()) {
            return "/" + refPath;
        }
        return basePath.substring(0, basePath.lastIndexOf('/') + 1) + refPath;
    }

    /** RFC 3986 §5.2.4, in time linear in the path length. */
    static String removeDotSegments(String path) {
        StringBuilder out = new StringBuilder(path.length());
        String in = path;
        int i = 0;
        int n = in.length();
        while (i < n) {
            if (in.startsWith("../", i)) {
                i += 3;
            } else if (in.startsWith("./", i)) {
                i += 2;
            } else if (in.startsWith("/./", i)) {
                i += 2;
            } else if (i + 2 == n && in.startsWith("/.", i)) {
                in = "/";
                i = 0;
                n = 1;
            } else if (in.startsWith("/../", i)) {
                i += 3;
                removeLastSegment(out);
            } else if (i + 3 == n && in.startsWith("/..", i)) {
                in = "/";
                i = 0;
                n = 1;
                removeLastSegment(out);
            } else if ((i + 1 == n && in.charAt(i) == '.') || (i + 2 == n && in.startsWith("..", i))) {
                i = n;
            } else {
                int next = in.indexOf('/', in.charAt(i) == '/' ? i + 1 : i);
                int end = next < 0 ? n : next;
                out.append(in, i, end);
                i = end;
            }
        }
        return out.toString();
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }
}
