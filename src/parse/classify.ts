import type { EventFields, EventPatternTable } from '../../parsers/pattern.js';
import type { EventAction } from '../core/index.js';

export interface Classification {
  readonly action: EventAction;
  readonly fields: EventFields;
}

const NO_FIELDS: EventFields = Object.freeze({});

/** The event a message announces, by the first row of `table` that matches it, or undefined. */
export function classify(table: EventPatternTable, message: string, logger?: string): Classification | undefined {
  for (const row of table) {
    if (!message.includes(row.contains)) continue;
    if (row.logger !== undefined && (logger === undefined || !row.logger.test(logger))) continue;
    const match = row.pattern.exec(message);
    if (match === null) continue;
    return { action: row.action, fields: row.fields === undefined ? NO_FIELDS : row.fields(match) };
  }
  return undefined;
}
