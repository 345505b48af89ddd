// 信息直报覆盖 (ECharts treemap): one block per district, one tile per street — green with an active reporter, red without.
(function () {
  function draw() {
    var el = document.getElementById('coverage-data');
    var node = document.getElementById('chart-coverage');
    if (!el || !node || !window.echarts) { return; }
    var data = JSON.parse(el.dataset.json || '[]');
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          var d = p.data || {};
          return d.street ? (d.name + '：' + (d.reporters > 0 ? el.dataset.labelCovered + ' ' + d.reporters : el.dataset.labelUncovered)) : p.name;
        }
      },
      series: [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%',
        upperLabel: { show: true, height: 22, color: '#fff' },
        label: { show: true, fontSize: 11 },
        levels: [{ itemStyle: { borderColor: '#555', borderWidth: 2, gapWidth: 2 } }, { itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 } }],
        data: data.map(function (c) {
          return {
            name: c.name,
            children: c.streets.map(function (s) {
              return { name: s.name, value: 1, street: true, reporters: s.reporters, itemStyle: { color: s.reporters > 0 ? '#0b6e4f' : '#c0392b' } };
            })
          };
        })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
