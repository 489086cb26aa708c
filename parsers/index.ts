// The log families: one module per record layout, each with its format definition, and the two
// event-pattern tables. src/parse detects and runs these; adding a layout is one module and one
// line in FORMATS.
import type { FormatDefinition, FormatName } from './layout.js';
import { KAFKA_LOG4J } from './kafka/log4j-text.js';
import { KAFKA_LOG4J_XML } from './kafka/log4j-xml.js';
import { KAFKA_LOG4J_JSON } from './kafka/log4j-json.js';
import { RABBITMQ_REPORT } from './rabbitmq/report.js';
import { RABBITMQ_LAGER } from './rabbitmq/lager.js';
import { RABBITMQ_LOGGER } from './rabbitmq/logger.js';
import { RABBITMQ_JSON } from './rabbitmq/json.js';
import { MESSAGE } from './message.js';

export * from './layout.js';
export { KAFKA_DEFAULT_PATTERN } from './kafka/log4j-text.js';
export { KAFKA_EVENTS } from './kafka/events.js';
export { RABBITMQ_EVENTS } from './rabbitmq/events.js';
export type { EventPatternTable, EventPattern, EventFields } from './pattern.js';
export { MONTHS, readIsoTime } from './time.js';

/** Detection tries them in this order; on a tie the earlier wins. `message` is only a fallback. */
export const FORMATS: Readonly<Record<FormatName, FormatDefinition>> = {
  'kafka-log4j': KAFKA_LOG4J,
  'kafka-log4j-xml': KAFKA_LOG4J_XML,
  'kafka-log4j-json': KAFKA_LOG4J_JSON,
  'rabbitmq-report': RABBITMQ_REPORT,
  'rabbitmq-lager': RABBITMQ_LAGER,
  'rabbitmq-logger': RABBITMQ_LOGGER,
  'rabbitmq-json': RABBITMQ_JSON,
  message: MESSAGE,
};
