package io.p2pviewer.app.cli;

import io.p2pviewer.app.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the app's name and the version the build stamped on it. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"P2P Viewer " + AppVersion.current()};
    }
}
