// Draws the overrides report's two charts from the page's JSON data block (the page's content
// security policy runs no inline script). The tables beside them carry the same figures as text.
(function () {
  'use strict';
  var block = document.getElementById('overrides-data');
  if (!block || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent);
  // GOV.UK colours: blue, dark blue, orange
  var blue = '#1d70b8', darkBlue = '#003078', orange = '#f47738';
  var charts = [];

  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var c = echarts.init(element, null, { renderer: 'canvas' });
    c.setOption(option);
    charts.push(c);
  }

  var common = {
    animation: false,
    grid: { left: 48, right: 48, top: 48, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.months, axisLabel: { rotate: 45 } }
  };

  chart('overrides-chart', Object.assign({}, common, {
    color: [blue, orange],
    yAxis: [
      { type: 'value', name: 'Overrides', minInterval: 1 },
      { type: 'value', name: 'Rate', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
    ],
    series: [
      { name: 'Overrides', type: 'bar', data: data.overrides },
      { name: 'Override rate (%)', type: 'line', yAxisIndex: 1, data: data.ratePercent, connectNulls: false }
    ]
  }));

  chart('times-chart', Object.assign({}, common, {
    color: [blue, darkBlue],
    yAxis: { type: 'value', name: 'Hours' },
    series: [
      { name: 'Median (hours)', type: 'line', data: data.medianHours },
      { name: '95th percentile (hours)', type: 'line', data: data.p95Hours, lineStyle: { type: 'dashed' } }
    ]
  }));

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
}());
