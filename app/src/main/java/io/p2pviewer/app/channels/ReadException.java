package io.p2pviewer.app.channels;

/** A reader's typed failure: the input gave nothing usable; {@link #error()} says why in one line. */
public final class ReadException extends Exception {
    private final transient ReadError error;

    public ReadException(ReadError error) {
        super(error.reason());
        this.error = error;
    }

    public ReadException(ReadError error, Throwable cause) {
        super(error.reason(), cause);
        this.error = error;
    }

    public ReadError error() {
        return error;
    }
}
