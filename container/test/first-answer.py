"""Polls URL every 2 ms until it answers (any HTTP status), then prints the wall-clock time of that answer (epoch
seconds). Started before `docker start`, it measures start to first answer (container/ci.sh). Exits 1 after 30 s."""

import sys
import time
import urllib.error
import urllib.request

url = sys.argv[1]
deadline = time.time() + 30
while time.time() < deadline:
    try:
        urllib.request.urlopen(url, timeout=1).read()
    except urllib.error.HTTPError:
        pass  # An HTTP answer, whatever its status: the server is up.
    except OSError:
        time.sleep(0.002)
        continue
    print(f"{time.time():.6f}")
    sys.exit(0)
print(f"no answer from {url} within 30 s", file=sys.stderr)
sys.exit(1)
