package io.p2pviewer.engine.http;

import java.net.URI;

/** A text body and the URL it finally came from (after redirects), against which relative URIs resolve. */
public record TextResponse(URI finalUri, String body) {
}
