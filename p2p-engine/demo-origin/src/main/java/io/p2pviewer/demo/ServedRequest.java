package io.p2pviewer.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the {@link DemoOrigin} answered, as recorded for tests and benchmarks.
 *
 * @param at            when the request arrived, by the origin's clock
 * @param method        the HTTP method, e.g. {@code GET}
 * @param path          the decoded request path, e.g. {@code /live/720p/seg-42.ts}
 * @param query         the raw query string without {@code ?}; empty when there was none
 * @param userAgent     the {@code User-Agent} header; empty when there was none
 * @param kind          what the path asked for
 * @param variant       the variant named in the path, or {@code null} when the path names none
 * @param mediaSequence the segment's media sequence number for {@link RequestKind#SEGMENT}, else -1
 * @param status        the HTTP status sent (0 when the exchange failed before a status was sent)
 * @param bodyBytes     bytes actually written to the response body; for a response cut short by the
 *                      client, what was written before the failure; 0 for {@code HEAD}
 * @param remoteAddress the client's IP address (without port), e.g. {@code 127.0.0.1}
 */
public record ServedRequest(
        Instant at,
        String method,
        String path,
        String query,
        String userAgent,
        RequestKind kind,
        String variant,
        long mediaSequence,
        int status,
        long bodyBytes,
        String remoteAddress) {

    /** Checks the non-null components and that counts are not negative. */
    public ServedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("bodyBytes must not be negative: " + bodyBytes);
        }
    }
}
