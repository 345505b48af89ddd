// 指标下钻 (ECharts): the child regions as bars with the target line (click → that region), and the year-to-date trend.
(function () {
  function draw() {
    var el = document.getElementById('indicator-data');
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(el.dataset.json || '{}');
    var markLine = data.target == null ? undefined : {
      symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' },
      label: { formatter: data.targetLabel || '' }, data: [{ yAxis: data.target }]
    };
    var children = document.getElementById('chart-children');
    if (children && data.children && data.children.length) {
      var c = echarts.init(children);
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: 72 },
        xAxis: { type: 'category', data: data.children.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: data.children.length > 5 ? 30 : 0 } },
        yAxis: { type: 'value', name: data.unit },
        series: [{ type: 'bar', data: data.children.map(function (r) { return r.value; }), itemStyle: { color: '#0b6e4f' }, markLine: markLine }]
      });
      c.on('click', function (p) {
        var r = data.children[p.dataIndex];
        if (r) { location.href = '/indicators/' + el.dataset.key + '?region=' + r.code + '&' + el.dataset.query; }
      });
      window.addEventListener('resize', function () { c.resize(); });
    }
    var trend = document.getElementById('chart-trend');
    if (trend && data.trend && data.trend.length) {
      var t = echarts.init(trend);
      t.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: data.trend.map(function (p) { return p.to; }) },
        yAxis: { type: 'value', name: data.unit },
        series: [{ type: 'line', data: data.trend.map(function (p) { return p.value; }), itemStyle: { color: '#0b6e4f' }, markLine: markLine }]
      });
      window.addEventListener('resize', function () { t.resize(); });
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
