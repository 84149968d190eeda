package io.p2pviewer.testing;

/**
 * An IPv4 prefix such as 10.200.3.0/24, with the arithmetic the fixture needs to avoid address collisions.
 *
 * @param base   the address as an unsigned 32-bit number (host bits may be set; they are ignored)
 * @param length the prefix length, 0..32
 */
record Ipv4Subnet(long base, int length) {
    Ipv4Subnet {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length);
        }
        base = base & mask(length);
    }

    /** Parses "a.b.c.d/len" or "a.b.c.d" (a /32). */
    static Ipv4Subnet parse(String text) {
        String[] parts = text.split("/", 2);
        int length = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        String[] octets = parts[0].split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 prefix: " + text);
        }
        long value = 0;
        for (String o : octets) {
            int v = Integer.parseInt(o);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 prefix: " + text);
            }
            value = (value << 8) | v;
        }
        return new Ipv4Subnet(value, length);
    }

    boolean overlaps(Ipv4Subnet other) {
        int shorter = Math.min(length, other.length);
        return (base & mask(shorter)) == (other.base & mask(shorter));
    }

    /** The address with the given host number inside this subnet, e.g. host(1) of 10.200.3.0/24 is 10.200.3.1. */
    String host(int number) {
        return format(base + number);
    }

    private static long mask(int length) {
        return length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
    }

    private static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    @Override
    public String toString() {
        return format(base) + "/" + length;
    }
}
