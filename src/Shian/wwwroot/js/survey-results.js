// A survey's estimate per district (ECharts): a bar each with its 95 % interval as an error bar, the overall
// (population-weighted) estimate as a line; data from the element's data-rows.
(function () {
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('.survey-chart').forEach(function (el) {
      var rows = JSON.parse(el.dataset.rows || '[]');
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: {
          trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: function (p) { var r = rows[p[0].dataIndex]; return r.name + '<br>' + r.value + '% (' + r.low + '–' + r.high + '%)'; }
        },
        grid: { left: 8, right: 16, top: 16, bottom: 24, containLabel: true },
        xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          {
            type: 'bar', data: rows.map(function (r) { return r.value; }), itemStyle: { color: '#0b6e4f' },
            markLine: { symbol: 'none', label: { formatter: el.dataset.overallLabel + ' {c}%' }, lineStyle: { color: '#b9770e', type: 'dashed' }, data: [{ yAxis: Number(el.dataset.overall) }] }
          },
          {
            type: 'custom', data: rows.map(function (r, i) { return [i, r.low, r.high]; }), z: 3,
            renderItem: function (params, api) {
              var x = api.value(0), lo = api.coord([x, api.value(1)]), hi = api.coord([x, api.value(2)]), w = 6;
              var style = { stroke: '#1f2933', lineWidth: 1.5 };
              return { type: 'group', children: [
                { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
                { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: style },
                { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: style }
              ] };
            }
          }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
