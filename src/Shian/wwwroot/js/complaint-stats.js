// 投诉举报统计 (ECharts): hot spots by district/street (click → that region), categories, channels.
(function () {
  function bars(id, rows, el, onClick) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 72 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: el.dataset.labelTotal, type: 'bar', data: rows.map(function (r) { return r.total; }), itemStyle: { color: '#0b6e4f' } },
        { name: el.dataset.labelSub, type: 'bar', data: rows.map(function (r) { return r.substantiated; }), itemStyle: { color: '#c0392b' } }
      ]
    });
    if (onClick) { chart.on('click', function (p) { var r = rows[p.dataIndex]; if (r) { onClick(r); } }); }
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function draw() {
    var el = document.getElementById('stats-data');
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(el.dataset.json || '{}');
    bars('chart-regions', data.regions || [], el, function (r) { location.href = '?region=' + r.key + '&' + el.dataset.period; });
    bars('chart-categories', data.categories || [], el, function (r) { location.href = '/complaints?category=' + r.key + '#list'; });
    bars('chart-channels', data.channels || [], el, function (r) { location.href = '/complaints?channel=' + r.key + '#list'; });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
