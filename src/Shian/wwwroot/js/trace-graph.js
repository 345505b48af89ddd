// 追溯图 (ECharts graph): the identifiers a trace reached (lots, items, pallets) and how they are linked.
(function () {
  function draw() {
    var el = document.getElementById('trace-graph');
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(el.dataset.json || '{}');
    var categories = [0, 1, 2, 3, 4].map(function (i) { return { name: el.dataset['cat' + i] }; });
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { formatter: function (p) { return p.dataType === 'edge' ? p.data.label : p.data.name; } },
      legend: { top: 0, data: categories.map(function (c) { return c.name; }) },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, top: 32,
        force: { repulsion: 600, edgeLength: [140, 220], gravity: 0.05 },
        categories: categories,
        edgeSymbol: ['none', 'arrow'],
        edgeLabel: { show: true, fontSize: 10, formatter: function (p) { return p.data.label || ''; } },
        label: { show: (data.nodes || []).length <= 30, position: 'right', fontSize: 11 },
        data: (data.nodes || []).map(function (n) {
          return { id: n.id, name: n.name, category: n.category, symbolSize: n.start ? 24 : n.category === 4 ? 18 : 12, symbol: n.category === 4 ? 'roundRect' : 'circle' };
        }),
        links: (data.links || []).map(function (l) { return { source: l.source, target: l.target, label: l.label }; })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
