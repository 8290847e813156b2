/**
 * Dependency arrows, routed with right angles.
 *
 * A link leaves its predecessor at the finish (FINISH_*) heading right or at the start (START_*)
 * heading left, and enters its successor at the start (*_START) pointing right or at the finish
 * (*_FINISH) pointing left. When one vertical segment can join the two horizontal stubs the arrow
 * has three segments; otherwise it doubles back between the two rows with five.
 *
 * Rows are drawn in chunks (see gantt.js). A link whose ends lie in different chunks is drawn as
 * two halves, each belonging to the chunk of its end: the predecessor's half runs to the middle of
 * the last vertical segment, the successor's half from there to the arrowhead. Chunks can then come
 * and go independently, nothing is drawn twice, and a link with neither end on screen is not drawn.
 */
import { barGeometry, ROW } from './bars.js';

const STUB = 8;

/** Corner points of a link's route, from the predecessor to the arrow tip. */
function route(entry, scale) {
  const [exitSide, entrySide] = entry.link.type.split('_');
  const from = barGeometry(entry.predecessor, scale);
  const to = barGeometry(entry.successor, scale);
  const exitDirection = exitSide === 'FINISH' ? 1 : -1;
  const entryDirection = entrySide === 'START' ? 1 : -1; // the way the arrowhead points
  const x1 = exitDirection > 0 ? from.x2 : from.x1;
  const x2 = entryDirection > 0 ? to.x1 : to.x2;
  const y1 = entry.predecessor.row * ROW.height + ROW.middle;
  const y2 = entry.successor.row * ROW.height + ROW.middle;

  // The vertical segment must be reachable from x1 heading exitDirection and must reach x2
  // heading entryDirection, each with at least one stub of room.
  const exitX = x1 + exitDirection * STUB;
  const approachX = x2 - entryDirection * STUB;
  let verticalX = null;
  if (exitDirection === entryDirection) {
    if ((approachX - exitX) * exitDirection >= 0) verticalX = exitX;
  } else {
    verticalX = exitDirection > 0 ? Math.max(exitX, approachX) : Math.min(exitX, approachX);
  }
  if (verticalX !== null) return [[x1, y1], [verticalX, y1], [verticalX, y2], [x2, y2]];
  // Double back along the edge of the predecessor's row that faces the successor.
  const betweenRows = (entry.predecessor.row + (y2 > y1 ? 1 : 0)) * ROW.height;
  return [[x1, y1], [exitX, y1], [exitX, betweenRows], [approachX, betweenRows], [approachX, y2], [x2, y2]];
}

function pathData(points) {
  let data = `M${points[0][0]} ${points[0][1]}`;
  for (let index = 1; index < points.length; index++) {
    const [x, y] = points[index];
    data += points[index - 1][1] === y ? `H${x}` : `V${y}`;
  }
  return data;
}

/** The route cut in the middle of its last vertical segment: [predecessor half, successor half]. */
function halves(points) {
  const last = points.length - 2; // the last vertical segment runs from points[last - 1] to points[last]
  const [x, yFrom] = points[last - 1];
  const middle = [x, (yFrom + points[last][1]) / 2];
  return [[...points.slice(0, last), middle], [middle, ...points.slice(last)]];
}

/**
 * Markup for the links of rows[from..to): whole when both ends are in the range, halves when one
 * is. Four groups: with or without arrowheads (markers), critical or not.
 */
export function linksMarkup(rows, from, to, scale, markerPrefix) {
  const groups = { plain: [], arrowed: [], plainCritical: [], arrowedCritical: [] };
  const inRange = (record) => record.row >= from && record.row < to;
  const add = (entry, part) => {
    if (entry.predecessor.start == null || entry.successor.start == null) return;
    const critical = entry.predecessor.task.critical && entry.successor.task.critical;
    const points = route(entry, scale);
    if (part === 'whole') {
      (critical ? groups.arrowedCritical : groups.arrowed).push(`<path d="${pathData(points)}"/>`);
    } else {
      const [predecessorHalf, successorHalf] = halves(points);
      if (part === 'predecessor') (critical ? groups.plainCritical : groups.plain).push(`<path d="${pathData(predecessorHalf)}"/>`);
      else (critical ? groups.arrowedCritical : groups.arrowed).push(`<path d="${pathData(successorHalf)}"/>`);
    }
  };
  for (let row = from; row < to; row++) {
    const record = rows[row];
    // A link into a collapsed summary's hidden children has nowhere to point.
    for (const entry of record.outgoing) {
      if (entry.successor.row >= 0) add(entry, inRange(entry.successor) ? 'whole' : 'predecessor');
    }
    for (const entry of record.incoming) {
      if (entry.predecessor.row >= 0 && !inRange(entry.predecessor)) add(entry, 'successor');
    }
  }
  const arrow = (suffix) => ` marker-end="url(#${markerPrefix}arrow${suffix})"`;
  return `<g class="gantt-links">${groups.plain.join('')}</g>`
    + `<g class="gantt-links"${arrow('')}>${groups.arrowed.join('')}</g>`
    + `<g class="gantt-links is-critical">${groups.plainCritical.join('')}</g>`
    + `<g class="gantt-links is-critical"${arrow('-critical')}>${groups.arrowedCritical.join('')}</g>`;
}

/** Arrowhead markers referenced by linksMarkup, one set per SVG document. */
export function linkMarkerDefinitions(markerPrefix) {
  const marker = (suffix, className) => `<marker id="${markerPrefix}arrow${suffix}" class="${className}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0.5L8 4L0 7.5z"/></marker>`;
  return `<defs>${marker('', 'gantt-arrowhead')}${marker('-critical', 'gantt-arrowhead is-critical')}</defs>`;
}
