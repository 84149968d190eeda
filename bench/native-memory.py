#!/usr/bin/env python3
"""native-memory.py PID...: a running JVM's glibc malloc totals (jcmd System.native_heap_info): taken from the system,
free inside malloc's arenas, in use; and RSS. Needs a JDK 21+ jcmd: $JAVA_HOME/bin/jcmd, else jcmd on the PATH."""
import os, re, shutil, subprocess, sys
M = 1048576
JCMD = os.path.join(os.environ["JAVA_HOME"], "bin", "jcmd") if os.environ.get("JAVA_HOME") else shutil.which("jcmd")
for p in sys.argv[1:]:
    t = subprocess.run([JCMD, p, "System.native_heap_info"], capture_output=True, text=True).stdout
    tail = t[t.rfind("</heap>"):] if "</heap>" in t else t
    g = lambda k: int(re.search(r'<total type="%s" count="\d+" size="(\d+)"' % k, tail).group(1))
    cur = int(re.search(r'<system type="current" size="(\d+)"', tail).group(1))
    rss = int(open(f"/proc/{p}/status").read().split("VmRSS:")[1].split()[0]) // 1024
    print(f"{p} mallocFromOs={cur/M:.0f} free={(g('fast')+g('rest'))/M:.0f} inUse={(cur-g('fast')-g('rest'))/M:.0f} mmapped={g('mmap')/M:.0f} rss={rss}")
