import { builtinRulesDir, loadRules } from '../../src/config/index.js';
import type { BrokerEvent } from '../../src/core/index.js';
import { ManualClock } from '../../src/core/index.js';
import { NotificationPolicy, policySchema, type Notification } from '../../src/notify/index.js';
import { RuleEngine } from '../../src/rules/index.js';
import { T0 } from '../rules/support.js';

/** The built-in rules and a policy, both driven by one ManualClock: the live loop on virtual time. */
export class Pipeline {
  readonly clock = new ManualClock(T0);
  readonly engine = new RuleEngine(
    loadRules([builtinRulesDir()]).map((r) => r.spec),
    { allowedLatenessMs: 0 },
  );
  readonly policy: NotificationPolicy;

  constructor(policy: unknown) {
    this.policy = new NotificationPolicy(policySchema.parse(policy));
  }

  feed(...events: BrokerEvent[]): void {
    for (const e of events) this.engine.feed(e);
    this.policy.ingest(this.engine.advance(this.clock.now()), this.clock.now());
  }

  /** Moves virtual time by `seconds` and returns what the policy sends. */
  tick(seconds: number): Notification[] {
    this.clock.advance(seconds * 1000);
    this.policy.ingest(this.engine.advance(this.clock.now()), this.clock.now());
    return this.policy.flush(this.clock.now());
  }
}
