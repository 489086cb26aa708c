// Kafka's text logs: log4j's PatternLayout. Kafka ships `[%d] %p %m (%c)%n` (config/log4j.properties
// and, from 4.0, log4j2.yaml), and a site may configure any other conversion pattern; the pattern
// is compiled once by src/parse. A record starts only where the pattern's prefix starts: a config
// dump carries `(logger)` on its last line, a stack trace follows the `(logger)` line.
import type { CompiledLog4jPattern, FormatDefinition, ParsedRecord, RecordFields, RecordLayout, TimeContext } from '../layout.js';
import { toLogLevel } from '../levels.js';
import { traceFields, traceStart } from '../java-trace.js';

export const KAFKA_DEFAULT_PATTERN = '[%d] %p %m (%c)%n';

/**
 * Layouts detection recognises without configuration: Kafka's own; Strimzi's (the operator most
 * Kubernetes sites run Kafka with, `%d{ISO8601} %p %m (%c) [%t]%n`: test/fixtures/kafka/public/
 * strimzi-3087.log); the one with line numbers of Kafka's own test and CI configuration
 * (`[%d] %p %m (%c:%L)%n`: test/fixtures/kafka/public/kafka-pr-7140.log); Cloudera's
 * (`%d{ISO8601} %p %c: %m%n`, the pattern Cloudera Manager gives its roles), which Strimzi's
 * would otherwise read with the logger left in the message; and the debezium/kafka image's, the
 * broker of Debezium's tutorials (`%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n`, its log4j.properties);
 * and Strimzi's log4j2 default for Kafka 4 (`%d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n`,
 * cluster-operator default-logging/KafkaCluster.properties: short loggers, whole seconds).
 */
export const KAFKA_KNOWN_PATTERNS: readonly string[] = [
  KAFKA_DEFAULT_PATTERN,
  '%d{ISO8601} %p %m (%c) [%t]%n',
  '[%d] %p %m (%c:%L)%n',
  '%d{ISO8601} %p %c: %m%n',
  '%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n',
  '%d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n',
];

class KafkaLog4jLayout implements RecordLayout {
  readonly format = 'kafka-log4j';
  readonly service = 'kafka';
  readonly #pattern: CompiledLog4jPattern;

  constructor(pattern: CompiledLog4jPattern) {
    this.#pattern = pattern;
  }

  get pattern(): string {
    return this.#pattern.source;
  }

  startsRecord(line: string): boolean {
    return this.#pattern.startsRecord(line);
  }

  parse(record: string, time: TimeContext): ParsedRecord | undefined {
    const parsed = this.#pattern.parse(record, time);
    if (parsed === undefined) return undefined;
    // A config dump's last line is ` (logger)` alone: its message ends with the line break before it.
    let message = parsed.message.trimEnd();
    let trace = parsed.trailer;
    if (trace === '' && message.includes('\n')) {
      const at = traceStart(message);
      if (at !== -1) {
        trace = message.slice(at);
        message = message.slice(0, at - 1).trimEnd();
      }
    }
    const fields: RecordFields = trace === '' ? {} : { ...traceFields(trace) };
    if (trace !== '' && fields['error.stack_trace'] === undefined) fields['error.stack_trace'] = trace;
    const level = parsed.level === undefined ? undefined : toLogLevel(parsed.level);
    if (level !== undefined) fields['log.level'] = level;
    if (parsed.logger !== undefined) fields['log.logger'] = parsed.logger;
    if (parsed.thread !== undefined) fields['process.thread.name'] = parsed.thread;
    const component = kafkaComponent(message);
    if (component !== undefined) fields['kafka.log.component'] = component;
    return { time: parsed.time, message, fields };
  }
}

/**
 * The bracketed component Kafka's logIdent puts before a message: `[Partition orders-3 broker=2] `,
 * `[Controller id=1] `, `[GroupCoordinator 1]: `.
 */
export function kafkaComponent(message: string): string | undefined {
  if (message.charCodeAt(0) !== 91) return undefined;
  const end = message.indexOf(']');
  if (end < 2) return undefined;
  const after = message.charCodeAt(end + 1);
  if (!(Number.isNaN(after) || after === 32 || after === 58)) return undefined;
  const component = message.slice(1, end);
  return component.includes('\n') ? undefined : component;
}

export const KAFKA_LOG4J: FormatDefinition = {
  name: 'kafka-log4j',
  service: 'kafka',
  description: "Kafka text logs: log4j's PatternLayout, `[%d] %p %m (%c)%n` or the configured pattern",
  variants: KAFKA_KNOWN_PATTERNS.map((pattern) => ({ pattern })),
  infer: (lines, env) => {
    const pattern = env.inferLog4jPattern(lines);
    return pattern === undefined ? undefined : { pattern };
  },
  create: (options, env) => new KafkaLog4jLayout(env.compileLog4jPattern(options.pattern ?? KAFKA_DEFAULT_PATTERN)),
};
