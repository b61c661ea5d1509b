// Charts (ECharts, drawn on a canvas): the shared set-up, and bars over time for any
// <div data-bar-chart="json-id"> whose JSON (from, to, interval, bars: [[start, count]]) is in the
// script element json-id. Charts draw with the theme's colours and the chosen time zone, and redraw
// when either changes.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { BrushComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartsInUtc } from './times.js';

echarts.use([BarChart, LineChart, BrushComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Okabe–Ito: series stay apart in both themes and for the common colour-vision deficiencies.
export const SERIES_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442', '#999999'];

export function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** A fresh chart in the holder: one drawn before (in the other theme) is thrown away first. */
export function chartIn(holder) {
  echarts.getInstanceByDom(holder)?.dispose();
  return echarts.init(holder, null, { renderer: 'canvas' });
}

/** Resizes whatever chart the holder has when the holder's box changes (observed once per holder). */
export function followSize(holder) {
  if (holder.dataset.sized) return;
  holder.dataset.sized = 'yes';
  new ResizeObserver(() => echarts.getInstanceByDom(holder)?.resize()).observe(holder);
}

/** The options of a bar chart over time, from the histogram JSON the server writes. */
export function timeBars(histogram) {
  return {
    animation: false,
    useUTC: chartsInUtc(),
    grid: { left: 48, right: 12, top: 10, bottom: 24 },
    // drawn on the canvas: an HTML tooltip carries inline styles, which the CSP refuses
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    xAxis: {
      type: 'time', min: histogram.from, max: histogram.to,
      axisLabel: { color: css('--text-muted') }, axisLine: { lineStyle: { color: css('--border') } },
    },
    yAxis: {
      type: 'value', minInterval: 1,
      axisLabel: { color: css('--text-muted') }, splitLine: { lineStyle: { color: css('--border') } },
    },
    series: [{
      type: 'bar', name: 'events', barWidth: '90%',
      itemStyle: { color: css('--accent') },
      data: histogram.bars.map(([start, count]) => [start + histogram.interval / 2, count]),
    }],
  };
}

function drawBarCharts() {
  document.querySelectorAll('[data-bar-chart]').forEach((holder) => {
    const data = document.getElementById(holder.dataset.barChart);
    if (!data) return;
    chartIn(holder).setOption(timeBars(JSON.parse(data.textContent)));
    followSize(holder);
  });
}

document.addEventListener('DOMContentLoaded', drawBarCharts);
document.addEventListener('htmx:afterSettle', drawBarCharts);
['vigil:theme', 'vigil:zone'].forEach((name) => document.addEventListener(name, drawBarCharts));
