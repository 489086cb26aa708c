// The page: five views (search, live tail, alerts, silences, timeline) over the brokerwatch API.
// Keyboard: s t a m l switch views, / focuses the view's first field, Enter on a hit opens its context.
import { ApiFailure, call, get, setToken, tail, token } from './api.js';
import { drawHistogram, drawTimeline } from './charts.js';
import { clear, firstLine, h, origin, utc } from './dom.js';

const $ = (selector) => document.querySelector(selector);
const VIEWS = ['search', 'tail', 'alerts', 'silences', 'timeline'];
const KEYS = { s: 'search', t: 'tail', a: 'alerts', m: 'silences', l: 'timeline' };
const TAIL_KEEP = 1000;

function status(message, kind = 'info') {
  const line = $('#status');
  line.textContent = message;
  line.className = kind;
}

function fail(error) {
  if (error instanceof ApiFailure) {
    if (error.status === 401) {
      status('This needs the API token.', 'error');
      openTokenDialog();
      return;
    }
    status(error.issues.length > 0 ? error.issues.map((i) => `${i.parameter}: ${i.message}`).join('; ') : error.message, 'error');
    return;
  }
  status(String(error?.message ?? error), 'error');
}

/** The filters the CLI has flags for; any other `name=value` is a field of docs/schema.md. */
const NAMED_FILTERS = new Set(['cluster', 'host', 'broker', 'dataset', 'level', 'action', 'topic', 'partition']);

/**
 * `host=kafka-1 level=warning kafka.isr.removed=3 event.action=* kafka.topic!=*` as API parameters:
 * `name=*` means the field is present, `name!=*` that it is absent.
 */
function filterParams(text) {
  const params = { field: [], exists: [], missing: [] };
  for (const token of text.split(/\s+/).filter((t) => t !== '')) {
    const eq = token.indexOf('=');
    const name = token.slice(0, eq);
    const value = token.slice(eq + 1);
    if (token.endsWith('!=*')) params.missing.push(token.slice(0, -3));
    else if (value === '*') params.exists.push(name);
    else if (NAMED_FILTERS.has(name)) (params[name] ??= []).push(value);
    else params.field.push(token);
  }
  return params;
}

function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

// ---- views and keys -------------------------------------------------------------------------

function show(view) {
  for (const name of VIEWS) {
    $(`[data-view-panel="${name}"]`).hidden = name !== view;
    $(`[data-view="${name}"]`).setAttribute('aria-current', name === view ? 'page' : 'false');
  }
  if (view === 'alerts') void loadAlerts();
  if (view === 'silences') void loadSilences();
}

function currentView() {
  const view = location.hash.slice(1);
  return VIEWS.includes(view) ? view : 'search';
}

window.addEventListener('hashchange', () => show(currentView()));
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing =
    target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(target.type));
  if (event.key === 'Escape' && typing) {
    target.blur();
    return;
  }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    $(`[data-view-panel="${currentView()}"] input, [data-view-panel="${currentView()}"] textarea`)?.focus();
  } else if (KEYS[event.key] !== undefined) {
    location.hash = KEYS[event.key];
  }
});

// ---- token ----------------------------------------------------------------------------------

function showToken() {
  $('#token-button').textContent = token() === '' ? 'API token: not set' : 'API token: set';
}

function openTokenDialog() {
  const dialog = $('#token-dialog');
  if (!dialog.open) dialog.showModal();
}

$('#token-button').addEventListener('click', openTokenDialog);
$('#token-dialog').addEventListener('close', () => {
  const dialog = $('#token-dialog');
  const input = dialog.querySelector('input[name="token"]');
  if (dialog.returnValue === 'save') setToken(input.value.trim());
  if (dialog.returnValue === 'clear') setToken('');
  input.value = '';
  showToken();
});

// ---- search ---------------------------------------------------------------------------------

let searchCriteria = {};
let searchOrder = 'newest_first';
let nextCursor;

function eventLine(event, className = '') {
  return h(
    'span',
    { className: `line ${className}` },
    h('time', { datetime: event['@timestamp'] }, utc(event['@timestamp'])),
    ' ',
    h('span', { className: `level ${event['log.level'] ?? ''}` }, event['log.level'] ?? ''),
    ' ',
    h('span', { className: 'origin' }, origin(event)),
    ' ',
    event['event.action'] === undefined ? '' : h('span', { className: 'action' }, event['event.action']),
    event['event.action'] === undefined ? '' : ' ',
    h('span', { className: 'message' }, firstLine(event.message)),
  );
}

/** A button that shows, or hides again, what `load()` builds under `item` (built afresh each time). */
async function toggleDetails(item, button, load) {
  const open = button.getAttribute('aria-expanded') === 'true';
  button.setAttribute('aria-expanded', String(!open));
  item.querySelector(':scope > .details')?.remove();
  if (open) return;
  try {
    item.append(h('div', { className: 'details' }, await load()));
  } catch (error) {
    fail(error);
  }
}

async function contextOf(event) {
  const context = await get(`/api/v1/events/${encodeURIComponent(event['event.id'])}/context`, { before: 5, after: 5 });
  const line = (e, className) => h('li', { className }, h('pre', {}, e['event.original'] ?? e.message));
  return h(
    'ol',
    { className: 'context', 'aria-label': `Lines around it in ${event['log.file.path'] ?? 'its file'}` },
    context.before.map((e) => line(e)),
    line(context.anchor, 'anchor'),
    context.after.map((e) => line(e)),
  );
}

function hitItem(event) {
  const item = h('li', { className: 'hit', 'data-id': event['event.id'] });
  const button = h('button', { type: 'button', className: 'hit-toggle', 'aria-expanded': 'false', title: 'Show the lines around it' }, eventLine(event));
  button.addEventListener('click', () => void toggleDetails(item, button, () => contextOf(event)));
  item.append(button);
  return item;
}

async function search(append) {
  try {
    const page = await get('/api/v1/search', { ...searchCriteria, order: searchOrder, limit: 100, after: append ? nextCursor : undefined });
    if (!append) {
      clear($('#hits'));
      const histogram = await get('/api/v1/histogram', searchCriteria);
      drawHistogram($('#histogram'), histogram, (from, to) => {
        const form = $('#search-form');
        form.elements.from.value = from;
        form.elements.to.value = to;
        form.requestSubmit();
      });
      const total = histogram.buckets.reduce((sum, b) => sum + b.count, 0);
      $('#histogram-caption').textContent = `${total} matching events from ${utc(histogram.from)} to ${utc(histogram.to)} UTC, ${histogram.interval_ms / 1000} s per bar. Click a bar to zoom in.`;
    }
    $('#hits').append(...page.events.map(hitItem));
    nextCursor = page.next;
    $('#more').hidden = nextCursor === undefined;
    status(page.events.length === 0 && !append ? 'No events match.' : `${$('#hits').children.length} events shown${nextCursor === undefined ? '' : ' (more below)'}.`);
  } catch (error) {
    fail(error);
  }
}

$('#search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const values = formValues(event.target);
  searchCriteria = { q: values.q.trim(), from: values.from.trim(), to: values.to.trim(), ...filterParams(values.filters) };
  searchOrder = values.order;
  void search(false);
});
$('#more').addEventListener('click', () => void search(true));

// ---- live tail ------------------------------------------------------------------------------

let tailing;

function stopTail() {
  tailing?.abort();
  tailing = undefined;
  $('#tail-toggle').textContent = 'Start';
}

$('#tail-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (tailing !== undefined) {
    stopTail();
    status('Live tail stopped.');
    return;
  }
  const values = formValues(event.target);
  const controller = new AbortController();
  tailing = controller;
  $('#tail-toggle').textContent = 'Stop';
  status('Live tail running: new events appear at the bottom.');
  const list = $('#tail-lines');
  tail(
    { q: values.q.trim(), ...filterParams(values.filters) },
    controller.signal,
    (e) => {
      const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
      list.append(h('li', { 'data-id': e['event.id'] }, eventLine(e)));
      while (list.children.length > TAIL_KEEP) list.firstElementChild.remove();
      if (atBottom) list.scrollTop = list.scrollHeight;
    },
    (message) => status(`Live tail: ${message} (still trying)`, 'error'),
  )
    .catch(fail)
    .finally(() => {
      if (tailing === controller) stopTail();
    });
});

// ---- alerts ---------------------------------------------------------------------------------

async function eventsBehind(alert) {
  const page = await get('/api/v1/search', { field: alert.event_ids.map((id) => `event.id=${id}`), order: 'oldest_first', limit: alert.event_ids.length });
  return [
    h('ol', { className: 'events', 'aria-label': `Events behind ${alert.rule}` }, page.events.map(hitItem)),
    page.events.length < alert.event_count ? h('p', { className: 'hint' }, `The first ${page.events.length} of ${alert.event_count} events.`) : '',
  ];
}

function silenceFor(alert) {
  const form = $('#silence-form');
  form.elements.matchers.value = Object.entries(alert.labels)
    .filter(([name]) => name !== 'severity')
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  location.hash = 'silences';
  form.elements.comment.focus();
}

function timelineFor(alert) {
  const form = $('#timeline-form');
  form.elements.cluster.value = alert.labels['broker.cluster'] ?? '';
  const lead = 5 * 60_000;
  form.elements.from.value = new Date(Date.parse(alert.starts_at) - lead).toISOString();
  form.elements.to.value = alert.ends_at === undefined ? 'now' : new Date(Date.parse(alert.ends_at) + lead).toISOString();
  location.hash = 'timeline';
  form.requestSubmit();
}

function alertItem(alert) {
  const item = h(
    'li',
    { className: `alert ${alert.state} ${alert.severity}`, 'data-rule': alert.rule },
    h(
      'div',
      { className: 'alert-head' },
      h('span', { className: `badge ${alert.severity}` }, alert.severity),
      h('span', { className: `badge state ${alert.state}` }, alert.state),
      h('strong', {}, alert.summary),
    ),
    h(
      'p',
      { className: 'alert-meta' },
      `${alert.rule} · since ${utc(alert.starts_at)}${alert.ends_at === undefined ? '' : ` until ${utc(alert.ends_at)}`} UTC · ${alert.event_count} event${alert.event_count === 1 ? '' : 's'}`,
    ),
  );
  const events = h('button', { type: 'button', 'aria-expanded': 'false' }, 'Events');
  events.addEventListener('click', () => void toggleDetails(item, events, () => eventsBehind(alert)));
  const actions = h(
    'div',
    { className: 'actions' },
    events,
    h('button', { type: 'button', onclick: () => timelineFor(alert) }, 'Timeline'),
    alert.state === 'firing' ? h('button', { type: 'button', onclick: () => silenceFor(alert) }, 'Silence…') : '',
  );
  item.append(actions);
  return item;
}

async function loadAlerts() {
  try {
    const { alerts } = await get('/api/v1/alerts', { state: $('#alerts-form').elements.state.value });
    clear($('#alert-list')).append(...alerts.map(alertItem));
    const firing = alerts.filter((a) => a.state === 'firing').length;
    status(alerts.length === 0 ? 'No alerts.' : `${firing} firing, ${alerts.length - firing} resolved.`);
  } catch (error) {
    fail(error);
  }
}

$('#alerts-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadAlerts();
});

// ---- silences -------------------------------------------------------------------------------

const MATCHER = /^\s*([^!=~\s]+)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

function parseMatchers(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = MATCHER.exec(line);
      if (m === null) throw new Error(`"${line.trim()}" is not name=value, name!=value, name=~regex or name!~regex`);
      return { name: m[1], value: m[3], is_regex: m[2].includes('~'), is_equal: !m[2].startsWith('!') };
    });
}

const matcherText = (m) => `${m.name}${m.is_equal ? '' : '!'}${m.is_regex ? '=~' : '='}${m.value}`;

async function loadSilences() {
  try {
    const { silences } = await get('/api/v1/silences', { all: $('#silences-all').checked ? 'true' : 'false' });
    const rows = silences.map((silence) => {
      const expire = silence.state === 'expired' ? '' : h('button', { type: 'button', onclick: () => void expireSilence(silence) }, 'Expire');
      return h(
        'tr',
        { 'data-id': silence.id, className: silence.state },
        h('td', {}, silence.state),
        h('td', {}, h('code', {}, silence.matchers.map(matcherText).join(', '))),
        h('td', {}, utc(silence.starts_at)),
        h('td', {}, utc(silence.ends_at)),
        h('td', {}, silence.created_by),
        h('td', {}, silence.comment),
        h('td', {}, expire),
      );
    });
    clear($('#silence-table tbody')).append(...rows);
  } catch (error) {
    fail(error);
  }
}

async function expireSilence(silence) {
  try {
    await call('DELETE', `/api/v1/silences/${encodeURIComponent(silence.id)}`);
    status(`Silence ${silence.matchers.map(matcherText).join(', ')} expired.`);
    await loadSilences();
  } catch (error) {
    fail(error);
  }
}

$('#silence-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const values = formValues(event.target);
  try {
    const silence = await call('POST', '/api/v1/silences', {}, {
      matchers: parseMatchers(values.matchers),
      duration: values.duration.trim(),
      created_by: values.created_by.trim(),
      comment: values.comment.trim(),
    });
    status(`Silence created until ${utc(silence.ends_at)} UTC.`);
    await loadSilences();
  } catch (error) {
    fail(error);
  }
});
$('#silences-all').addEventListener('change', () => void loadSilences());

// ---- timeline -------------------------------------------------------------------------------

function entryItem(entry) {
  const skew = entry.skew?.length > 0 ? h('span', { className: 'badge skew', title: 'this entry contradicts the order of a cause and its effect on another host' }, 'clock skew?') : '';
  return h(
    'li',
    { id: `entry-${entry.id}`, className: 'entry', tabindex: '-1' },
    h('time', { datetime: entry.start }, utc(entry.start)),
    entry.end === entry.start ? '' : h('span', { className: 'until' }, `–${utc(entry.end).slice(11)}`),
    ' ',
    h('span', { className: 'origin' }, entry.broker === undefined ? entry.host : `${entry.host} (${entry.broker})`),
    ' ',
    h('strong', {}, entry.summary),
    ' ',
    skew,
    h('div', { className: 'message' }, entry.message),
  );
}

function skewText(skew) {
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const by = skew.atMostMs === undefined ? `≥ ${seconds(skew.atLeastMs)}` : `${seconds(skew.atLeastMs)}–${seconds(skew.atMostMs)}`;
  return `${skew.host} behind ${skew.reference} by ${by}`;
}

let timelineParams = {};

$('#timeline-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const values = formValues(event.target);
  timelineParams = { cluster: values.cluster.trim(), from: values.from.trim(), to: values.to.trim() };
  try {
    const timeline = await get('/api/v1/timeline', timelineParams);
    // Alerts are spans over the lanes: those still firing at the window's start or later.
    const alerts = await get('/api/v1/alerts', { since: timeline.from, limit: 1000 })
      .then(({ alerts: list }) => list.filter((a) => Date.parse(a.starts_at) < Date.parse(timeline.to) && (timeline.cluster === undefined || a.labels['broker.cluster'] === timeline.cluster)))
      .catch((error) => {
        // A process without an alert service still draws its lanes.
        if (error instanceof ApiFailure && error.status === 501) return [];
        throw error;
      });
    drawTimeline($('#timeline-chart'), timeline, alerts, (id) => {
      const item = document.getElementById(`entry-${id}`);
      item?.scrollIntoView({ block: 'center' });
      item?.focus();
    });
    $('#timeline-caption').textContent =
      `${timeline.eventCount} notable events in ${timeline.entries.length} entries on ${timeline.lanes.length} lanes, ${utc(timeline.from)} to ${utc(timeline.to)} UTC` +
      `${timeline.truncated ? ' (truncated: narrow the window)' : ''}; ${alerts.length} alert${alerts.length === 1 ? '' : 's'} as bars above the lanes.`;
    clear($('#timeline-skew')).append(...timeline.skew.map((skew) => h('li', {}, `Clock skew suspected: ${skewText(skew)} (times are shown as logged; the Markdown export explains it).`)));
    clear($('#timeline-entries')).append(...timeline.entries.map(entryItem));
    $('#timeline-markdown').hidden = false;
    status(timeline.entries.length === 0 ? 'No notable events in this window.' : `Timeline of ${timeline.entries.length} entries.`);
  } catch (error) {
    fail(error);
  }
});

$('#timeline-markdown').addEventListener('click', async () => {
  try {
    const markdown = await get('/api/v1/timeline.md', timelineParams);
    const link = h('a', { href: URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' })), download: 'timeline.md' });
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    fail(error);
  }
});

// ---- start ----------------------------------------------------------------------------------

showToken();
show(currentView());
if (currentView() === 'search') $('#search-form').requestSubmit();
