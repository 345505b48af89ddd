// Sampling pass rates (ECharts): by region (click → that region), by category (click → its sub-categories), by month.
(function () {
  function bars(id, rows, el, onClick) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [{ type: 'value', min: function (v) { return Math.max(0, Math.floor(v.min - 5)); }, max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1 }],
      series: [
        { name: el.dataset.labelRate, type: 'bar', data: rows.map(function (r) { return r.rate; }), itemStyle: { color: '#0b6e4f' } },
        { name: el.dataset.labelSamples, type: 'line', yAxisIndex: 1, data: rows.map(function (r) { return r.samples; }), itemStyle: { color: '#c98a1b' } }
      ]
    });
    if (onClick) { chart.on('click', function (p) { var r = rows[p.dataIndex]; if (r) { onClick(r); } }); }
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function draw() {
    var el = document.getElementById('stats-data');
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(el.dataset.json || '{}');
    var period = el.dataset.period;
    var cat = el.dataset.category ? '&category=' + el.dataset.category : '';
    bars('chart-regions', data.regions || [], el, function (r) { location.href = '?region=' + r.key + cat + '&' + period; });
    bars('chart-categories', data.categories || [], el, function (r) { location.href = '?region=' + el.dataset.region + '&category=' + r.key + '&' + period; });
    bars('chart-months', data.months || [], el, null);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
