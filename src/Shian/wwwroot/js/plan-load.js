// Visits of an inspection plan per month (or week), stacked: done, still open, overdue; a bar click lists that period's visits.
(function () {
  function draw() {
    var el = document.getElementById('plan-chart');
    if (!el || !window.echarts) { return; }
    var rows = JSON.parse(el.dataset.rows || '[]');
    var chart = echarts.init(el);
    function series(name, key, color) {
      return { name: name, type: 'bar', stack: 'v', data: rows.map(function (r) { return r[key]; }), itemStyle: { color: color } };
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.label; }), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        series(el.dataset.labelDone, 'done', '#0b6e4f'),
        series(el.dataset.labelOpen, 'open', '#7fb8a4'),
        series(el.dataset.labelOverdue, 'overdue', '#c0392b')
      ]
    });
    chart.on('click', function (p) { var r = rows[p.dataIndex]; if (r) { location.href = '?period=' + r.from; } });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
