// The alert: the output of one rule for one group. Its fingerprint depends only on the rule and the
// group's labels, so the same incident keeps one identity across restarts, replays and updates.
import { createHash } from 'node:crypto';
import type { EventId, Instant } from '../core/index.js';
import type { Severity } from './spec.js';

export type Fingerprint = string & { readonly __brand: 'Fingerprint' };

export type AlertState = 'firing' | 'resolved';

/** At most this many causing event ids are kept per alert: the first ones, which show the onset. */
export const MAX_EVENT_IDS = 20;

export interface Alert {
  readonly fingerprint: Fingerprint;
  readonly rule: string;
  readonly state: AlertState;
  readonly severity: Severity;
  /** `alertname`, `severity`, the group's fields by their ECS names, then the rule's own labels. */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: { readonly summary: string; readonly description: string };
  readonly startsAt: Instant;
  /** Set once resolved. */
  readonly endsAt?: Instant;
  readonly eventIds: readonly EventId[];
  /** How many events caused or joined the alert (eventIds holds the first MAX_EVENT_IDS). */
  readonly eventCount: number;
}

/** A change of an alert, in the order it happened: fired, updated (new events, new text), resolved. */
export interface AlertChange {
  readonly kind: 'fired' | 'updated' | 'resolved';
  readonly alert: Alert;
}

export function fingerprint(rule: string, groupLabels: Readonly<Record<string, string>>): Fingerprint {
  const hash = createHash('sha256').update(rule);
  for (const key of Object.keys(groupLabels).sort()) hash.update('\0').update(key).update('\0').update(groupLabels[key] ?? '');
  return hash.digest('hex').slice(0, 16) as Fingerprint;
}
