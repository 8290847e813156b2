/**
 * PNG export of what is on screen: the timeline header and the visible rows, with a column of
 * task names in front. The same markup functions that draw the chart draw the picture, inside one
 * standalone SVG that carries the chart's own style rules; the browser rasterises it on a canvas.
 */
import { escapeMarkup } from './markup.js';
import { ROW } from './bars.js';

const NAME_COLUMN_WIDTH = 260;
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Text of every style rule that styles the chart, so the exported SVG looks like the screen. */
function chartStyleRules() {
  const rules = [];
  for (const sheet of document.styleSheets) {
    let sheetRules;
    try {
      sheetRules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet cannot be read and does not style the chart anyway
    }
    for (const rule of sheetRules) if (rule.cssText.includes('gantt')) rules.push(rule.cssText);
  }
  return rules.join('\n');
}

function namesMarkup(chart, rowFrom, rowTo, top) {
  const parts = [];
  for (let row = rowFrom; row < rowTo; row++) {
    const record = chart.rows[row];
    const y = top + (row - rowFrom) * ROW.height;
    const weight = record.task.summary ? ' font-weight="600"' : '';
    parts.push(`<text class="gantt-export-name" x="${8 + (record.level - 1) * 14}" y="${y + ROW.middle}"${weight}>${escapeMarkup(record.task.name)}</text>`);
    parts.push(`<line class="gantt-header-line" x1="0" x2="${NAME_COLUMN_WIDTH}" y1="${y + ROW.height - 0.5}" y2="${y + ROW.height - 0.5}"/>`);
  }
  return parts.join('');
}

export async function exportPng(chart, { headerMarkup, bodyMarkup, headerHeight }) {
  const { scroller } = chart.elements;
  const width = Math.max(1, Math.round(chart.viewport.width));
  const xFrom = Math.round(chart.scrollLeft);
  const xTo = xFrom + width;
  const rowFrom = Math.floor(scroller.scrollTop / ROW.height);
  const rowTo = Math.min(chart.rows.length, Math.ceil((scroller.scrollTop + chart.viewport.height) / ROW.height));
  const bodyTop = rowFrom * ROW.height;
  const bodyHeight = Math.max(ROW.height, (rowTo - rowFrom) * ROW.height);
  const totalWidth = NAME_COLUMN_WIDTH + width;
  const totalHeight = headerHeight + bodyHeight;

  const svg = `<svg xmlns="${SVG_NAMESPACE}" class="gantt-export" width="${totalWidth}" height="${totalHeight}" viewBox="0 0 ${totalWidth} ${totalHeight}">
    <style>${chartStyleRules()}</style>
    <rect width="100%" height="100%" fill="#ffffff"/>
    <rect class="gantt-header-band" width="${NAME_COLUMN_WIDTH}" height="${headerHeight}"/>
    <text class="gantt-export-name" x="8" y="${headerHeight / 2}" font-weight="600">Task name</text>
    <line class="gantt-header-rule" x1="0" x2="${NAME_COLUMN_WIDTH}" y1="${headerHeight}" y2="${headerHeight}"/>
    ${namesMarkup(chart, rowFrom, rowTo, headerHeight)}
    <line class="gantt-header-rule" x1="${NAME_COLUMN_WIDTH - 0.5}" x2="${NAME_COLUMN_WIDTH - 0.5}" y1="0" y2="${totalHeight}"/>
    <svg x="${NAME_COLUMN_WIDTH}" y="0" width="${width}" height="${headerHeight}" viewBox="${xFrom} 0 ${width} ${headerHeight}">${headerMarkup(xFrom, xTo, xFrom)}</svg>
    <svg x="${NAME_COLUMN_WIDTH}" y="${headerHeight}" width="${width}" height="${bodyHeight}" viewBox="${xFrom} ${bodyTop} ${width} ${bodyHeight}">${bodyMarkup(xFrom, xTo, rowFrom, rowTo, 'gantt-export-')}</svg>
  </svg>`;

  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(totalWidth * scale);
    canvas.height = Math.round(totalHeight * scale);
    const context = canvas.getContext('2d');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
