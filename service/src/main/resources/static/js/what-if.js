// The what-if page: draws its two charts from the page's JSON data block (the page's content
// security policy runs no inline script; the tables beside them carry the same figures as text),
// and while the run goes, follows its progress in the polite live region #what-if-state, showing
// the page again once the run has ended. No refresh loop: without script the page has a link.
(function () {
  'use strict';
  // GOV.UK colours: blue for the active version, orange for the draft
  var blue = '#1d70b8', orange = '#f47738';

  function draw() {
    var block = document.getElementById('what-if-data');
    if (!block || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(block.textContent);
    if (!data.outcomes) {
      return;
    }
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

    chart('outcomes-chart', {
      animation: false,
      color: [blue, orange],
      grid: { left: 16, right: 16, top: 48, bottom: 16, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: data.outcomes, axisLabel: { interval: 0, width: 110, overflow: 'break', lineHeight: 14, margin: 12 } },
      yAxis: { type: 'value', name: 'Applications', minInterval: 1 },
      series: [
        { name: data.active, type: 'bar', data: data.outcomesActive, label: { show: true, position: 'top' } },
        { name: data.draft, type: 'bar', data: data.outcomesDraft, label: { show: true, position: 'top' } }
      ]
    });

    chart('approval-rate-chart', {
      animation: false,
      color: [blue, orange],
      grid: { left: 16, right: 32, top: 48, bottom: 16, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
      legend: { top: 0 },
      yAxis: { type: 'category', data: data.groups, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
      xAxis: { type: 'value', min: 0, max: 100, name: 'Approved', axisLabel: { formatter: '{value}%' } },
      series: [
        { name: data.active, type: 'bar', data: data.ratesActive },
        { name: data.draft, type: 'bar', data: data.ratesDraft }
      ]
    });

    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }

  function follow() {
    var state = document.getElementById('what-if-state');
    if (!state || state.getAttribute('data-status') !== 'RUNNING' || !window.fetch) {
      return;
    }
    var url = state.getAttribute('data-progress');
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          if (progress.text !== state.textContent) {
            state.textContent = progress.text;
          }
          if (progress.status === 'RUNNING') {
            window.setTimeout(poll, 1500);
          } else {
            window.location.reload(); // once: the results are on the page now
          }
        })
        .catch(function () {
          window.setTimeout(poll, 5000); // the service may be restarting: keep following, less often
        });
    }
    window.setTimeout(poll, 1000);
  }

  draw();
  follow();
}());
