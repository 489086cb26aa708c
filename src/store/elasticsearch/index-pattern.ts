// Time-based index names. A pattern such as `brokerwatch-{dataset}-{yyyy.MM.dd}` names the index
// of an event from its dataset and its own @timestamp (never the time of ingest: a replay must land
// in the same index, where the same id makes it a duplicate). Parsing a name back gives the time
// span the index covers, which is what retention deletes by.
import { DATASET_OF, type Dataset, type Instant } from '../../core/index.js';
import { StoreRequestError } from '../errors.js';

type Unit = 'yyyy' | 'MM' | 'dd' | 'HH';

const HOUR_MS = 3_600_000;
const NAME_CACHE_SIZE = 4_096;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
const UNITS: readonly Unit[] = ['yyyy', 'MM', 'dd', 'HH'];

export class IndexPatternError extends StoreRequestError {}

export class IndexPattern {
  readonly pattern: string;
  readonly #prefix: string;
  readonly #middle: string;
  readonly #suffix: string;
  readonly #dateParts: readonly string[];
  readonly #finest: Unit;
  readonly #datasetFirst: boolean;
  readonly #nameRegex: RegExp;
  readonly #names = new Map<string, string>();

  constructor(pattern: string) {
    this.pattern = pattern;
    const match = /^([^{}]*)\{(dataset|[^{}]+)\}([^{}]*)\{(dataset|[^{}]+)\}([^{}]*)$/.exec(pattern);
    const parts = match === null ? undefined : [match[2]!, match[4]!];
    if (match === null || parts === undefined || !parts.includes('dataset') || parts[0] === parts[1]) {
      throw new IndexPatternError('an index pattern needs {dataset} and one date block such as {yyyy.MM.dd}', {
        context: { pattern },
      });
    }
    this.#datasetFirst = parts[0] === 'dataset';
    const date = this.#datasetFirst ? parts[1]! : parts[0]!;
    this.#dateParts = date.split(/(yyyy|MM|dd|HH)/).filter((part) => part !== '');
    const units = this.#dateParts.filter((part): part is Unit => (UNITS as readonly string[]).includes(part));
    const expected = UNITS.slice(0, units.length);
    if (units.length === 0 || units.join() !== expected.join() || this.#dateParts.some((p) => !UNITS.includes(p as Unit) && /[^.\-_]/.test(p))) {
      throw new IndexPatternError('the date block must be yyyy, then optionally MM, dd, HH, separated by . - or _', {
        context: { pattern },
      });
    }
    this.#finest = units[units.length - 1]!;
    [this.#prefix, this.#middle, this.#suffix] = [match[1]!, match[3]!, match[5]!];
    if (this.#prefix === '' || /[A-Z*?"<>|\s,#\\/]/.test(pattern.replace(/\{[^{}]*\}/g, '')) || /^[-_+]/.test(this.#prefix)) {
      throw new IndexPatternError('index names are lower case, start with a letter and contain none of * ? " < > | , # \\ / or spaces', {
        context: { pattern },
      });
    }
    const dateRegex = this.#dateParts
      .map((part) => (UNITS.includes(part as Unit) ? `(?<${part}>\\d{${part === 'yyyy' ? 4 : 2}})` : escape(part)))
      .join('');
    const datasetRegex = `(?<dataset>${Object.values(DATASET_OF).map(escape).join('|')})`;
    const [first, second] = this.#datasetFirst ? [datasetRegex, dateRegex] : [dateRegex, datasetRegex];
    this.#nameRegex = new RegExp(`^${escape(this.#prefix)}${first}${escape(this.#middle)}${second}${escape(this.#suffix)}$`);
  }

  /** The index of an event of `dataset` at `timestamp` (UTC). */
  indexFor(dataset: Dataset, timestamp: Instant): string {
    // Called per event on the bulk path; an hour is never split between two indices.
    const key = `${dataset}\0${Math.floor(timestamp / HOUR_MS)}`;
    let name = this.#names.get(key);
    if (name === undefined) {
      if (this.#names.size >= NAME_CACHE_SIZE) this.#names.clear();
      name = this.#format(dataset, timestamp);
      this.#names.set(key, name);
    }
    return name;
  }

  #format(dataset: Dataset, timestamp: Instant): string {
    const d = new Date(timestamp);
    const values: Record<Unit, string> = {
      yyyy: String(d.getUTCFullYear()).padStart(4, '0'),
      MM: String(d.getUTCMonth() + 1).padStart(2, '0'),
      dd: String(d.getUTCDate()).padStart(2, '0'),
      HH: String(d.getUTCHours()).padStart(2, '0'),
    };
    const date = this.#dateParts.map((part) => values[part as Unit] ?? part).join('');
    return this.#join(dataset, date);
  }

  /** One wildcard per dataset: what the index template covers and what searches read. */
  wildcards(): string[] {
    return Object.values(DATASET_OF).map((dataset) => this.#join(dataset, '*'));
  }

  /** Whether one of the wildcards matches `index`: such an index would get the template and be searched. */
  covers(index: string): boolean {
    return this.wildcards().some((wildcard) => new RegExp(`^${wildcard.split('*').map(escape).join('.*')}$`).test(index));
  }

  /** The span [start, end) an index of this pattern covers, or undefined for a name not of this pattern. */
  span(index: string): { readonly start: Instant; readonly end: Instant } | undefined {
    const groups = this.#nameRegex.exec(index)?.groups;
    if (groups === undefined) return undefined;
    const year = Number(groups.yyyy);
    const month = groups.MM === undefined ? 0 : Number(groups.MM) - 1;
    const day = groups.dd === undefined ? 1 : Number(groups.dd);
    const hour = groups.HH === undefined ? 0 : Number(groups.HH);
    const start = Date.UTC(year, month, day, hour);
    const next: Record<Unit, number> = {
      yyyy: Date.UTC(year + 1, 0, 1),
      MM: Date.UTC(year, month + 1, 1),
      dd: Date.UTC(year, month, day + 1),
      HH: Date.UTC(year, month, day, hour + 1),
    };
    return { start: start as Instant, end: next[this.#finest] as Instant };
  }

  #join(dataset: string, date: string): string {
    const [first, second] = this.#datasetFirst ? [dataset, date] : [date, dataset];
    return `${this.#prefix}${first}${this.#middle}${second}${this.#suffix}`;
  }
}
