/**
 * Unit tests of the chart's pure modules, run in the browser (no Node, no test framework):
 * unit-tests.html shows the results, and GanttScriptsIT runs each as a JUnit test in ./test.sh.
 */
import { createCalendar, formatDateTime, isoWeekday, parseDateTime } from '../../gantry-server/src/main/resources/static/js/gantt/calendar.js';
import { createScale, unitNext, unitStart } from '../../gantry-server/src/main/resources/static/js/gantt/timescale.js';
import { attachLinks, buildRecords, visibleRows } from '../../gantry-server/src/main/resources/static/js/gantt/outline.js';
import { linksMarkup } from '../../gantry-server/src/main/resources/static/js/gantt/links.js';
import { resolveColumns } from '../../gantry-server/src/main/resources/static/js/gantt/table.js';
import { escapeMarkup } from '../../gantry-server/src/main/resources/static/js/gantt/markup.js';
import { barsMarkup } from '../../gantry-server/src/main/resources/static/js/gantt/bars.js';
import { createGantt } from '../../gantry-server/src/main/resources/static/js/gantt/gantt.js';

const tests = [];
const test = (name, body) => tests.push({ name, body });
function assertEqual(actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`expected ${e}, got ${a}`);
}

const day = (text) => parseDateTime(text).day;
const standard = createCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2027-01-01'] });

test('a local date-time parses into a day number and minutes', () => {
  assertEqual(parseDateTime('2026-11-16T13:45:00'), { day: 20773, minutes: 825 });
  assertEqual(parseDateTime('1970-01-01'), { day: 0, minutes: 0 });
});

test('formatting a day number and minutes gives back the ISO date-time', () => {
  assertEqual(formatDateTime(20773, 825), '2026-11-16T13:45:00');
});

test('day numbers count the same across a daylight-saving change', () => {
  assertEqual(day('2026-03-30') - day('2026-03-28'), 2);
  assertEqual(day('2026-10-26') - day('2026-10-24'), 2);
});

test('ISO weekdays run from Monday 1 to Sunday 7', () => {
  assertEqual(isoWeekday(day('2026-11-16')), 1);
  assertEqual(isoWeekday(day('2026-11-22')), 7);
});

test('adding working days skips weekends and holidays', () => {
  assertEqual(formatDateTime(standard.addWorkingDays(day('2026-12-24'), 1), 0), '2026-12-28T00:00:00');
  assertEqual(formatDateTime(standard.addWorkingDays(day('2026-12-24'), 5), 0), '2027-01-04T00:00:00');
  assertEqual(formatDateTime(standard.addWorkingDays(day('2027-01-04'), -5), 0), '2026-12-24T00:00:00');
});

test('adding many working days jumps whole weeks and still counts holidays', () => {
  let stepped = day('2026-12-01');
  for (let count = 0; count < 300; ) {
    stepped += 1;
    if (standard.isWorkingDay(stepped)) count += 1;
  }
  assertEqual(standard.addWorkingDays(day('2026-12-01'), 300), stepped);
});

test('working days between two dates count [from, to) and are signed', () => {
  assertEqual(standard.workingDaysBetween(day('2026-12-21'), day('2026-12-28')), 4);
  assertEqual(standard.workingDaysBetween(day('2026-12-28'), day('2026-12-21')), -4);
  assertEqual(standard.workingDaysBetween(day('2026-12-21'), day('2026-12-21')), 0);
});

test('a working day from 08:00 to 17:00 fills its whole column on the axis', () => {
  assertEqual(standard.toAxis(parseDateTime('2026-11-16T08:00:00')), day('2026-11-16'));
  assertEqual(standard.toAxis(parseDateTime('2026-11-16T17:00:00')), day('2026-11-17'));
  assertEqual(standard.toAxis(parseDateTime('2026-11-16T12:30:00')), day('2026-11-16') + 0.5);
});

test('header units start on Mondays, months, quarters and years', () => {
  assertEqual(formatDateTime(unitStart('week', day('2026-11-19')), 0), '2026-11-16T00:00:00');
  assertEqual(formatDateTime(unitStart('quarter', day('2026-11-19')), 0), '2026-10-01T00:00:00');
  assertEqual(formatDateTime(unitNext('month', day('2026-12-01')), 0), '2027-01-01T00:00:00');
  assertEqual(formatDateTime(unitNext('half', day('2026-07-01')), 0), '2027-01-01T00:00:00');
});

function project(links, changes = {}) {
  const task = (id, parentId, level, start, finish, extra = {}) => ({
    id, name: id, parentId, level, start: `2026-11-${start}T08:00:00`, finish: `2026-11-${finish}T17:00:00`, ...extra, ...changes[id],
  });
  const tasks = [
    task('S', null, 1, 16, 20, { summary: true }),
    task('A', 'S', 2, 16, 17),
    task('B', 'S', 2, 19, 20),
    task('C', null, 1, 23, 24),
  ];
  const { records, byId } = buildRecords(tasks, standard);
  attachLinks(links, byId, records);
  return { records, byId, scale: createScale('day', day('2026-11-16'), standard) };
}

test('a collapsed summary hides its children and keeps later rows in order', () => {
  const { records } = project([]);
  assertEqual(visibleRows(records, new Set(['S'])).map((record) => record.id), ['S', 'C']);
  assertEqual(records.map((record) => record.row), [0, -1, -1, 1]);
});

test('a finish-to-start link with room runs right, down, and right into the start', () => {
  const { records, scale } = project([{ id: 'L', predecessorId: 'A', successorId: 'B', type: 'FINISH_START' }]);
  const rows = visibleRows(records, new Set());
  const markup = linksMarkup(rows, 0, rows.length, scale, 'test-');
  // A ends at x 64 (two days of 32 px) on row 1 (y 41); B starts at x 96 on row 2 (y 69).
  if (!markup.includes('d="M64 41H72V69H96"')) throw new Error(markup);
});

test('a finish-to-start link without room doubles back between the rows', () => {
  const { records, scale } = project([{ id: 'L', predecessorId: 'B', successorId: 'C', type: 'FINISH_START' },
    { id: 'M', predecessorId: 'C', successorId: 'A', type: 'FINISH_START' }]);
  const rows = visibleRows(records, new Set());
  const markup = linksMarkup(rows, 0, rows.length, scale, 'test-');
  // C (row 3, x 224-288) to A (row 1, x 0-64): out to 296, up to the edge between rows 2 and 3,
  // back to -8 and down into A's start.
  if (!markup.includes('d="M288 97H296V84H-8V41H0"')) throw new Error(markup);
});

test('a link between two chunks is drawn in halves that meet, only one with an arrowhead', () => {
  const { records, scale } = project([{ id: 'L', predecessorId: 'A', successorId: 'C', type: 'START_FINISH' }]);
  const rows = visibleRows(records, new Set());
  const top = linksMarkup(rows, 0, 2, scale, 'test-');
  const bottom = linksMarkup(rows, 2, 4, scale, 'test-');
  // A starts at x 0 on row 1; C finishes at x 288 on row 3: one doubling back route, cut in the
  // middle of its last vertical segment (y 56 to 97).
  if (!top.includes('<g class="gantt-links"><path d="M0 41H-8V56H296V76.5"/>')) throw new Error(top);
  if (!bottom.includes('marker-end="url(#test-arrow)"><path d="M296 76.5V97H288"/>')) throw new Error(bottom);
});

test('links to a task hidden in a collapsed summary are not drawn', () => {
  const { records, scale } = project([{ id: 'L', predecessorId: 'A', successorId: 'C', type: 'FINISH_START' }]);
  const rows = visibleRows(records, new Set(['S']));
  assertEqual(linksMarkup(rows, 0, rows.length, scale, 'test-').includes('<path'), false);
});

test('a task not scheduled yet has a row but no bar, and no links are drawn to it', () => {
  const link = { id: 'L', predecessorId: 'A', successorId: 'B', type: 'FINISH_START' };
  const { records, scale } = project([link], { B: { start: null, finish: null } });
  const rows = visibleRows(records, new Set());
  assertEqual(rows.length, 4);
  assertEqual(barsMarkup(rows, 2, 3, scale, { shortDate: String, dayMonth: String }, { editable: {} }), '');
  assertEqual(linksMarkup(rows, 0, rows.length, scale, 'test-').includes('<path'), false);
});

test('an empty project opens, and a chart removes itself on destroy', () => {
  const container = document.createElement('div');
  document.body.append(container);
  const gantt = createGantt(container, {
    data: { project: { start: '2026-11-16T08:00:00', finish: null, today: '2026-11-20T12:00:00', minutesPerDay: 480, calendar: {} }, tasks: [], links: [] },
  });
  assertEqual(container.querySelectorAll('.gantt-row').length, 0);
  gantt.destroy();
  assertEqual(container.children.length, 0);
  container.remove();
});

test('columns are given by key or overridden by object, and unknown keys are refused', () => {
  assertEqual(resolveColumns(['wbs', { key: 'name', width: 300 }]).map((column) => [column.key, column.width]), [['wbs', 76], ['name', 300]]);
  let refused = false;
  try {
    resolveColumns(['cost']);
  } catch {
    refused = true;
  }
  assertEqual(refused, true);
});

test('text is escaped for markup', () => {
  assertEqual(escapeMarkup(`<b>"R&D" isn't</b>`), '&lt;b&gt;&quot;R&amp;D&quot; isn&#39;t&lt;/b&gt;');
});

// Each test's outcome, for GanttScriptsIT (one JUnit test per entry) and for this page.
const outcomes = [];
for (const { name, body } of tests) {
  try {
    body();
    outcomes.push({ name, failure: null });
  } catch (error) {
    outcomes.push({ name, failure: error.message });
  }
}
const failed = outcomes.filter((outcome) => outcome.failure !== null).length;
document.getElementById('results').textContent =
  outcomes.map(({ name, failure }) => (failure === null ? `PASS  ${name}\n` : `FAIL  ${name}\n      ${failure}\n`)).join('') +
  `UNIT_TESTS passed=${tests.length - failed} failed=${failed}\n`;
document.title = `UNIT_TESTS passed=${tests.length - failed} failed=${failed}`;
window.ganttUnitTests = outcomes;
