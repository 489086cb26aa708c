// The rule engine: events in, alert changes out. Pure: no I/O, no clock of its own; event time
// comes from each event's @timestamp and the present from advance(now), so a live run, a replay
// of old files and `rules test` give the same alerts. Invariants: an event id counts once; a
// record later than the allowed lateness is dropped and reported as late, never half-counted;
// snapshot()/restore() carry every firing alert and every open window across a restart.
export { conditionSchema, compileCondition, CONDITION_OPERATORS, type ConditionSpec, type Predicate } from './condition.js';
export { PLACEHOLDERS, Template, type TemplateData } from './template.js';
export {
  ruleSpecSchema,
  ruleFileSchema,
  discriminatorError,
  RULE_KINDS,
  SEVERITIES,
  type RuleSpec,
  type RuleFile,
  type RuleKindName,
  type ResolveSpec,
  type Severity,
} from './spec.js';
export { fingerprint, MAX_EVENT_IDS, type Alert, type AlertChange, type AlertState, type Fingerprint } from './alert.js';
export { compileRule, RULE_KIND_REGISTRY, type Rule, type RuleKind, type RuleOptions, type RuleSnapshot } from './rule.js';
export { RuleEngine, DEFAULT_ALLOWED_LATENESS_MS, type EngineSnapshot, type FeedResult, type RuleEngineOptions } from './engine.js';
export { replay, type ReplayWindow, type ReplayedChange } from './replay.js';
