// 舆情趋势 (ECharts): items per topic per week, stacked; a click on a point opens the items of that topic and week.
(function () {
  function draw() {
    var node = document.getElementById('opinion-trend');
    if (!node || !window.echarts) { return; }
    var data = JSON.parse(node.dataset.chart || '{}');
    var region = node.dataset.region || '';
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 32, right: 12, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: data.weeks, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: (data.series || []).map(function (s) {
        return { name: s.name, type: 'line', stack: 'topics', areaStyle: {}, symbolSize: 6, data: s.data };
      })
    });
    chart.on('click', function (p) {
      if (p.seriesName === '其他') { return; }
      var from = data.from[p.dataIndex];
      var to = new Date(from + 'T00:00:00');
      to.setDate(to.getDate() + 6);
      var t = to.getFullYear() + '-' + String(to.getMonth() + 1).padStart(2, '0') + '-' + String(to.getDate()).padStart(2, '0');
      window.location.href = '/opinion/items?topic=' + encodeURIComponent(p.seriesName) + '&from=' + from + '&to=' + t + (region ? '&region=' + region : '') + '#list';
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
