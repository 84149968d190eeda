package io.p2pviewer.engine.source;

import io.p2pviewer.engine.DeliverySource;
import io.p2pviewer.engine.http.CdnClient;
import io.p2pviewer.engine.time.Cancellable;

/** Fetches segments from the CDN over HTTP. */
public final class CdnSegmentSource implements SegmentSource {
    private final CdnClient cdn;

    public CdnSegmentSource(CdnClient cdn) {
        this.cdn = cdn;
    }

    @Override
    public DeliverySource kind() {
        return DeliverySource.CDN;
    }

    @Override
    public Cancellable fetch(SegmentRequest request, SegmentListener listener) {
        return cdn.fetchBytes(request.uri(), request.offset(), request.length(), listener);
    }
}
