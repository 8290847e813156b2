/**
 * Dependency arrows, routed with right angles.
 *
 * A link leaves its predecessor at the finish (FINISH_*) heading right or at the start (START_*)
 * heading left, and enters its successor at the start (*_START) pointing right or at the finish
 * (*_FINISH) pointing left. When one vertical segment can join the two horizontal stubs the arrow
 * has three segments; otherwise it doubles back between the two rows with five.
 */
import { barGeometry, ROW } from './bars.js';

const STUB = 8;

export const LINK_TYPES = ['FINISH_START', 'START_START', 'FINISH_FINISH', 'START_FINISH'];

/** Route of a link as an SVG path. */
export function linkPath(entry, scale) {
  const [exitSide, entrySide] = entry.link.type.split('_');
  const from = barGeometry(entry.predecessor, scale);
  const to = barGeometry(entry.successor, scale);
  const exitDirection = exitSide === 'FINISH' ? 1 : -1;
  const entryDirection = entrySide === 'START' ? 1 : -1; // direction the arrowhead points
  const x1 = exitDirection > 0 ? from.x2 : from.x1;
  const x2 = entryDirection > 0 ? to.x1 : to.x2;
  const y1 = entry.predecessor.row * ROW.height + ROW.middle;
  const y2 = entry.successor.row * ROW.height + ROW.middle;

  // The vertical segment x must be reachable from x1 heading exitDirection and must reach x2
  // heading entryDirection, each with at least one stub of room.
  const exitX = x1 + exitDirection * STUB;
  const approachX = x2 - entryDirection * STUB;
  let verticalX = null;
  if (exitDirection === entryDirection) {
    if ((approachX - exitX) * exitDirection >= 0) verticalX = exitX;
  } else {
    verticalX = exitDirection > 0 ? Math.max(exitX, approachX) : Math.min(exitX, approachX);
  }
  if (verticalX !== null) return `M${x1} ${y1}H${verticalX}V${y2}H${x2}`;
  const betweenRows = y1 + Math.sign(y2 - y1) * (ROW.height / 2);
  return `M${x1} ${y1}H${exitX}V${betweenRows}H${approachX}V${y2}H${x2}`;
}

/**
 * Markup for every link with at least one end in rows[from..to). A link whose other end is far
 * away is still drawn whole; the SVG viewport clips it.
 */
export function linksMarkup(rows, from, to, scale) {
  const normal = [];
  const critical = [];
  const add = (entry) => {
    // Both ends must be on a visible row: a link into a collapsed summary has nowhere to point.
    if (entry.predecessor.row < 0 || entry.successor.row < 0) return;
    const target = entry.predecessor.task.critical && entry.successor.task.critical ? critical : normal;
    target.push(`<path class="gantt-link" d="${linkPath(entry, scale)}"/>`);
  };
  for (let row = from; row < to; row++) {
    const record = rows[row];
    for (const entry of record.outgoing) add(entry);
    for (const entry of record.incoming) {
      // Links whose predecessor is also in range were drawn with the predecessor's outgoing links.
      if (entry.predecessor.row < from || entry.predecessor.row >= to) add(entry);
    }
  }
  return `<g class="gantt-links">${normal.join('')}</g><g class="gantt-links is-critical">${critical.join('')}</g>`;
}
