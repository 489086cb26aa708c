// Building the page from data without ever parsing data as HTML: text goes in as text nodes.
const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(element, props, children) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.setAttribute('class', value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('li', { className: 'hit' }, 'text', otherNode). */
export function h(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

export function s(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

/** `2026-11-25 08:40:49.466` from an ISO instant: every time on the page is UTC, as the logs are. */
export function utc(iso) {
  return iso.replace('T', ' ').replace(/Z$/, '');
}

export function firstLine(text) {
  const end = text.indexOf('\n');
  return end < 0 ? text : `${text.slice(0, end)} …`;
}

/** Where an event comes from, as an admin names it: the broker or node, else the host. */
export function origin(event) {
  const broker = event['broker.id'];
  const host = event['host.name'] ?? '';
  return broker === undefined ? host : `${event['service.type'] === 'kafka' ? 'broker ' : ''}${broker}${host === '' ? '' : ` (${host})`}`;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}
