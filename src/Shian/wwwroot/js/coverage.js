// Inspection coverage per region (ECharts): this year's share against the 20 % target line, five-year share beside it;
// a bar click opens that region's own breakdown.
(function () {
  function draw() {
    var el = document.getElementById('coverage-chart');
    if (!el || !window.echarts) { return; }
    var rows = JSON.parse(el.dataset.rows || '[]');
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: el.dataset.labelYear, type: 'bar', data: rows.map(function (r) { return r.year; }), itemStyle: { color: '#0b6e4f' },
          markLine: { symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' }, label: { formatter: el.dataset.labelTarget + ' 20%' }, data: [{ yAxis: 20 }] } },
        { name: el.dataset.labelFive, type: 'bar', data: rows.map(function (r) { return r.five; }), itemStyle: { color: '#7fb8a4' } }
      ]
    });
    chart.on('click', function (p) { var r = rows[p.dataIndex]; if (r) { location.href = '?region=' + r.code + '&year=' + el.dataset.year; } });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
