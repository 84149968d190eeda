#!/usr/bin/env bash
# bench/connection-churn.sh [ROUNDS MESSAGES UNANSWERED EVERY [PER_FACTORY]]: what opening and closing WebRTC connections costs.
# Two of the engine's WebRTC transports in one JVM, inside a network namespace this script makes (a veth
# pair 10.251.0.1-2/24 inside it: webrtc-java ignores loopback), open a connection, send MESSAGES messages of 16 KiB,
# close it, ROUNDS times, with UNANSWERED offers made and cancelled per round, a new WebRTC factory every PER_FACTORY
# peer connections (default: the engine's 500); every EVERY rounds one line: heap
# used after GC, channels of closed rounds still reachable, factories created, glibc's bytes in use, RSS.
# Needs root (ip netns) and a build of the engine's test classes (this script runs Maven's test-compile).
# Extra JVM options: CHURN_JVM_OPTS (e.g. -XX:NativeMemoryTracking=summary).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
select_jdk
ROUNDS=${1:-400} MESSAGES=${2:-50} UNANSWERED=${3:-2} EVERY=${4:-50} PER_FACTORY=${5:-500}
mvn -o -B -q test-compile dependency:build-classpath -pl p2p-engine/engine -am -Dfuzz.skip=true \
    -Dmdep.outputFile=target/churn.cp -Dmdep.includeScope=test
CP="p2p-engine/engine/target/test-classes:p2p-engine/engine/target/classes:$(cat p2p-engine/engine/target/churn.cp)"
NS="churn-$$"
ip netns add "$NS"
trap 'ip netns del "$NS" 2>/dev/null || true' EXIT
ip -n "$NS" link set lo up
ip -n "$NS" link add c0 type veth peer name c1
ip -n "$NS" addr add 10.251.0.1/24 dev c0
ip -n "$NS" addr add 10.251.0.2/24 dev c1
ip -n "$NS" link set c0 up
ip -n "$NS" link set c1 up
# shellcheck disable=SC2086
ip netns exec "$NS" "$JAVA_HOME/bin/java" $(java_memory_flags 2>/dev/null || true) ${CHURN_JVM_OPTS:-} \
    --enable-native-access=ALL-UNNAMED -cp "$CP" \
    io.p2pviewer.engine.peer.transport.webrtc.ConnectionChurnProbe "$ROUNDS" "$MESSAGES" "$UNANSWERED" "$EVERY" "$PER_FACTORY"
