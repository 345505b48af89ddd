// Sampling plan quotas (ECharts): required against taken, one pair of bars per quota.
(function () {
  function draw() {
    var el = document.getElementById('quota-chart');
    if (!el || !window.echarts) { return; }
    var rows = JSON.parse(el.dataset.rows || '[]');
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 3 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: el.dataset.labelRequired, type: 'bar', data: rows.map(function (r) { return r.required; }), itemStyle: { color: '#7fb8a4' } },
        { name: el.dataset.labelTaken, type: 'bar', data: rows.map(function (r) { return r.taken; }), itemStyle: { color: '#0b6e4f' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
