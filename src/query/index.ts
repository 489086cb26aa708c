// The query stage: what admins ask of the stored events, on top of the EventStore contract only,
// so every store answers it alike. Invariants: the timeline is assembled by pure functions over
// events (the store is only paged, with search_after, never offsets); times are as logged and
// are never reordered or corrected, suspected clock skew is reported beside them; the present is
// always passed in (a Clock's now), never read here.
export { parseDuration, parseIsoInstant, parseTimeSpec, parseTimeWindow } from './time-spec.js';
export {
  ALERT_LEAD_MS,
  ALERT_TRAIL_MS,
  DEFAULT_MAX_EVENTS,
  TIMELINE_FORMAT,
  alertTimelineRequest,
  assembleTimeline,
  buildTimeline,
  type AlertSpan,
  type SkewMark,
  type Timeline,
  type TimelineEntry,
  type TimelineLane,
  type TimelineRequest,
} from './timeline.js';
export { DEFAULT_STORM_GAP_MS, REPEAT_GAP_MS, FAMILY_ACTIONS, compactPartitions, partitionRanges, type TopicPartitions } from './storms.js';
export { CAUSAL_RULES, PAIR_WINDOW_MS, causalPairs, clockSkews, type CausalPair, type ClockSkew, type EventRef, type SkewRuleName } from './skew.js';
export { describeSkew, formatDuration, timelineMarkdown, timelineText } from './timeline-format.js';
export { fieldFilters, levelsFrom, parseFieldFilter, type EventFilters } from './filters.js';
export { DEFAULT_TAIL_LATENESS_MS, Tail, type TailOptions } from './tail.js';
export { pages } from './pages.js';
