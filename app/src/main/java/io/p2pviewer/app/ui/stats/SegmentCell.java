package io.p2pviewer.app.ui.stats;

import io.p2pviewer.engine.DeliverySource;

/**
 * One cell of the segment timeline: a served segment, the style class that colours it by source
 * ({@link SourceColors#styleClass}) and its tooltip text.
 */
public record SegmentCell(long mediaSequence, DeliverySource source, String styleClass, String tooltip) {
}
