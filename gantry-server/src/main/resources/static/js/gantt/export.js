/**
 * PNG export of what is on screen: the table columns in view and the timeline's visible time
 * range, for the rows in view. The same markup functions that draw the chart draw the picture,
 * inside one standalone SVG that carries the chart's own style rules; the browser rasterises it
 * on a canvas.
 */
import { escapeMarkup } from './markup.js';
import { ROW } from './bars.js';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const CELL_PADDING = 8;

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

/** One table cell: a nested SVG, which clips its text to the cell like text-overflow does. */
function cellMarkup(x, y, width, height, text, { alignEnd = false, indent = 0, className = 'gantt-export-cell' } = {}) {
  const textX = alignEnd ? width - CELL_PADDING : CELL_PADDING + indent;
  const anchor = alignEnd ? ' text-anchor="end"' : '';
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}"><text class="${className}" x="${textX}" y="${height / 2}"${anchor}>${text}</text></svg>`;
}

/** The table as on screen, for rows[rowFrom..rowTo): header, cells and row separators. */
function tableMarkup(chart, rowFrom, rowTo, headerHeight, context) {
  const parts = [];
  const width = chart.columns.reduce((sum, column) => sum + column.width, 0);
  let x = 0;
  for (const column of chart.columns) {
    parts.push(cellMarkup(x, headerHeight / 2, column.width, headerHeight / 2, escapeMarkup(column.title),
      { alignEnd: column.align === 'end', className: 'gantt-export-head' }));
    x += column.width;
  }
  for (let row = rowFrom; row < rowTo; row++) {
    const record = chart.rows[row];
    const y = headerHeight + (row - rowFrom) * ROW.height;
    const rowClass = `gantt-export-cell${record.task.summary ? ' is-summary' : ''}`;
    x = 0;
    for (const column of chart.columns) {
      const name = column.key === 'name';
      const text = name ? escapeMarkup(record.task.name) : column.value(record, context);
      const late = column.late?.(record, context) ? ' is-late' : '';
      parts.push(cellMarkup(x, y, column.width, ROW.height, text, {
        alignEnd: column.align === 'end',
        indent: name ? (record.level - 1) * 16 + 20 : 0,
        className: rowClass + late,
      }));
      x += column.width;
    }
    parts.push(`<line class="gantt-header-line" x1="0" x2="${width}" y1="${y + ROW.height - 0.5}" y2="${y + ROW.height - 0.5}"/>`);
  }
  return parts.join('');
}

export async function exportPng(chart, { headerMarkup, bodyMarkup, headerHeight, tableContext }) {
  const { scroller } = chart.elements;
  const width = Math.max(1, Math.round(chart.viewport.width));
  const tableWidth = chart.tableWidth;
  const xFrom = Math.round(chart.scrollLeft);
  const xTo = xFrom + width;
  const rowFrom = Math.floor(scroller.scrollTop / ROW.height);
  const rowTo = Math.min(chart.rows.length, Math.ceil((scroller.scrollTop + chart.viewport.height) / ROW.height));
  const bodyTop = rowFrom * ROW.height;
  const bodyHeight = Math.max(ROW.height, (rowTo - rowFrom) * ROW.height);
  const totalWidth = tableWidth + width;
  const totalHeight = headerHeight + bodyHeight;

  const svg = `<svg xmlns="${SVG_NAMESPACE}" class="gantt-export" width="${totalWidth}" height="${totalHeight}" viewBox="0 0 ${totalWidth} ${totalHeight}">
    <style>${chartStyleRules()}</style>
    <rect width="100%" height="100%" fill="#ffffff"/>
    <rect class="gantt-header-band" width="${tableWidth}" height="${headerHeight}"/>
    <svg x="0" y="0" width="${tableWidth}" height="${totalHeight}" viewBox="${chart.tableScrollLeft} 0 ${tableWidth} ${totalHeight}">
      ${tableMarkup(chart, rowFrom, rowTo, headerHeight, tableContext())}
    </svg>
    <line class="gantt-header-rule" x1="0" x2="${tableWidth}" y1="${headerHeight}" y2="${headerHeight}"/>
    <line class="gantt-header-rule" x1="${tableWidth - 0.5}" x2="${tableWidth - 0.5}" y1="0" y2="${totalHeight}"/>
    <svg x="${tableWidth}" y="0" width="${width}" height="${headerHeight}" viewBox="${xFrom} 0 ${width} ${headerHeight}">${headerMarkup(xFrom, xTo, xFrom)}</svg>
    <svg x="${tableWidth}" y="${headerHeight}" width="${width}" height="${bodyHeight}" viewBox="${xFrom} ${bodyTop} ${width} ${bodyHeight}">${bodyMarkup(xFrom, xTo, rowFrom, rowTo, 'gantt-export-')}</svg>
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
