package io.p2pviewer.engine.peer.transport.webrtc;

import java.util.List;

/** One side of a test connection inside {@link TestPeerMain}; reports through {@link TestPeerMain#event}. */
interface TestEndpoint {
    /** Makes an offer; reports "offer B64" or "offerfailed message". */
    void offer() throws Exception;

    /** Answers; reports "answer B64", later "open label" or "failed message". */
    void answer(String offerSdp) throws Exception;

    /** Applies the answer to the offer made before; reports "open label" or "failed message". */
    void accept(String answerSdp) throws Exception;

    /** Sends the messages in order; reports "queued messages bytes crc" once all are handed over. */
    void send(List<byte[]> messages) throws Exception;

    /** An implementation-specific command; false if unknown. */
    boolean command(String[] words) throws Exception;

    /** Closes everything native, in the safe order. */
    void exit() throws Exception;
}
