// The S-curve of the Earned value page: cumulative planned value, actual cost and earned value by period,
// and the estimate at completion as a dashed line from today's actual cost to the forecast finish. The
// numbers come from the page (data-curve); the same figures are in the table below the chart.
const element = document.getElementById('s-curve');
if (element && window.echarts) {
  const curve = JSON.parse(element.dataset.curve);
  const chart = window.echarts.init(element, null, { renderer: 'svg' });
  const line = (name, data, extra = {}) => ({ name, type: 'line', data, symbolSize: 6, ...extra });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: curve.periods, boundaryGap: false },
    yAxis: { type: 'value' },
    series: [
      line('Planned value (PV)', curve.plannedValue),
      line('Actual cost (AC)', curve.actualCost),
      line('Earned value (EV)', curve.earnedValue, { symbolSize: 10 }),
      line('Forecast (EAC)', curve.forecast, { connectNulls: true, lineStyle: { type: 'dashed' } }),
    ],
  });
  window.addEventListener('resize', () => chart.resize());
  element.dataset.rendered = 'true';
}
