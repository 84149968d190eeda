# Shared by ./viewer, scripts/test and .ci/run: JDK selection, system packages, build freshness.
# shellcheck shell=bash

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# System packages the app needs at run time: libVLC and its plugins, GTK for JavaFX, and the libraries
# webrtc-java loads (see docs/ARCHITECTURE.md).
RUNTIME_PACKAGES="libvlc5 vlc-plugin-base libgtk-3-0 libpulse0 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libudev1 libdbus-1-3"
# What scripts/package needs besides a JDK with jpackage: fakeroot and binutils (objdump) for jpackage's .deb.
PACKAGE_PACKAGES="fakeroot binutils"
# Extra packages for the tests (scripts/test-package adds desktop-file-utils, xdg-utils, x11-utils (xprop),
# imagemagick (screenshots), jq and python3 (a local HTTP origin) to install and check the .deb): a virtual display, screenshots, the build tool, and Debian's Chromium for the
# browser interop tests (a real p2p-media-loader viewer; no downloaded browser builds).
TEST_PACKAGES="xvfb xauth maven chromium coturn iptables iproute2 $PACKAGE_PACKAGES desktop-file-utils xdg-utils x11-utils imagemagick jq python3"
# The npm projects the tests run (pinned versions, package-lock.json committed): bittorrent-tracker's server and the
# browser viewer page (hls.js + p2p-media-loader).
NPM_TEST_PROJECTS="p2p-engine/testing/npm/bittorrent-tracker p2p-engine/testing/npm/browser"

say() { printf '%s\n' "$*" >&2; }

java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

# Selects a JDK 21+ into JAVA_HOME: $JAVA_HOME if good, else java on PATH, else the newest under /usr/lib/jvm.
select_jdk() {
  local candidates=() c v best="" bestv=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*/; do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java"); v=${v%%.*}
    [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null || continue
    if [ "$v" -gt "$bestv" ]; then best=$c; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    say "error: no JDK 21 or newer found (looked at \$JAVA_HOME, java on PATH and /usr/lib/jvm)."
    say "Install one, for example Temurin 21 or 25 from https://adoptium.net, then run this again."
    exit 1
  fi
  export JAVA_HOME=$best PATH="$best/bin:$PATH"
  JAVA_MAJOR=$bestv
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  [ "$JAVA_MAJOR" -lt 24 ] && export MAVEN_OPTS=""
  return 0
}

# Flags for running the app on the selected JDK (silences restricted-method and Unsafe warnings on 24+).
java_run_flags() {
  if [ "${JAVA_MAJOR:-21}" -ge 24 ]; then
    echo "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow $(java_memory_flags)"
  else
    echo "--enable-native-access=ALL-UNNAMED $(java_memory_flags)"
  fi
}

# Native memory malloc freed goes back to the system every minute (JDK 22+): without it 50-60 MiB per engine
# (350 MiB in the window) sat freed but resident in glibc's arenas after 40 minutes of a soak (docs/BENCHMARKS.md,
# soak). The tests' processes use the same (NetnsFixture.SHIPPED_JVM_OPTIONS).
java_memory_flags() {
  [ "${JAVA_MAJOR:-21}" -ge 22 ] && echo "-XX:TrimNativeHeapInterval=60000"
  return 0
}

# Flags for one subcommand ($1). simulate is bound by memory traffic: its live heap (0.5-0.65 GB at 1,000
# viewers, several GB at 10,000) is read at random (docs/BENCHMARKS.md, eleventh and twelfth passes). Compact
# object headers (JDK 25+) make its millions of small objects smaller, and transparent huge pages (where the
# kernel offers them) spare it most TLB misses. G1 stays: the parallel collector was no faster on a quiet
# machine (n1000 median of 5: 55.3 s against 55.6 s) and held 0.6 GB more (docs/BENCHMARKS.md, "Issue 25:
# simulator speed").
java_command_flags() {
  [ "$1" = simulate ] || return 0
  local flags=""
  [ "${JAVA_MAJOR:-21}" -ge 25 ] && flags="-XX:+UseCompactObjectHeaders"
  if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
    flags="$flags -XX:+UseTransparentHugePages"
  fi
  echo "$flags"
}

# Installs missing Debian packages when root; otherwise says exactly what to install and stops.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing system packages: ${missing[*]}"
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
      apt-get update -q >&2
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
  else
    say "error: missing system packages: ${missing[*]}"
    say "Install them with:  sudo apt-get install --no-install-recommends ${missing[*]}"
    exit 1
  fi
}

# Installs node and npm (Debian's) when missing, then the locked packages of every npm test project.
ensure_npm_test_projects() {
  command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
  local p
  for p in $NPM_TEST_PROJECTS; do
    if [ ! -d "$ROOT/$p/node_modules" ]; then
      say "Installing the npm packages of $p"
      (cd "$ROOT/$p" && npm ci --ignore-scripts --no-audit --no-fund >&2)
    fi
  done
}

# Builds the app (without tests) when its jar is missing or older than any source or pom.
ensure_built() {
  local jar="$ROOT/app/target/app.jar"
  if [ -f "$jar" ] && [ -d "$ROOT/app/target/lib" ] && \
     [ -z "$(find "$ROOT/pom.xml" "$ROOT/p2p-engine" "$ROOT/player-bridge" "$ROOT/app" \
             \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || ensure_packages maven
  say "Building the app (the first build downloads dependencies and takes a minute or two)..."
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) >&2 || {
    say "error: the build failed; run 'mvn -DskipTests package' in $ROOT to see why."; exit 1; }
}
