"""The cost of the plugin's reset before each test: the median of `reset_all()` on a fake with SigV4 on,
as the plugin starts it. Prints one line, and exits 1 when the median is over the budget (5 ms), as CI's other
budgets do (python/ci.sh runs it).

Usage: python bench/reset_median.py [ROUNDS]   (ROUNDS defaults to 500)
"""

import statistics
import sys
import time

from journey_runs_mock import start_mock

BUDGET_MS = 5.0


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with start_mock(access_key_id="AKIDBENCH", secret_access_key="bench-secret") as mock:
        control = mock.control()
        control.set_scene({"journeys": [{"applicationId": "app", "journeyId": "j", "runs": 100}]})
        for _ in range(20):  # warm up the connection and Node's JIT
            control.reset_all()
        costs = []
        for _ in range(rounds):
            control.fail_next(500)  # something to undo each time
            start = time.perf_counter()
            control.reset_all()
            costs.append((time.perf_counter() - start) * 1000)
    costs.sort()
    p90 = costs[int(len(costs) * 0.9)]
    median = statistics.median(costs)
    print(f"plugin reset (reset_all: POST /reset-all): median {median:.2f} ms, "
          f"p90 {p90:.2f} ms over {rounds} resets (budget: median < {BUDGET_MS:g} ms)")
    if median >= BUDGET_MS:
        sys.exit(f"the plugin's reset is over its budget: median {median:.2f} ms >= {BUDGET_MS:g} ms")


if __name__ == "__main__":
    main()
