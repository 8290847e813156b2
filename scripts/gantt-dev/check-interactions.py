#!/usr/bin/env python3
"""Drives the dev page with real mouse and keyboard input in headless Chromium and checks that
every edit reaches the host's callbacks: move, resize, progress, link, a refused move, keyboard
navigation, collapse and expand, double-click to open, and PNG export. Saves screenshots.

    python3 scripts/gantt-dev/check-interactions.py [output-folder]     (default /tmp/gantt-check)
"""
import base64
import functools
import http.server
import os
import sys
import threading
import time

from cdp import Browser

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gantt-check"
failures = []


def check(name, condition, detail=""):
    print(f"{'PASS' if condition else 'FAIL'}  {name}{'  ' + detail if detail else ''}")
    if not condition:
        failures.append(name)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    handler = functools.partial(QuietHandler, directory=REPO_ROOT)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    os.makedirs(OUT, exist_ok=True)
    server = serve()
    browser = Browser()
    try:
        run(browser, f"http://127.0.0.1:{server.server_address[1]}/scripts/gantt-dev/index.html?tasks=200&zoom=day")
    finally:
        browser.close()
        server.shutdown()
    print(f"{len(failures)} failure(s); screenshots in {OUT}")
    sys.exit(1 if failures else 0)


def run(b, url):
    b.navigate(url, "window.gantt")
    log = lambda: b.evaluate("document.getElementById('log').textContent")
    rect = lambda selector: b.evaluate(
        f"(() => {{ const e = document.querySelector({selector!r}); if (!e) return null;"
        " const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()")
    center = lambda r: (r[0] + r[2] / 2, r[1] + r[3] / 2)

    def task_where(condition):
        return b.evaluate(f"(() => {{ const i = ganttData.tasks.findIndex((t) => {condition}); return [i, ganttData.tasks[i].id]; }})()")

    def show(index, task_id):
        b.evaluate(f"gantt.scrollToTask({task_id!r}); gantt.scrollToDate(ganttData.tasks[{index}].start)")
        time.sleep(0.2)
        return b.evaluate(f"Number(document.getElementById('gantt1-row-{index}').dataset.row)")

    leaf = "!t.summary && !t.milestone"
    index, task_id = task_where(f"{leaf} && t.percentComplete > 0 && t.percentComplete < 100 && t.durationMinutes >= 1440")
    row = show(index, task_id)
    bar = rect(f'.gantt-task[data-row="{row}"] .gantt-bar')
    start = center(bar)
    b.mouse("mouseMoved", *start)
    time.sleep(0.1)
    tooltip = b.evaluate("(() => { const t = document.querySelector('.gantt-tooltip'); return t.hidden ? null : t.textContent; })()")
    name = b.evaluate(f"ganttData.tasks[{index}].name")
    check("resting on a bar shows its name, dates and slack", bool(tooltip) and tooltip.startswith(name) and "total slack" in tooltip,
          repr(tooltip))
    b.screenshot(f"{OUT}/hover.png")
    b.drag(start, (start[0] + 90, start[1]), before_release=lambda: b.screenshot(f"{OUT}/drag-move.png"))
    time.sleep(0.7)
    check("drag a bar calls onMoveTask", f"onMoveTask({task_id}, " in log())
    check("the host's answer is applied", "server moved" in log())
    b.screenshot(f"{OUT}/after-move.png")

    scroll_before = b.evaluate("document.querySelector('.gantt-time-hbar').scrollLeft")
    right = rect('.gantt-time-hbar')
    bar = rect(f'.gantt-task[data-row="{row}"] .gantt-bar')
    b.drag(center(bar), (right[0] + right[2] - 6, center(bar)[1]), steps=10, before_release=lambda: time.sleep(0.6))
    time.sleep(0.7)
    scrolled = b.evaluate("document.querySelector('.gantt-time-hbar').scrollLeft") - scroll_before
    check("dragging to the edge scrolls the timeline", scrolled > 100, f"{scrolled:.0f} px")
    check("and moves the task there", log().count(f"onMoveTask({task_id}, ") == 2)

    row = show(index, task_id)
    bar = rect(f'.gantt-task[data-row="{row}"] .gantt-bar')
    edge = (bar[0] + bar[2] - 2, bar[1] + bar[3] / 2)
    b.drag(edge, (edge[0] + 60, edge[1]), before_release=lambda: b.screenshot(f"{OUT}/drag-resize.png"))
    time.sleep(0.7)
    check("drag the right end calls onResizeTask", f"onResizeTask({task_id}, " in log())

    handle = rect(f'.gantt-task[data-row="{row}"] .gantt-handle-progress')
    b.drag(center(handle), (center(handle)[0] + 25, center(handle)[1]), before_release=lambda: b.screenshot(f"{OUT}/drag-progress.png"))
    time.sleep(0.7)
    check("drag the progress handle calls onProgressChange", f"onProgressChange({task_id}, " in log())

    # A task a few rows further down whose bar is on screen.
    area = rect('.gantt-time-hbar')
    target_row = row + 3
    while True:
        candidate = rect(f'.gantt-task[data-row="{target_row}"] .gantt-bar')
        if candidate and area[0] + 10 < candidate[0] < area[0] + area[2] - 40:
            break
        target_row += 1
    circle = rect(f'.gantt-task[data-row="{row}"] [data-part="link-finish"]')
    target = rect(f'.gantt-task[data-row="{target_row}"] .gantt-bar')
    b.drag(center(circle), (target[0] + 4, target[1] + target[3] / 2), steps=12,
           before_release=lambda: b.screenshot(f"{OUT}/drag-link.png"))
    time.sleep(0.7)
    text = log()
    check("drag from the finish circle to a bar calls onCreateLink with FINISH_START",
          f"onCreateLink({task_id}, " in text and "FINISH_START" in text.split("onCreateLink")[1].split("\n")[0])

    done_index, done_id = task_where(f"{leaf} && t.percentComplete === 100")
    done_row = show(done_index, done_id)
    bar = rect(f'.gantt-task[data-row="{done_row}"] .gantt-bar')
    b.drag(center(bar), (center(bar)[0] + 60, center(bar)[1]))
    time.sleep(0.7)
    error = b.evaluate(f"document.getElementById('gantt1-row-{done_index}').querySelector('.gantt-row-error')?.textContent")
    check("a refused move snaps back and shows the reason on the row", bool(error), repr(error))
    b.screenshot(f"{OUT}/refused-move.png")

    show(index, task_id)
    name_cell = rect(f'#gantt1-row-{index} .gantt-column-name')
    b.mouse("mousePressed", *center(name_cell), buttons=1)
    b.mouse("mouseReleased", *center(name_cell))
    time.sleep(0.2)
    check("clicking a row selects it", f"onSelect({task_id})" in log())
    b.key("ArrowDown", key_code=40)
    time.sleep(0.1)
    next_id = b.evaluate(f"ganttData.tasks[{index + 1}].id")
    check("ArrowDown selects the next row", f"onSelect({next_id})" in log())
    check("the selected row is the active descendant",
          b.evaluate("document.querySelector('.gantt').getAttribute('aria-activedescendant')") == f"gantt1-row-{index + 1}")
    summary_index, summary_id = task_where("t.summary && t.level === 2")
    show(summary_index, summary_id)
    b.evaluate(f"gantt.select({summary_id!r})")
    b.key("ArrowLeft", key_code=37)
    time.sleep(0.1)
    expanded = lambda: b.evaluate(f"document.getElementById('gantt1-row-{summary_index}').getAttribute('aria-expanded')")
    check("ArrowLeft collapses a summary", expanded() == "false")
    b.screenshot(f"{OUT}/collapsed.png")
    b.key("ArrowRight", key_code=39)
    time.sleep(0.1)
    check("ArrowRight expands it again", expanded() == "true")
    b.key("Enter", key_code=13)
    time.sleep(0.1)
    check("Enter opens the task", f"onOpenTask({summary_id})" in log())
    b.screenshot(f"{OUT}/keyboard-focus.png")

    row = show(index, task_id)
    bar = center(rect(f'.gantt-task[data-row="{row}"] .gantt-bar'))
    for clicks in (1, 2):
        b.mouse("mousePressed", *bar, buttons=1, clicks=clicks)
        b.mouse("mouseReleased", *bar, clicks=clicks)
    time.sleep(0.2)
    check("double-clicking a bar opens the task", f"onOpenTask({task_id})" in log())
    b.evaluate("document.getElementById('log').textContent = ''")
    cell = center(rect(f'#gantt1-row-{index} .gantt-column-name'))
    for clicks in (1, 2):
        b.mouse("mousePressed", *cell, buttons=1, clicks=clicks)
        b.mouse("mouseReleased", *cell, clicks=clicks)
    time.sleep(0.2)
    check("double-clicking a table row opens the task", f"onOpenTask({task_id})" in log())

    data_url = b.evaluate("gantt.exportPng().then((blob) => new Promise((resolve) => {"
                          " const reader = new FileReader(); reader.onload = () => resolve(reader.result); reader.readAsDataURL(blob); }))")
    png = base64.b64decode(data_url.split(",", 1)[1])
    with open(f"{OUT}/export.png", "wb") as file:
        file.write(png)
    check("exportPng() resolves with a PNG", png[:8] == b"\x89PNG\r\n\x1a\n", f"{len(png)} bytes")

    splitter = center(rect('.gantt-splitter'))
    b.drag(splitter, (splitter[0] - 120, splitter[1]))
    time.sleep(0.2)
    table_width = b.evaluate("document.querySelector('.gantt-table-body').getBoundingClientRect().width")
    check("dragging the splitter resizes the table", abs(table_width - 400) < 3, f"{table_width:.0f} px")

    for zoom in ("week", "month", "quarter", "year"):
        b.evaluate(f"gantt.setZoom({zoom!r})")
        time.sleep(0.2)
        b.screenshot(f"{OUT}/zoom-{zoom}.png")


if __name__ == "__main__":
    main()
