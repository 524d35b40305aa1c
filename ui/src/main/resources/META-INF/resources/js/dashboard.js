/*
 * The dashboard's charts, drawn with Chart.js (served by the application from its webjar) from the accessible
 * table beside each chart: the table's columns marked data-series are the datasets, each row's data-value cells
 * the numbers. An outlier row (data-outlier) is drawn in its own color. A click on a bar or point opens the
 * requests behind it: the link of that row's number. Without JavaScript the tables say everything.
 */
(function () {
  'use strict';

  var PALETTE = ['#2f6690', '#c05a00', '#3a7d44', '#6a4c93'];
  var OUTLIER = '#b00020';

  function number(text) {
    if (text === null || text === '') {
      return null;
    }
    var n = Number(text);
    return isNaN(n) ? null : n;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-for'));
    if (!table || typeof window.Chart === 'undefined') {
      return;
    }
    var type = canvas.getAttribute('data-chart') === 'line' ? 'line' : 'bar';
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th[data-key]'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) { return row.querySelector('th').textContent.trim(); });
    var datasets = [];
    var seriesColumns = [];
    headers.forEach(function (th, column) {
      if (!th.hasAttribute('data-series')) {
        return;
      }
      var color = PALETTE[datasets.length % PALETTE.length];
      seriesColumns.push(column);
      datasets.push({
        label: th.getAttribute('data-series'),
        data: rows.map(function (row) {
          var cell = row.querySelectorAll('td')[column];
          return cell ? number(cell.getAttribute('data-value')) : null;
        }),
        backgroundColor: type === 'bar'
          ? rows.map(function (row) { return row.hasAttribute('data-outlier') ? OUTLIER : color; })
          : color,
        borderColor: color,
        spanGaps: true
      });
    });
    var chart = new window.Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: type === 'bar' ? 'y' : 'x',
        plugins: { legend: { display: datasets.length > 1 } },
        scales: type === 'bar' ? { x: { beginAtZero: true } } : { y: { beginAtZero: true } }
      }
    });
    canvas.addEventListener('click', function (event) {
      var points = chart.getElementsAtEventForMode(event, 'nearest', { intersect: true }, false);
      if (!points.length) {
        return;
      }
      var row = rows[points[0].index];
      var cell = row && row.querySelectorAll('td')[seriesColumns[points[0].datasetIndex]];
      var link = (cell && cell.querySelector('a')) || (row && row.querySelector('a'));
      if (link) {
        window.location.assign(link.href);
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
}());
