// 涉及场所 (ECharts treemap): one block per street/town, one tile per place sized by its cases.
(function () {
  function draw() {
    var el = document.getElementById('places-data');
    var node = document.getElementById('chart-places');
    if (!el || !node || !window.echarts) { return; }
    var data = JSON.parse(el.dataset.json || '[]');
    var colours = { '就餐或发病场所': '#c0392b', '救治医疗机构': '#2c7fb8', '可疑食品来源': '#8e44ad', '可疑食品流向': '#d68910' };
    var chart = echarts.init(node);
    chart.setOption({
      animation: false,
      tooltip: { formatter: function (p) { var d = p.data || {}; return d.kind ? (d.name + '（' + d.kind + '）：' + d.cases + ' 人') : p.name; } },
      series: [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%',
        upperLabel: { show: true, height: 22, color: '#fff' }, label: { show: true, fontSize: 11 },
        levels: [{ itemStyle: { borderColor: '#555', borderWidth: 2, gapWidth: 2 } }, { itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 } }],
        data: data.map(function (s) {
          return {
            name: s.name,
            children: s.places.map(function (p) {
              return { name: p.name, value: Math.max(1, p.cases), cases: p.cases, kind: p.kind, itemStyle: { color: colours[p.kind] || '#777' } };
            })
          };
        })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
