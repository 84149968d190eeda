package io.p2pviewer.player;

/**
 * The video surface of a headless player: libVLC decodes and "displays" into an RV32 buffer that
 * nobody shows; frames are counted and the buffer's size kept, nothing is copied.
 */
final class HeadlessVideoSurface extends CountingVideoSurface {
}
