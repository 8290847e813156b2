/**
 * The dev page's own instrumentation (?measure=1): time to the first painted frame, then three
 * seconds of programmatic scrolling driven by requestAnimationFrame, recording the interval
 * between frames. The result goes to the console, the page title and #measure-result as
 * "GANTT_MEASURE key=value ...", where scripts/gantt-dev/measure.sh picks it up.
 */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const SCROLL_SECONDS = 3;
const SETTLE_MS = 500; // a person does not start scrolling within a frame of the chart appearing
const SCROLL_PX_PER_SECOND = 2400; // a brisk flick: about 85 rows a second

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

const round = (value) => Math.round(value * 10) / 10;

export async function measureScrolling({ scriptStart, createStart, generateMs, taskCount, linkCount }) {
  await nextFrame();
  await nextFrame();
  const painted = performance.now();
  const scroller = document.querySelector('.gantt-scroller');
  const maximum = scroller.scrollHeight - scroller.clientHeight;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

  const intervals = [];
  let direction = 1;
  let previous = await nextFrame();
  const start = previous;
  while (previous - start < SCROLL_SECONDS * 1000) {
    const now = await nextFrame();
    intervals.push(now - previous);
    let top = scroller.scrollTop + direction * SCROLL_PX_PER_SECOND * ((now - previous) / 1000);
    if (top >= maximum || top <= 0) direction = -direction;
    top = Math.max(0, Math.min(maximum, top));
    scroller.scrollTop = top;
    previous = now;
  }
  const measured = intervals.slice(5); // the first frames include the page settling
  const result = {
    tasks: taskCount,
    links: linkCount,
    first_render_ms: round(painted - scriptStart),
    navigation_to_first_render_ms: round(painted),
    generate_ms: round(generateMs),
    component_first_render_ms: round(painted - createStart),
    scroll_frames: measured.length,
    scroll_mean_frame_ms: round(measured.reduce((sum, value) => sum + value, 0) / measured.length),
    scroll_p95_frame_ms: round(percentile(measured, 0.95)),
    scroll_max_frame_ms: round(Math.max(...measured)),
    scroll_frames_over_17ms: measured.filter((value) => value > 17).length,
    dom_nodes: document.getElementsByTagName('*').length,
  };
  const line = `GANTT_MEASURE ${Object.entries(result).map(([key, value]) => `${key}=${value}`).join(' ')}`;
  console.log(line);
  document.title = line;
  document.getElementById('measure-result').textContent = line;
}
