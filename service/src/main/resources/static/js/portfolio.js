// Draws the portfolio page's three charts from the page's JSON data block (the page's content
// security policy runs no inline script). The tables beside them carry the same figures as text.
(function () {
  'use strict';
  var block = document.getElementById('portfolio-data');
  if (!block || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent);
  // GOV.UK colours: blue, orange, green, red, dark blue
  var blue = '#1d70b8', orange = '#f47738', green = '#00703c', red = '#d4351c', darkBlue = '#003078';
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

  // On a narrow screen a legend takes a line for each series, above the plot, not across the axis names
  var narrow = document.documentElement.clientWidth < 600;
  var legend = { top: 0, orient: narrow ? 'vertical' : 'horizontal', left: narrow ? 0 : 'center' };
  var plotTop = narrow ? 104 : 56;

  function pounds(value) {
    return '£' + Math.round(value).toLocaleString('en-GB');
  }

  chart('months-chart', {
    animation: false,
    color: [blue, orange, green],
    grid: { left: 48, right: 48, top: plotTop, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: legend,
    xAxis: { type: 'category', data: data.months, axisLabel: { rotate: 45 } },
    yAxis: [
      { type: 'value', name: 'Applications', minInterval: 1 },
      { type: 'value', name: 'Approved', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
    ],
    series: [
      { name: 'Applications', type: 'bar', data: data.applications },
      { name: 'Approved by the rules (%)', type: 'line', yAxisIndex: 1, data: data.automatedRate },
      { name: 'Approved in the end (%)', type: 'line', yAxisIndex: 1, data: data.finalRate, lineStyle: { type: 'dashed' } }
    ]
  });

  chart('outcomes-chart', {
    animation: false,
    color: [blue, darkBlue],
    grid: { left: 48, right: 24, top: narrow ? 80 : 48, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: legend,
    xAxis: { type: 'category', data: data.outcomes, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', name: 'Applications', minInterval: 1 },
    series: [
      { name: 'By the rules', type: 'bar', data: data.automatedByOutcome },
      { name: 'In the end', type: 'bar', data: data.finalByOutcome }
    ]
  });

  var largest = data.cells.reduce(function (most, c) { return Math.max(most, c[2]); }, 0);
  chart('matrix-chart', {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      formatter: function (p) {
        return data.areas[p.value[1]] + '<br>' + data.groups[p.value[0]] + '<br>' + pounds(p.value[2])
          + ' (' + p.value[3] + (p.value[3] === 1 ? ' application)' : ' applications)');
      }
    },
    xAxis: { type: 'category', data: data.groups, axisLabel: { rotate: 40, width: 140, overflow: 'truncate' } },
    yAxis: { type: 'category', data: data.areas, axisLabel: { width: 180, overflow: 'truncate' } },
    visualMap: {
      min: 0, max: Math.max(largest, 1), calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      itemHeight: 120, inRange: { color: ['#d2e2f1', blue, darkBlue] }, formatter: function (v) { return pounds(v); }
    },
    series: [{
      name: 'Approved amount', type: 'heatmap', data: data.cells,
      label: { show: true, color: '#0b0c0c', textBorderColor: '#fff', textBorderWidth: 2, formatter: function (p) { return p.value[3]; } }
    }]
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
}());
