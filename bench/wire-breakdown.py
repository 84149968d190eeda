#!/usr/bin/env python3
"""bench/wire-breakdown.py OUT: after bench/wire-capture.sh OUT. Breaks down each engine's shaped uplink (its eth0
egress as tbf sent it: tcpdump -Q out) against its uploaded payload (its report's uploadedBytes); drops from tc,
dropped bytes = iptables OUTPUT (before the qdisc) - tc Sent.
Wire bytes include the 14-byte Ethernet header, as tc counts them. DTLS cipher c02b (AES-128-GCM): a DTLS record
costs 13 + 8 + 16 B, so a packet with one SCTP DATA chunk of N bytes is N + 107 B on the wire."""
import collections, glob, json, os, re, struct, sys
run = sys.argv[1]
rep_dir = sys.argv[2] if len(sys.argv) > 2 else f'{run}/reports'
HDR = 14 + 20 + 8 + 37 + 12 + 16
KEYS = ['payload', 'data headers', 'chunk bytes beyond payload', 'small DTLS (SACKs)', 'STUN', 'DTLS handshake',
        'TCP origin', 'TCP tracker', 'other']
def analyse(pc, rep):
    origin_port = int(re.search(r':(\d+)/', rep['url']).group(1))
    b = collections.Counter(); p = collections.Counter(); other = collections.Counter()
    data = open(pc, 'rb').read(); off = 24; chunk = 0
    while off + 16 <= len(data):
        ts, tu, incl, orig = struct.unpack('<IIII', data[off:off+16]); pkt = data[off+16:off+16+incl]; off += 16 + incl
        if len(pkt) < incl: break
        c = 'other'
        if len(pkt) >= 34 and pkt[12:14] == b'\x08\x00':
            ihl = (pkt[14] & 15) * 4; proto = pkt[23]; iplen = struct.unpack('>H', pkt[16:18])[0]; l4 = 14 + ihl
            dst = '.'.join(map(str, pkt[30:34]))
            if proto == 17:
                f = pkt[l4+8] if len(pkt) > l4 + 8 else -1
                if f in (0, 1): c = 'STUN'
                elif f in (20, 21, 22): c = 'DTLS handshake'
                elif f == 23:
                    if iplen <= 150: c = 'small DTLS (SACKs)'; p['bare SACK'] += iplen == 93
                    else: c = 'data'; chunk += iplen + 14 - HDR
            elif proto == 6 and dst == '198.51.100.254':
                dport = struct.unpack('>H', pkt[l4+2:l4+4])[0]
                c = 'TCP origin' if dport == origin_port else 'TCP tracker'
            if c == 'other': other[(proto, dst)] += 1
        else: other[pkt[12:14].hex()] += 1
        b[c] += orig; p[c] += 1
    up = rep['uploadedBytes']
    b['payload'] = up; b['data headers'] = p['data'] * HDR; b['chunk bytes beyond payload'] = chunk - up
    p['payload'] = p['data headers'] = p['data']
    return b, p, other
tot = collections.Counter(); totp = collections.Counter(); lines = []
for pc in sorted(glob.glob(f'{run}/cap/*.pcap')):
    ns = os.path.basename(pc)[:-5]; n = int(re.search(r'H(\d+)$', ns).group(1)); name = f'e{n-11}'
    rep = json.load(open(f'{rep_dir}/{name}.json'))
    b, p, other = analyse(pc, rep)
    tcs = open(f'{run}/cap/{ns}.tc').read(); sent, spk, drop = map(int, re.search(r'Sent (\d+) bytes (\d+) pkt \(dropped (\d+)', tcs).groups())
    ipt = [l.split() for l in open(f'{run}/cap/{ns}.ipt') if 'eth0' in l and l.split()[2] in ('0', 'all')][0]
    pre = int(ipt[1]) + 14 * int(ipt[0])
    sb = rep['servedBytes']; peer_in = sb.get('peer', 0); cdn_in = sb.get('cdn', 0) + sb.get('fallback', 0)
    pc_sum = sum(b[k] for k in KEYS)
    lines.append(f'| {name} | {b["payload"]/1e6:.2f} | {sent/1e6:.2f} | **{sent/b["payload"]:.3f}** | ' + ' | '.join(f'{b[k]/b["payload"]:.3f}' for k in KEYS[1:8])
                 + f' | {drop} | {(pre-sent)/1e6:.2f} | {peer_in/1e6:.1f} / {cdn_in/1e6:.1f} | {rep["offload"]*100:.1f} % |')
    if abs(pc_sum - sent) > 2000: lines.append(f'  (pcap {pc_sum} vs tc {sent}; other {other.most_common(4)})')
    for k in KEYS: tot[k] += b[k]; totp[k] += p[k]
    tot['sent'] += sent; tot['drop'] += drop; tot['pre'] += pre; tot['peer_in'] += peer_in; tot['cdn_in'] += cdn_in
    totp['bare SACK'] += p['bare SACK']; totp['small'] += p['small DTLS (SACKs)']; totp['data'] += p['data']
    tot['peer'] += sb.get('peer', 0); tot['served'] += sum(sb.values())
up = tot['payload']
print('| engine | uploaded MB | tc sent MB | sent / payload | ' + ' | '.join(KEYS[1:8]) + ' | tbf drops (pkt) | dropped MB | received peer / origin MB | offload |')
for l in lines: print(l)
print(f'| all | {up/1e6:.2f} | {tot["sent"]/1e6:.2f} | **{tot["sent"]/up:.3f}** | ' + ' | '.join(f'{tot[k]/up:.3f}' for k in KEYS[1:8])
      + f' | {tot["drop"]} | {(tot["pre"]-tot["sent"])/1e6:.2f} | {tot["peer_in"]/1e6:.1f} / {tot["cdn_in"]/1e6:.1f} | {tot["peer"]/tot["served"]*100:.1f} % |')
print(f'data packets {totp["data"]}, small DTLS {totp["small"]} (bare 93 B SACKs {totp["bare SACK"]}); small per received peer MB '
      f'{totp["small"]/(tot["peer_in"]/1e6):.0f}; SACK bytes / peer bytes received {tot["small DTLS (SACKs)"]/tot["peer_in"]:.3f}; '
      f'TCP origin / origin bytes received {tot["TCP origin"]/tot["cdn_in"]:.4f}; other {tot["other"]} B')
