// The plan page's milestone timeline (ECharts): stacked bars per month; a click opens that month's tasks.
(function () {
  function draw() {
    var el = document.getElementById('timeline');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.source, { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (months) {
        var chart = echarts.init(el);
        var series = [
          { name: el.dataset.completed, key: 'completed', color: '#1e7a3c' },
          { name: el.dataset.open, key: 'open', color: '#0b6e4f' },
          { name: el.dataset.overdue, key: 'overdue', color: '#c0392b' }
        ];
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 40, right: 16, top: 36, bottom: 40 },
          xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
          yAxis: { type: 'value', minInterval: 1 },
          series: series.map(function (s) {
            return { name: s.name, type: 'bar', stack: 'all', itemStyle: { color: s.color }, data: months.map(function (m) { return m[s.key]; }) };
          })
        });
        chart.on('click', function (p) { location.href = el.dataset.plan + '?month=' + encodeURIComponent(p.name); });
        window.addEventListener('resize', function () { chart.resize(); });
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
