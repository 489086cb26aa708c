// The two drawings of the page, as inline SVG: the histogram of matches over time, and the incident
// timeline (one lane per broker or node, events as marks, alerts as spans above them).
import { clear, s, utc } from './dom.js';

const clock = (ms) => new Date(ms).toISOString().slice(11, 19);

function widthOf(svg) {
  return Math.max(320, Math.round(svg.getBoundingClientRect().width || 960));
}

function timeAxis(width, left, right, from, to, y) {
  const ticks = [];
  const span = to - from;
  for (let i = 0; i <= 4; i++) {
    const at = from + (span * i) / 4;
    const x = left + ((right - left) * i) / 4;
    ticks.push(s('line', { x1: x, x2: x, y1: y, y2: y + 4, className: 'axis' }));
    ticks.push(s('text', { x, y: y + 16, className: 'tick', 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' }, clock(at)));
  }
  return [s('line', { x1: left, x2: right, y1: y, y2: y, className: 'axis' }), ...ticks];
}

/** Bars of `histogram` (the API's answer); `onPick(fromIso, toIso)` when a bar is clicked. */
export function drawHistogram(svg, histogram, onPick) {
  const width = widthOf(svg);
  const height = 140;
  const left = 44;
  const right = width - 8;
  const top = 8;
  const bottom = height - 24;
  clear(svg).setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', String(height));
  const buckets = histogram.buckets;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = (right - left) / Math.max(1, buckets.length);
  svg.append(
    s('text', { x: left - 6, y: top + 10, className: 'tick', 'text-anchor': 'end' }, String(max)),
    s('text', { x: left - 6, y: bottom, className: 'tick', 'text-anchor': 'end' }, '0'),
  );
  buckets.forEach((bucket, i) => {
    const h = ((bottom - top) * bucket.count) / max;
    const start = Date.parse(bucket.start);
    const end = start + histogram.interval_ms;
    const bar = s(
      'rect',
      {
        x: left + i * step + 0.5,
        y: bottom - h,
        width: Math.max(1, step - 1),
        height: Math.max(bucket.count > 0 ? 1 : 0, h),
        className: 'bar',
        'data-count': bucket.count,
        onclick: () => onPick(new Date(start).toISOString(), new Date(end).toISOString()),
      },
      s('title', {}, `${utc(bucket.start)}: ${bucket.count}`),
    );
    svg.append(bar);
  });
  const from = Date.parse(buckets[0]?.start ?? histogram.from);
  svg.append(...timeAxis(width, left, right, from, from + buckets.length * histogram.interval_ms, bottom));
}

const LANE = 34;
const ALERT_ROW = 18;
/** Width of one character of the 11px monospace labels, near enough to place them. */
const CHAR_WIDTH = 6.7;

/** Alerts stacked in rows so that overlapping spans do not hide each other. */
function alertRows(alerts, from, to) {
  const rows = [];
  const placed = [];
  for (const alert of alerts) {
    const start = Math.max(from, Date.parse(alert.starts_at));
    const end = Math.min(to, alert.ends_at === undefined ? to : Date.parse(alert.ends_at));
    if (end < from || start > to) continue;
    let row = rows.findIndex((last) => last < start);
    if (row < 0) row = rows.push(0) - 1;
    rows[row] = end;
    placed.push({ alert, start, end, row });
  }
  return { rows: rows.length, placed };
}

function levelClass(entry) {
  if (entry.level === 'error' || entry.level === 'critical') return 'mark error';
  if (entry.level === 'warning') return 'mark warning';
  return 'mark';
}

/**
 * The timeline (the API's `timeline`) with the `alerts` around it; `onPick(entryId)` when a mark is
 * clicked. Lanes follow the timeline's order.
 */
export function drawTimeline(svg, timeline, alerts, onPick) {
  const width = widthOf(svg);
  const left = 170;
  const right = width - 12;
  const from = Date.parse(timeline.from);
  const to = Date.parse(timeline.to);
  const x = (ms) => left + ((right - left) * (ms - from)) / Math.max(1, to - from);
  const { rows, placed } = alertRows(alerts, from, to);
  const lanesTop = 8 + rows * ALERT_ROW + (rows > 0 ? 8 : 0);
  const height = lanesTop + timeline.lanes.length * LANE + 28;
  clear(svg).setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', String(height));

  for (const { alert, start, end, row } of placed) {
    const y = 8 + row * ALERT_ROW;
    const label = `${alert.rule}${alert.state === 'firing' ? ' (firing)' : ''}`;
    const barWidth = Math.max(3, x(end) - x(start));
    // A label that does not fit in its bar goes before it, where the alert had not begun yet.
    const inside = label.length * CHAR_WIDTH + 8 <= barWidth;
    const span = s(
      'g',
      { className: `alert-span ${alert.state} ${alert.severity}`, 'data-rule': alert.rule },
      s('rect', { x: x(start), y, width: barWidth, height: ALERT_ROW - 4, rx: 3 }),
      inside
        ? s('text', { x: x(start) + 4, y: y + 11, className: 'span-label' }, label)
        : s('text', { x: x(start) - 4, y: y + 11, className: 'span-label outside', 'text-anchor': 'end' }, label),
      s('title', {}, `${alert.summary}\n${utc(alert.starts_at)} – ${alert.ends_at === undefined ? 'firing' : utc(alert.ends_at)}`),
    );
    svg.append(span);
  }

  const laneIndex = new Map();
  timeline.lanes.forEach((lane, i) => {
    laneIndex.set(lane.host, i);
    const y = lanesTop + i * LANE;
    const label = lane.brokers.length === 0 ? lane.host : `${lane.host} (${lane.service === 'kafka' ? 'broker' : 'node'} ${lane.brokers.join(', ')})`;
    svg.append(
      s(
        'g',
        { className: 'lane', 'data-host': lane.host },
        s('rect', { x: 0, y, width, height: LANE, className: i % 2 === 0 ? 'lane-bg' : 'lane-bg odd' }),
        s('text', { x: 8, y: y + LANE / 2 + 4, className: 'lane-label' }, label),
      ),
    );
  });

  for (const entry of timeline.entries) {
    const lane = laneIndex.get(entry.host);
    if (lane === undefined) continue;
    const y = lanesTop + lane * LANE + LANE / 2;
    const x0 = x(Date.parse(entry.start));
    const x1 = x(Date.parse(entry.end));
    const skewed = entry.skew !== undefined && entry.skew.length > 0;
    const className = `${levelClass(entry)}${skewed ? ' skewed' : ''}`;
    const title = s('title', {}, `${utc(entry.start)} ${entry.summary}${entry.count > 1 ? ` (${entry.count} events)` : ''}${skewed ? '\nclock skew suspected' : ''}`);
    const mark =
      x1 - x0 >= 4
        ? s('rect', { x: x0, y: y - 7, width: x1 - x0, height: 14, rx: 3, className, 'data-entry': entry.id, onclick: () => onPick(entry.id) }, title)
        : s('circle', { cx: x0, cy: y, r: entry.count > 1 ? 7 : 5, className, 'data-entry': entry.id, onclick: () => onPick(entry.id) }, title);
    svg.append(mark);
  }
  svg.append(...timeAxis(width, left, right, from, to, lanesTop + timeline.lanes.length * LANE + 4));
}
