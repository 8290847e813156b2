#!/usr/bin/env python3
"""Measures the Gantt view of a large project on a running Gantry server (see gantt-measure.sh).

1. Seeds a project of TASKS tasks (one summary per 20 rows) and LINKS links through the CSV import
   API (the links go from each task to one or two of the 1,000 tasks before it; 90 % finish-to-start),
   then reschedules it once.
2. reschedule_ms: changes the duration of EDITS tasks drawn across the project through the normal
   task API (after three warm-up edits); the server reports its reschedule-and-store time in the
   Server-Timing header; the median is printed. reschedule_worst_case_ms: the same for the first
   task, which moves nearly all 10,000 (median of 3). Every edit's figures go to stderr.
3. Opens /projects/{key}/gantt in headless Chromium (logged in as the admin):
   first_render_ms = navigation start to the second animation frame after createGantt() (the page
   fetches the whole schedule from /gantt, then draws); scroll_p95_frame_ms = 95th percentile of
   requestAnimationFrame intervals while scrolling 2,400 px/s for 3 s, half a second after the
   first render (the same method as scripts/gantt-dev/measure.js).
Python standard library and Playwright for Java (scripts/gantt-dev/browser.py: a 1400 x 900 page).
"""
import json
import os
import random
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gantt-dev"))
import browser as page_driver  # noqa: E402

BASE = os.environ.get("GANTRY_URL", "http://localhost:8080").rstrip("/")
EMAIL = os.environ.get("GANTRY_ADMIN_EMAIL", "admin@gantry.local")
PASSWORD = os.environ.get("GANTRY_ADMIN_PASSWORD")
TASKS = int(os.environ.get("TASKS", "10000"))
LINKS = int(os.environ.get("LINKS", "15000"))
EDITS = int(os.environ.get("EDITS", "7"))


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def request(method, path, token=None, body=None, content_type="application/json", raw=False):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=600) as response:
            text = response.read().decode()
            return (json.loads(text) if text else None), response.headers
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {path}: {error.code} {error.read().decode()[:500]}")


def plan_csv(tasks, links, seed=7):
    """Rows of ID, Name, Outline Level, Duration, Predecessors: a summary every 20 rows."""
    rng = random.Random(seed)
    leaves = []
    rows = []
    kinds = ["FS"] * 18 + ["SS", "FF"]
    link_rows = {}
    for number in range(1, tasks + 1):
        summary = (number - 1) % 20 == 0
        rows.append([number, f"{'Phase' if summary else 'Task'} {number}", 1 if summary else 2,
                     "1d" if summary else f"{rng.randint(1, 10)}d"])
        if not summary:
            leaves.append(number)
    remaining = links
    for index, number in enumerate(leaves[1:], start=1):
        if remaining <= 0:
            break
        wanted = 2 if rng.random() < (links / max(1, len(leaves) - 1)) - 1 else 1
        window = leaves[max(0, index - 1000):index]
        for predecessor in rng.sample(window, min(wanted, len(window), remaining)):
            kind = rng.choice(kinds)
            lag = rng.choice(["", "", "", "", "+1d", "+2d", "-1d"])
            link_rows.setdefault(number, []).append(f"{predecessor}{kind}{lag}")
            remaining -= 1
    lines = ["ID,Name,Outline Level,Duration,Predecessors"]
    for number, name, level, duration in rows:
        predecessors = ";".join(link_rows.get(number, []))
        lines.append(f"{number},{name},{level},{duration},\"{predecessors}\"")
    return "\n".join(lines) + "\n", links - remaining


def multipart(fields, file_name, content):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
                 f"Content-Type: text/csv\r\n\r\n".encode() + content.encode() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def server_timing(headers, metric="reschedule"):
    for entry in (headers.get("Server-Timing") or "").split(","):
        name, _, rest = entry.strip().partition(";")
        if name == metric and rest.startswith("dur="):
            return float(rest[4:])
    raise SystemExit(f"the answer had no Server-Timing: {metric};dur=...")


def steps(headers):
    return ", ".join(f"{step} {server_timing(headers, 'reschedule-' + step):.0f}" for step in ("load", "engine", "store"))


def seed(token):
    key = "M" + uuid.uuid4().hex[:7].upper()
    content, link_count = plan_csv(TASKS, LINKS)
    body, content_type = multipart({"key": key, "name": f"Measured {TASKS}"}, "measure.csv", content)
    started = time.time()
    request("POST", "/api/v1/projects/import/table", token, body, content_type)
    log(f"imported {TASKS} tasks and {link_count} links as {key} in {time.time() - started:.1f} s")
    started = time.time()
    result, headers = request("POST", f"/api/v1/projects/{key}/reschedule", token)
    log(f"first full reschedule: {len(result['changed'])} tasks stored, server {server_timing(headers):.0f} ms,"
        f" request {1000 * (time.time() - started):.0f} ms")
    return key


def edit_duration(token, key, task_id, edit):
    current, _ = request("GET", f"/api/v1/projects/{key}/tasks/{task_id}", token)
    duration = f"{3 + edit % 2 * 2}d" if current["durationMinutes"] != (3 + edit % 2 * 2) * 480 else "4d"
    answer, headers = request("PATCH", f"/api/v1/projects/{key}/tasks/{task_id}", token,
                              {"duration": duration, "version": current["version"]})
    figure = server_timing(headers)
    log(f"edit of task {current['wbs']}: duration {duration}, {len(answer['moved'])} tasks moved,"
        f" reschedule-and-store {figure:.1f} ms ({steps(headers)})")
    return figure


def reschedule_after_edits(token, key):
    """Median over EDITS duration edits of tasks drawn across the project (a person's typical edit),
    and the worst case: the first task, whose change moves nearly every other task."""
    leaves = []
    page = 0
    while True:
        tasks, _ = request("GET", f"/api/v1/projects/{key}/tasks?size=500&page={page}", token)
        leaves += [t["id"] for t in tasks["items"] if not t["summary"] and not t["milestone"]]
        page += 1
        if page * 500 >= tasks["total"]:
            break
    rng = random.Random(11)
    # Three warm-up edits: the first requests at a new project size compile the hot paths.
    for edit in range(3):
        edit_duration(token, key, leaves[len(leaves) // 3 + edit], edit)
    typical = [edit_duration(token, key, task, edit) for edit, task in enumerate(rng.sample(leaves, EDITS), start=1)]
    worst = [edit_duration(token, key, leaves[0], edit) for edit in range(3)]
    return statistics.median(typical), statistics.median(worst)


SCROLL_SCRIPT = """
(async () => {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const scroller = document.querySelector('.gantt-scroller');
  const maximum = scroller.scrollHeight - scroller.clientHeight;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const intervals = [];
  let direction = 1;
  let previous = await nextFrame();
  const start = previous;
  while (previous - start < 3000) {
    const now = await nextFrame();
    intervals.push(now - previous);
    let top = scroller.scrollTop + direction * 2400 * ((now - previous) / 1000);
    if (top >= maximum || top <= 0) direction = -direction;
    scroller.scrollTop = Math.max(0, Math.min(maximum, top));
    previous = now;
  }
  const measured = intervals.slice(5).sort((a, b) => a - b);
  return { p95: measured[Math.floor(0.95 * measured.length)], frames: measured.length,
           over17: measured.filter((v) => v > 17).length, max: measured[measured.length - 1],
           dom: document.getElementsByTagName('*').length };
})()
"""


def measure_page(key):
    browser = page_driver.Browser()
    try:
        browser.navigate(f"{BASE}/login", "document.querySelector('input[name=email]')")
        browser.evaluate(f"""(() => {{
            document.querySelector('input[name=email]').value = {json.dumps(EMAIL)};
            document.querySelector('input[name=password]').value = {json.dumps(PASSWORD)};
            document.querySelector('form').submit(); }})()""")
        time.sleep(1.5)
        # Once to warm the server's caches and the browser's module cache, then the measured load.
        browser.navigate(f"{BASE}/projects/{key}/gantt", "window.gantryGantt && window.gantryGantt.paintedMs", 120)
        browser.navigate(f"{BASE}/projects/{key}/gantt", "window.gantryGantt && window.gantryGantt.paintedMs", 120)
        times = browser.evaluate("({...window.gantryGantt, chart: undefined})")
        scroll = browser.evaluate(SCROLL_SCRIPT)
        return times, scroll
    finally:
        browser.close()


def main():
    if not PASSWORD:
        raise SystemExit("set GANTRY_ADMIN_PASSWORD (and GANTRY_URL, GANTRY_ADMIN_EMAIL)")
    token_answer, _ = request("POST", "/api/v1/auth/tokens", None,
                              {"email": EMAIL, "password": PASSWORD, "name": "gantt-measure"})
    token = token_answer["token"]
    key = os.environ.get("PROJECT") or seed(token)
    reschedule_ms, worst_case_ms = reschedule_after_edits(token, key)
    times, scroll = measure_page(key)
    log(f"page: fetch started {times['fetchStartedMs']:.0f} ms, chart created {times['createdMs']:.0f} ms,"
        f" painted {times['paintedMs']:.0f} ms after navigation start")
    log(f"scroll: {scroll['frames']} frames, {scroll['over17']} over 17 ms, worst {scroll['max']:.1f} ms,"
        f" {scroll['dom']} DOM nodes")
    print(f"first_render_ms={times['paintedMs']:.0f}")
    print(f"scroll_p95_frame_ms={scroll['p95']:.1f}")
    print(f"reschedule_ms={reschedule_ms:.1f}")
    print(f"reschedule_worst_case_ms={worst_case_ms:.1f}")
    print(f"project={key}")
    with open("/proc/loadavg") as load:
        print(f"load_average={','.join(load.read().split()[:3])}")


if __name__ == "__main__":
    main()
