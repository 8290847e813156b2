#!/usr/bin/env python3
"""Measures the board of a large project on a running Gantry server (see board-measure.sh).

Seeds a project of TASKS tasks (a summary task every 20 rows, so 1,900 cards of 2,000 tasks) and LINKS links
as gantt-measure.py does, spreads MOVED cards over In progress and Done with real moves, then times, RUNS
times each after three uncounted warm-up requests, one after the other (a single person's latency):

  task_get            GET /api/v1/projects/{key}/tasks/{id}: the baseline, one task with its links
  board_api           GET /api/v1/projects/{key}/board: every column with every card
  board_page          GET /projects/{key}/board as a signed-in browser asks for it (each list's first 50 cards)
  move_card           POST /api/v1/projects/{key}/tasks/{id}/move-card, a card back and forth between To do
                      and In progress with the version the previous answer gave (each move changes the
                      status, so it goes through the task update and reschedules the project like any edit)
  board_browser_load  in headless Chromium, navigation start to the end of the load event of
                      /projects/{key}/board (HTML, styles, board.js with SortableJS on every column),
                      BROWSER_RUNS (20) loads after three uncounted ones; BROWSER=0 skips it
  board_browser_cold  the first of those loads: a new browser profile (nothing cached), the user's first open

and prints the median and 95th percentile (nearest rank) of each in milliseconds, and for the browser
loads where the time went (medians: the HTML received, parsed, scripts run; its size, the page's elements
and cards).
Python standard library; reuses gantt-measure.py's seeding and scripts/gantt-dev/browser.py (Playwright for Java).
"""
import http.cookiejar
import importlib.util
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gantt_measure", os.path.join(here, "gantt-measure.py"))
gm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gm)
sys.path.insert(0, os.path.join(here, "gantt-dev"))
import browser as page_driver  # noqa: E402

RUNS = int(os.environ.get("RUNS", "30"))
MOVED = int(os.environ.get("MOVED", "200"))
BROWSER_RUNS = int(os.environ.get("BROWSER_RUNS", "20"))


def timed(action):
    for _ in range(3):
        action()
    figures = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        figures.append(1000 * (time.perf_counter() - started))
    return figures


def report(name, figures):
    figures = sorted(figures)
    p95 = figures[min(len(figures) - 1, int(round(0.95 * (len(figures) - 1))))]
    print(f"{name}_median_ms={statistics.median(figures):.1f}")
    print(f"{name}_p95_ms={p95:.1f}")


def browser_loads(key):
    browser = page_driver.Browser()
    try:
        browser.navigate(f"{gm.BASE}/login", "document.querySelector('input[name=email]')")
        browser.evaluate(f"""(() => {{
            document.querySelector('input[name=email]').value = {json.dumps(gm.EMAIL)};
            document.querySelector('input[name=password]').value = {json.dumps(gm.PASSWORD)};
            document.querySelector('form').submit(); }})()""")
        time.sleep(1.5)
        loads = []
        phases = {}
        cold = None
        for run in range(BROWSER_RUNS + 3):
            browser.evaluate("window.__previousPage = true")
            browser.navigate(f"{gm.BASE}/projects/{key}/board",
                             "!window.__previousPage && document.querySelector('#board .card')"
                             " && performance.getEntriesByType('navigation')[0].loadEventEnd > 0", 120)
            timing = browser.evaluate("""(() => {
                const n = performance.getEntriesByType('navigation')[0];
                return { load: n.loadEventEnd, html_received: n.responseEnd, html_parsed: n.domInteractive,
                         scripts_run: n.domContentLoadedEventEnd, html_bytes: n.decodedBodySize,
                         html_transfer_bytes: n.transferSize, elements: document.getElementsByTagName('*').length,
                         cards: document.querySelectorAll('#board .card').length }; })()""")
            if run == 0:
                cold = timing["load"]
            if run >= 3:
                loads.append(timing["load"])
                for name, value in timing.items():
                    phases.setdefault(name, []).append(value)
        gm.log("browser, medians: " + ", ".join(f"{name} {statistics.median(values):.0f}" for name, values in phases.items()))
        return loads, cold
    finally:
        browser.close()


def main():
    if not gm.PASSWORD:
        raise SystemExit("set GANTRY_ADMIN_PASSWORD (and GANTRY_URL, GANTRY_ADMIN_EMAIL)")
    answer, _ = gm.request("POST", "/api/v1/auth/tokens", None,
                           {"email": gm.EMAIL, "password": gm.PASSWORD, "name": "board-measure"})
    token = answer["token"]
    key = os.environ.get("PROJECT") or gm.seed(token)
    base = f"/api/v1/projects/{key}"
    board, _ = gm.request("GET", f"{base}/board", token)
    todo = board["columns"][0]["cards"]
    started = time.time()
    for index, card in enumerate(todo[:MOVED]):
        status = board["columns"][1 if index % 2 == 0 else 2]["status"]
        gm.request("POST", f"{base}/tasks/{card['id']}/move-card", token, {"status": status, "version": card["version"]})
    gm.log(f"{min(MOVED, len(todo))} cards moved to In progress and Done in {time.time() - started:.1f} s")
    board, _ = gm.request("GET", f"{base}/board", token)
    gm.log("cards per column: " + ", ".join(f"{c['name']} {c['cardCount']}" for c in board["columns"]))
    one = board["columns"][0]["cards"][-1]
    statuses = [board["columns"][0]["status"], board["columns"][1]["status"]]

    task_get = timed(lambda: gm.request("GET", f"{base}/tasks/{one['id']}", token))
    board_api = timed(lambda: gm.request("GET", f"{base}/board", token))

    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = browser.open(gm.BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', login).group(1)
    browser.open(gm.BASE + "/login", urllib.parse.urlencode(
        {"email": gm.EMAIL, "password": gm.PASSWORD, "_csrf": csrf}).encode()).read()
    page = {}

    def open_page():
        page["html"] = browser.open(gm.BASE + f"/projects/{key}/board").read().decode()

    board_page = timed(open_page)
    if '<li class="card' not in page["html"]:
        raise SystemExit("the board page did not show the cards (not signed in?)")

    card = {"version": gm.request("GET", f"{base}/tasks/{one['id']}", token)[0]["version"], "moves": 0}

    def move():
        target = statuses[(card["moves"] + 1) % 2]
        answer, _ = gm.request("POST", f"{base}/tasks/{one['id']}/move-card", token,
                               {"status": target, "position": 1, "version": card["version"]})
        card["version"] = answer["version"]
        card["moves"] += 1

    move_card = timed(move)
    report("task_get", task_get)
    report("board_api", board_api)
    report("board_page", board_page)
    report("move_card", move_card)
    if os.environ.get("BROWSER", "1") != "0":
        loads, cold = browser_loads(key)
        report("board_browser_load", loads)
        print(f"board_browser_cold_ms={cold:.1f}")
    print(f"cards={sum(c['cardCount'] for c in board['columns'])}")
    print(f"project={key}")
    with open("/proc/loadavg") as load:
        print(f"load_average={','.join(load.read().split()[:3])}")


if __name__ == "__main__":
    main()
