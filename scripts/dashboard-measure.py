#!/usr/bin/env python3
"""Measures GET /api/v1/projects/{key}/dashboard on a large project (see dashboard-measure.sh).

Seeds a project of TASKS tasks and LINKS links as gantt-measure.py does (CSV import, one reschedule), sets
baseline 0, lengthens EDITS tasks so the schedule slips, sets the status date a month after the start, then
asks for the dashboard RUNS times (after three warm-up requests) and prints the median and 95th percentile
of the request time and of the server's own computation (the answer's computedMillis), then signs in as a
browser would and times the page /projects/{key} the same way.
Python standard library only.
"""
import http.cookiejar
import importlib.util
import os
import re
import urllib.parse
import urllib.request
import statistics
import time

spec = importlib.util.spec_from_file_location(
    "gantt_measure", os.path.join(os.path.dirname(os.path.abspath(__file__)), "gantt-measure.py"))
gm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gm)

RUNS = int(os.environ.get("RUNS", "20"))


def main():
    if not gm.PASSWORD:
        raise SystemExit("set GANTRY_ADMIN_PASSWORD (and GANTRY_URL, GANTRY_ADMIN_EMAIL)")
    answer, _ = gm.request("POST", "/api/v1/auth/tokens", None,
                           {"email": gm.EMAIL, "password": gm.PASSWORD, "name": "dashboard-measure"})
    token = answer["token"]
    key = os.environ.get("PROJECT") or gm.seed(token)
    base = f"/api/v1/projects/{key}"
    gm.request("POST", f"{base}/baselines/0", token, {})
    page, _ = gm.request("GET", f"{base}/tasks?size=200", token)
    leaves = [t for t in page["items"] if not t.get("summary")]
    for task in leaves[:3]:
        # Each edit reschedules and may move (and so version) the next task: read it just before.
        current, _ = gm.request("GET", f"{base}/tasks/{task['id']}", token)
        gm.request("PATCH", f"{base}/tasks/{task['id']}", token, {"duration": "9d", "version": current["version"]})
    project, _ = gm.request("GET", base, token)
    start = project["startDate"]
    year, month, day = (int(part) for part in start.split("-"))
    status = f"{year + (month // 12)}-{month % 12 + 1:02d}-{min(day, 28):02d}T12:00:00"
    gm.request("PUT", f"{base}/status-date", token, {"statusDate": status, "version": project["version"]})
    for _ in range(3):
        gm.request("GET", f"{base}/dashboard", token)
    requests, computed = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        dashboard, _ = gm.request("GET", f"{base}/dashboard", token)
        requests.append(1000 * (time.perf_counter() - started))
        computed.append(dashboard["computedMillis"])
    # The page itself (/projects/{key}) as a signed-in browser asks for it: the same figures rendered as HTML.
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = browser.open(gm.BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', login).group(1)
    browser.open(gm.BASE + "/login", urllib.parse.urlencode(
        {"email": gm.EMAIL, "password": gm.PASSWORD, "_csrf": csrf}).encode()).read()
    pages = []
    for run in range(RUNS + 3):
        started = time.perf_counter()
        html = browser.open(gm.BASE + f"/projects/{key}").read().decode()
        if run >= 3:
            pages.append(1000 * (time.perf_counter() - started))
    if 'id="dashboard"' not in html:
        raise SystemExit("the dashboard page did not render (not signed in?)")
    pages.sort()
    requests.sort()
    computed.sort()
    p95 = lambda values: values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    gm.log(f"leaf tasks {dashboard['progress']['leafTasks']}, slip {dashboard['finish']['slipDays']} days,"
           f" planned {dashboard['progress']['plannedPercent']} %, actual {dashboard['progress']['actualPercent']} %")
    print(f"dashboard_request_median_ms={statistics.median(requests):.0f}")
    print(f"dashboard_request_p95_ms={p95(requests):.0f}")
    print(f"dashboard_computed_median_ms={statistics.median(computed):.0f}")
    print(f"dashboard_computed_p95_ms={p95(computed):.0f}")
    print(f"dashboard_page_median_ms={statistics.median(pages):.0f}")
    print(f"dashboard_page_p95_ms={p95(pages):.0f}")
    print(f"project={key}")
    with open("/proc/loadavg") as load:
        print(f"load_average={','.join(load.read().split()[:3])}")


if __name__ == "__main__":
    main()
