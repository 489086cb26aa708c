// Line formats that carry a broker's record inside another line: docker compose, `kubectl logs
// --prefix`, kail and stern output, container runtime files (docker's json-file, the CRI format of
// Kubernetes nodes), journald/syslog lines, and the RFC 3339 stamps of `docker logs -t` / `kubectl
// logs --timestamps`. Each line is unwrapped before record assembly (every line of a multi-line
// record is wrapped on its own), per stream, since several containers or processes interleave their
// lines. The record's time stays the inner record's own; the wrapper's (`stamp`) serves a record
// that has none or cannot be read. Only compose, kubectl and stern put a `-t` stamp inside their
// prefix. Their inner lines may start with one or with the broker's own RFC 3339 time (RabbitMQ's
// `rfc3339_T`, a Kafka `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}`), and two wrappers may both take the same
// lines (detectWrappers), so an input's first lines are read by every wrapper that takes most of
// them, stamp removed and stamp kept (`verbatim`), and unwrapped, and the reading that parses best
// is kept (InputParser's #readSample).

import { MONTHS, readIsoTime, type TimeContext } from '../../parsers/index.js';

export interface Unwrapped {
  /** The source of the line (container, pod/container, host+tag+pid): records do not cross streams. */
  readonly stream: string;
  readonly inner: string;
  /** The runtime split a long line: the next line of this stream continues it without a newline. */
  readonly partial: boolean;
  /**
   * The wrapper's own time of the line (`Apr 29 12:42:38`, an RFC 3339 stamp), where it has one:
   * the time of a record that has none of its own or cannot be read (stampTime).
   */
  readonly stamp?: string;
}

export interface Wrapper {
  readonly name: string;
  unwrap(line: string): Unwrapped | undefined;
  /** The same wrapper keeping a leading RFC 3339 time of the inner line, where unwrap() removes it. */
  readonly verbatim?: Wrapper;
  /**
   * A logging system's line (syslog, journald), whose programs may hand it the message alone
   * (RabbitMQ's log.syslog, log.journald): what no layout reads inside is a bare message. A bare
   * time before a line (`docker logs -t`) may as well be an unknown layout's own.
   */
  readonly carriesBareMessages?: true;
}

/** A `docker logs -t` / `kubectl logs --timestamps` stamp before an inner line. */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

/** A wrapper read by one regex: its last group is the inner line, a group named `stamp` its time. */
function regexWrapper(
  name: string,
  regex: RegExp,
  stream: (m: RegExpExecArray) => string,
  partial?: (m: RegExpExecArray) => boolean,
  inner: (text: string) => string = (text) => text,
): Wrapper {
  return {
    name,
    unwrap(line) {
      const match = regex.exec(line);
      if (match === null) return undefined;
      const unwrapped = { stream: stream(match), inner: inner(match[match.length - 1] ?? ''), partial: partial?.(match) ?? false };
      const stamp = match.groups?.stamp;
      return stamp === undefined ? unwrapped : { ...unwrapped, stamp };
    },
  };
}

function bareMessages(wrapper: Wrapper): Wrapper {
  return { ...wrapper, carriesBareMessages: true };
}

/**
 * A tool's prefix that `-t` / `--timestamps` may follow with a stamp: removed and kept as the
 * line's stamp, unless `verbatim` is used.
 */
function stampedWrapper(name: string, regex: RegExp, stream: (m: RegExpExecArray) => string): Wrapper {
  const verbatim = regexWrapper(name, regex, stream);
  return {
    name,
    verbatim,
    unwrap(line) {
      const unwrapped = verbatim.unwrap(line);
      const stamp = unwrapped === undefined ? null : STAMP.exec(unwrapped.inner);
      return stamp === null ? unwrapped : { ...unwrapped!, inner: unwrapped!.inner.slice(stamp[0].length), stamp: stamp[1]! };
    },
  };
}

/**
 * Docker cuts a longer line into pieces of this many bytes (daemon/logger/copier.go); only such a
 * piece lacks the line break at the end of `log`. A shipper that re-serialises the entries
 * (Fluent Bit, Sumo Logic's collector) drops that line break from every line.
 */
const DOCKER_PIECE_BYTES = 16 * 1024;

/**
 * docker's json-file lines, `{"log":"...\n","stream":"stdout","time":"..."}`, and what log shippers
 * make of them: other keys first, more keys, the line break dropped, or Fluent Bit's CRI form with
 * `"_p":"P"` for a partial line.
 */
const dockerJson: Wrapper = {
  name: 'docker-json',
  unwrap(line) {
    if (line.charCodeAt(0) !== 123 || !line.includes('"log":')) return undefined;
    try {
      const entry = JSON.parse(line) as { log?: unknown; stream?: unknown; _p?: unknown; time?: unknown };
      if (typeof entry.log !== 'string') return undefined;
      const log = entry.log;
      const complete = log.endsWith('\n');
      const unwrapped = {
        stream: typeof entry.stream === 'string' ? entry.stream : '',
        inner: complete ? log.slice(0, log.endsWith('\r\n') ? -2 : -1) : log,
        partial: entry._p === 'P' || (!complete && log.length * 3 >= DOCKER_PIECE_BYTES && Buffer.byteLength(log) >= DOCKER_PIECE_BYTES),
      };
      return typeof entry.time === 'string' ? { ...unwrapped, stamp: entry.time } : unwrapped;
    } catch {
      return undefined;
    }
  },
};

/**
 * Tried in this order; detection picks the one that unwraps most of a file's first lines. A tool's
 * prefix before an empty line may have lost its trailing blank (copied out of a terminal or an
 * editor that trims lines): the line is still the tool's, with nothing inside.
 */
export const WRAPPERS: readonly Wrapper[] = [
  dockerJson,
  // Kubernetes nodes (/var/log/containers, /var/log/pods): `<RFC3339Nano> stdout F <line>`, P = partial.
  regexWrapper(
    'cri',
    /^(?<stamp>\d{4}-\d\d-\d\dT\S+) (stdout|stderr) ([FP])(?: (.*))?$/,
    (m) => m[2]!,
    (m) => m[3] === 'P',
  ),
  // `docker compose logs`: `kafka-1  | <line>` (v1: `kafka_1  | `), names padded to one width.
  stampedWrapper('docker-compose', /^([A-Za-z0-9][\w.-]*?) *\| ?(.*)$/, (m) => m[1]!),
  // `kubectl logs --prefix`: `[pod/kafka-0/kafka] <line>`.
  stampedWrapper('kubectl', /^\[(pod\/[^/\]]+\/[^\]]+)\](?: (.*))?$/, (m) => m[1]!),
  // kail, a Kubernetes log tailer: `namespace/pod[container]: <line>`.
  regexWrapper('kail', /^([a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]*\[[a-z0-9][a-z0-9-]*\]):(?: (.*))?$/, (m) => m[1]!),
  // stern, another (its default template): `pod container <line>`, `--timestamps` putting a stamp
  // after them. Kubernetes names are lower case; the pod's holds a dash (`kafka-0`,
  // `rabbitmq-server-1`), which keeps out broker lines that start with two lower-case words.
  stampedWrapper('stern', /^([a-z0-9][a-z0-9.]*-[a-z0-9.-]* [a-z0-9][a-z0-9-]*)(?: (.*))?$/, (m) => m[1]!),
  // journalctl (short, short-precise) and RFC 3164 syslog: `Nov 25 08:00:00 host tag[pid]: <line>`.
  // rsyslog writes control characters as `#` and three octal digits (EscapeControlCharactersOnReceive,
  // on by default): a stack frame's leading tab arrives as `#011`, the line breaks of a multi-line
  // message sent as one syslog message as `#012`; both are themselves again here.
  bareMessages(regexWrapper(
    'syslog',
    /^(?:<\d{1,3}>)?(?<stamp>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?) (\S+) ([^\s[:]+)(?:\[(\d+)\])?: ?(.*)$/,
    (m) => `${m[2]} ${m[3]}[${m[4] ?? ''}]`,
    undefined,
    (text) => text.replaceAll('#011', '\t').replaceAll('#012', '\n'),
  )),
  // journalctl -o short-iso / short-iso-precise: `2024-11-25T08:00:00+0000 host tag[pid]: <line>`.
  bareMessages(regexWrapper(
    'journald-iso',
    /^(?<stamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) (\S+) ([^\s[:]+)(?:\[(\d+)\])?: ?(.*)$/,
    (m) => `${m[2]} ${m[3]}[${m[4] ?? ''}]`,
  )),
  // RFC 5424 syslog: `<pri>1 timestamp host app procid msgid [sd] <line>`.
  bareMessages(regexWrapper('syslog-5424', /^<\d{1,3}>1 (?<stamp>\S+) (\S+) (\S+) (\S+) \S+ (?:-|(?:\[[^\]]*\])+) ?(.*)$/, (m) => `${m[2]} ${m[3]}[${m[4]}]`)),
  // Docker Desktop's log view, copied: `2023-12-13 06:56:46 <line>`, the desktop's local time
  // without a zone (read in the input's zone), whole seconds.
  regexWrapper('docker-desktop', /^(?<stamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (.*)$/, () => ''),
  // `docker logs -t`, `kubectl logs --timestamps`: only a stamp before each line.
  regexWrapper('timestamps', /^(?<stamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (.*)$/, () => ''),
];

/**
 * The wrappers that unwrap at least half of the lines of `lines` that are not empty, those that
 * unwrap the most first (ties in WRAPPERS order). Several can: the journald short-iso prefix
 * `<stamp> host tag:` also takes a `docker logs -t` line whose inner record starts with a date and
 * an hour (`<stamp> 2024-10-31 11:54:23.631087+00:00 [error] ...` reads as host `2024-10-31`, tag
 * `11`), so which one it is can only be told by reading what each leaves inside.
 */
export function detectWrappers(lines: readonly string[]): Wrapper[] {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  return WRAPPERS.map((wrapper) => ({ wrapper, count: nonEmpty.filter((line) => wrapper.unwrap(line) !== undefined).length }))
    .filter(({ count }) => count > 0 && count * 2 >= nonEmpty.length)
    .sort((a, b) => b.count - a.count)
    .map(({ wrapper }) => wrapper);
}

const DAY = 86_400_000;
const RFC3164 = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?$/;

/**
 * A wrapper's stamp as an instant, or NaN. An RFC 3339 stamp carries its offset (a zone-less one is
 * read in the input's zone); a syslog `Apr 29 12:42:38` has neither offset nor year: the input's
 * zone, and the latest year that does not put it more than a day past `now` (a file read in January
 * still holds December's lines).
 */
export function stampTime(stamp: string, time: TimeContext, now: number): number {
  const syslog = RFC3164.exec(stamp);
  if (syslog === null) return readIsoTime(stamp, 0, stamp.length, time);
  const month = MONTHS.get(syslog[1]!);
  if (month === undefined) return NaN;
  const fields = [Number(syslog[2]!.trim()), Number(syslog[3]), Number(syslog[4]), Number(syslog[5]), Math.floor(Number(`0.${syslog[6] ?? '0'}`) * 1000)] as const;
  const [year] = time.today();
  const instant = time.local(year, month, ...fields);
  return instant > now + DAY ? time.local(year - 1, month, ...fields) : instant;
}
