#!/usr/bin/env python3
"""Records a Chromium trace (through Playwright) while the dev page scrolls through 10,000 tasks, and prints where the
time went: frame statistics, then the trace events with the largest total duration.

    python3 scripts/gantt-dev/trace-scroll.py [tasks] [links]      (default 10000 15000)
"""
import collections
import functools
import http.server
import json
import os
import sys
import tempfile
import threading
import time

from browser import Browser

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCROLL = """(async () => {
  const scroller = document.querySelector('.gantt-scroller');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const intervals = [];
  let previous = await frame();
  const start = previous;
  while (previous - start < 3000) {
    const now = await frame();
    intervals.push(now - previous);
    scroller.scrollTop += 2400 * (now - previous) / 1000;
    previous = now;
  }
  intervals.sort((a, b) => a - b);
  return { frames: intervals.length, p95: intervals[Math.floor(intervals.length * 0.95)],
           over17: intervals.filter((value) => value > 17).length };
})()"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    tasks, links = (sys.argv[1:3] + ["10000", "15000"][len(sys.argv[1:3]):])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=REPO_ROOT))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = Browser()
    try:
        browser.navigate(f"http://127.0.0.1:{server.server_address[1]}/scripts/gantt-dev/index.html?tasks={tasks}&links={links}",
                         "window.gantt")
        time.sleep(1)
        trace = os.path.join(tempfile.mkdtemp(), "trace.json")
        browser.start_tracing(["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc", "viz"], trace)
        print("scroll:", browser.evaluate(SCROLL))
        browser.stop_tracing()
        with open(trace) as file:
            events = json.load(file)["traceEvents"]
        os.remove(trace)
    finally:
        browser.close()
        server.shutdown()
    # Wall time says what the user waited for; CPU time ("tdur") what the work cost, which stays
    # comparable when other processes compete for the cores.
    total, cpu, count, longest = collections.Counter(), collections.Counter(), collections.Counter(), collections.defaultdict(float)
    for event in events:
        if event.get("ph") == "X" and "dur" in event:
            milliseconds = event["dur"] / 1000
            total[event["name"]] += milliseconds
            cpu[event["name"]] += event.get("tdur", event["dur"]) / 1000
            count[event["name"]] += 1
            longest[event["name"]] = max(longest[event["name"]], milliseconds)
    print(f"load average: {os.getloadavg()[0]:.1f}")
    for name, milliseconds in total.most_common(30):
        print(f"{name:50.50s} wall {milliseconds:8.1f} ms  cpu {cpu[name]:8.1f} ms  count {count[name]:5d}  longest {longest[name]:6.1f} ms")


if __name__ == "__main__":
    main()
