// 考核 ranking charts (ECharts): one horizontal bar per assessee, failing ones in red; data from the table's data-rows.
(function () {
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('.ranking-chart').forEach(function (el) {
      var rows = JSON.parse(el.dataset.rows || '[]').slice().reverse();
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
        xAxis: { type: 'value', min: 0, max: function (v) { return Math.max(100, Math.ceil(v.max)); } },
        yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }) },
        series: [{
          type: 'bar',
          label: { show: true, position: 'right' },
          data: rows.map(function (r) { return { value: r.total, itemStyle: { color: r.fail ? '#c0392b' : '#0b6e4f' } }; })
        }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
