#!/usr/bin/env bash
# bench/wire-capture.sh OUT [MAVEN ARGS...]: runs ThinUplinkCrossCheckIT once (extra args go to Maven, e.g.
# -Dthin.scenario=FILE -Dthin.queueMillis=N -Dthin.peerArgs="--upload-limit 1000") and records each engine's shaped
# uplink for bench/wire-breakdown.py: a watcher attaches to each host namespace (pvn<pid>H<n>) of this run's
# NatBed as it appears, before its viewer starts, and keeps there
#   - tcpdump of eth0's egress (-Q out: after the tbf qdisc, so only what it sent; 160-byte snaps) -> OUT/cap/NS.pcap
#   - iptables counters in OUTPUT (before the qdisc: sent + dropped) -> OUT/cap/NS.ipt, every 0.5 s
#   - tc -s qdisc of eth0 (tbf's Sent / dropped) -> OUT/cap/NS.tc, every 0.5 s
# then copies the engines' reports to OUT/reports. Needs root and tcpdump (apt-get install tcpdump); one run at a
# time (the bed's lock), about 3 minutes. Issue 25, docs/BENCHMARKS.md "what the wire overhead is made of".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
select_jdk
OUT=$(realpath -m "$1"); shift
rm -rf "$OUT"; mkdir -p "$OUT/cap" "$OUT/reports"
# Whether bed id $1 (the test JVM's pid mod 100000, NatBed's name) is our Maven's: another helper's bed may come and
# go on the same machine between our runs.
ours() {
    local p q
    for p in $(pgrep -f surefirebooter); do
        [ $((p % 100000)) -eq "$1" ] || continue
        q=$p
        while [ -n "$q" ] && [ "$q" -gt 1 ]; do
            [ "$q" -eq "$MVN" ] && return 0
            q=$(ps -o ppid= -p "$q" | tr -d ' ')
        done
    done
    return 1
}
watch() {
    declare -A seen
    while true; do
        for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^pvn[0-9]+H[0-9]+$'); do
            if [ -z "${seen[$ns]:-}" ] && ours "$(echo "$ns" | sed -E 's/^pvn([0-9]+)H.*/\1/')"; then
                seen[$ns]=1
                for len in 0:150 151:700 701:65535; do
                    ip netns exec "$ns" iptables -A OUTPUT -o eth0 -p udp -m length --length $len
                done
                ip netns exec "$ns" iptables -A OUTPUT -o eth0 -p tcp
                ip netns exec "$ns" iptables -A OUTPUT -o eth0
                ip netns exec "$ns" tcpdump -i eth0 -Q out -s 160 -U -n -w "$OUT/cap/$ns.pcap" \
                    >"$OUT/cap/$ns.tcpdump.log" 2>&1 &
            fi
        done
        for ns in "${!seen[@]}"; do
            if ip netns exec "$ns" true 2>/dev/null; then
                ip netns exec "$ns" iptables -L OUTPUT -v -x -n >"$OUT/cap/$ns.ipt.tmp" 2>/dev/null \
                    && mv "$OUT/cap/$ns.ipt.tmp" "$OUT/cap/$ns.ipt"
                tc -n "$ns" -s qdisc show dev eth0 >"$OUT/cap/$ns.tc.tmp" 2>/dev/null \
                    && mv "$OUT/cap/$ns.tc.tmp" "$OUT/cap/$ns.tc"
            fi
        done
        sleep 0.5
    done
}
mvn -o -B -Pbench verify -pl app -am -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ThinUplinkCrossCheckIT \
    -Dfuzz.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@" >"$OUT/mvn.log" 2>&1 &
MVN=$!
watch >"$OUT/watch.log" 2>&1 &
WATCHER=$!
trap 'kill $WATCHER 2>/dev/null' EXIT
wait $MVN
echo "mvn exit $?" >>"$OUT/mvn.log"
cp app/target/thin/*/e*.json app/target/thin/*/e*.log "$OUT/reports/" 2>/dev/null
grep THIN "$OUT/mvn.log"
