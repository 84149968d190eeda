package io.p2pviewer.engine.peer.tracker;

import io.p2pviewer.engine.peer.swarm.SwarmIds;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks tracker join tokens: HMAC-SHA256 over a small payload with a secret only the operator holds.
 *
 * <p>Format (compact, URL-safe, no padding): {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))},
 * where payload is the ASCII text {@code "v1:" expiry ":" swarms}: {@code expiry} the epoch second after which
 * the token is refused, {@code swarms} either {@code *} (every swarm) or info hashes (the 20-character
 * {@code info_hash} a client announces) joined by {@code ,} and each written as base64url of its 20 bytes. The
 * tracker admits an announce when the signature checks, the clock is before the expiry and the announced
 * {@code info_hash} is one of the token's swarms (or the token is for {@code *}). A stream swarm id
 * ({@code v2-...}, see {@link SwarmIds#infoHash}) maps to its info hash before signing ({@link #swarm(String)}).
 *
 * <p>Immutable and thread-safe (a {@link Mac} is made per call). Time comes from the given {@link Clock}.
 */
public final class JoinTokens {
    /** The shortest secret accepted: 32 bytes, the HMAC-SHA256 block's half, as RFC 2104 advises at least. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The swarm value that admits every swarm. */
    public static final String ALL_SWARMS = "*";
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    /**
     * @param secret the operator's secret, at least {@link #MIN_SECRET_BYTES} bytes
     * @param clock tells "now" for issuing and checking expiry
     * @throws IllegalArgumentException if the secret is too short
     */
    public JoinTokens(byte[] secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, got " + secret.length);
        }
        this.secret = secret.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What checking a token found. */
    public sealed interface Verdict {
        /** The token admits the announced swarm. */
        record Admitted(Instant expires) implements Verdict {
        }

        /** The token does not admit it; {@code reason} is the tracker's "failure reason" text. */
        record Refused(String reason) implements Verdict {
        }
    }

    /**
     * A token for these swarms, valid for {@code ttl} from now.
     *
     * @param swarms info hashes (20 chars), stream swarm ids, or just {@link #ALL_SWARMS}
     * @throws IllegalArgumentException for no swarm, a non-positive ttl, or {@code *} mixed with swarms
     */
    public String issue(List<String> swarms, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive, got " + ttl);
        }
        if (swarms.isEmpty()) {
            throw new IllegalArgumentException("a token needs a swarm, or * for all swarms");
        }
        List<String> encoded = new ArrayList<>();
        for (String s : swarms) {
            if (ALL_SWARMS.equals(s)) {
                if (swarms.size() > 1) {
                    throw new IllegalArgumentException("* (all swarms) cannot be combined with named swarms");
                }
                encoded.add(ALL_SWARMS);
            } else {
                encoded.add(B64.encodeToString(BinaryString.toBytes(swarm(s))));
            }
        }
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        byte[] payload = ("v1:" + expiry + ":" + String.join(",", encoded)).getBytes(StandardCharsets.US_ASCII);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(payload));
    }

    /**
     * The info hash a swarm names: a 20-character value is taken as the info hash itself, anything else as a
     * stream swarm id and hashed the way clients do.
     */
    public static String swarm(String swarm) {
        Objects.requireNonNull(swarm, "swarm");
        if (swarm.isBlank()) {
            throw new IllegalArgumentException("a swarm id must not be blank");
        }
        return BinaryString.isId(swarm) ? swarm : SwarmIds.infoHash(swarm);
    }

    /**
     * Checks a token for an announce to {@code infoHash}; never throws.
     *
     * @param token the token as the client sent it, or null when it sent none
     */
    public Verdict check(String token, String infoHash) {
        if (token == null || token.isEmpty()) {
            return new Verdict.Refused("join token required");
        }
        if (token.length() > MAX_TOKEN_CHARS || !TOKEN.matcher(token).matches()) {
            return new Verdict.Refused("join token invalid");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Verdict.Refused("join token invalid");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return new Verdict.Refused("join token invalid");
        }
        // Signed by us from here on: a malformed payload is still refused, never trusted.
        String[] parts = new String(payload, StandardCharsets.US_ASCII).split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            return new Verdict.Refused("join token invalid");
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return new Verdict.Refused("join token invalid");
        }
        Instant expires = Instant.ofEpochSecond(expiry);
        if (!clock.instant().isBefore(expires)) {
            return new Verdict.Refused("join token expired");
        }
        if (parts[2].equals(ALL_SWARMS)) {
            return new Verdict.Admitted(expires);
        }
        if (infoHash != null && BinaryString.isBinary(infoHash)) {
            String wanted = B64.encodeToString(BinaryString.toBytes(infoHash));
            for (String s : parts[2].split(",")) {
                if (s.equals(wanted)) {
                    return new Verdict.Admitted(expires);
                }
            }
        }
        return new Verdict.Refused("join token not valid for this swarm");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
