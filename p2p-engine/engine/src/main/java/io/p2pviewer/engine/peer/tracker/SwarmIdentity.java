package io.p2pviewer.engine.peer.tracker;

/**
 * Who we are in which swarm: the swarm's info hash and our peer id, both 20-character binary strings (browsers
 * use 20 ASCII characters for both).
 *
 * @param infoHash the swarm, e.g. Base64 of 15 bytes of SHA-1 of the stream swarm id
 * @param peerId our id in that swarm
 */
public record SwarmIdentity(String infoHash, String peerId) {
    /** @throws IllegalArgumentException if either id is not 20 characters in U+0000..U+00FF */
    public SwarmIdentity {
        BinaryString.requireId("info_hash", infoHash);
        BinaryString.requireId("peer_id", peerId);
    }

    @Override
    public String toString() {
        return "SwarmIdentity[infoHash=" + BinaryString.printable(infoHash) + ", peerId="
                + BinaryString.printable(peerId) + "]";
    }
}
