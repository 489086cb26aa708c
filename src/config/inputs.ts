// The `inputs` section of the agent's configuration: which files to follow and what they are.
// Each input is handed to the agent as it is parsed here (FollowOptions is its follower slice).
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isTimeZone, systemClock } from '../core/index.js';
import { compileLog4jPattern, FORMAT_NAMES, ParseConfigError } from '../parse/index.js';

/** The log layouts an input may name (those src/parse implements), or `auto` to detect one. */
export const INPUT_FORMATS = ['auto', ...FORMAT_NAMES] as const;

const MIB = 1024 * 1024;

/** A pattern brokerwatch cannot read records with is refused here, not when the first file opens. */
function checkPattern(ctx: z.core.ParsePayload<string>): void {
  try {
    compileLog4jPattern(ctx.value, systemClock);
  } catch (error) {
    if (!(error instanceof ParseConfigError)) throw error;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: error.message });
  }
}

const positiveInt = z.number().int().positive();

export const inputSchema = z.strictObject({
  paths: z.array(z.string().refine(isAbsolute, 'must be an absolute path or glob')).min(1),
  exclude: z.array(z.string()).default([]),
  format: z.enum(INPUT_FORMATS).default('auto'),
  /** The log4j conversion pattern of a Kafka text log whose layout is not Kafka's default. */
  pattern: z.string().min(1).check(checkPattern).optional(),
  service_type: z.enum(['kafka', 'rabbitmq']),
  cluster: z.string().min(1),
  // A Kafka broker id is written as a number, a RabbitMQ node name as a string: both are kept as text.
  broker_id: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
  zone: z.string().min(1).optional(),
  time_zone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "UTC" or "Europe/Berlin"').default('UTC'),
  multiline: z
    .strictObject({
      max_lines: positiveInt.default(500),
      max_bytes: positiveInt.default(10 * MIB),
      // A broker writes a record, stack trace and all, in one burst of writes: a quarter second of
      // quiet ends it for sure, and keeps the line-to-alert latency under a second.
      flush_timeout_seconds: z.number().positive().default(0.25),
    })
    .prefault({}),
  max_line_bytes: positiveInt.default(MIB),
  start_position: z.enum(['beginning', 'end']).default('beginning'),
  // A stat() per file four times a second: nothing next to the broker, and the alert latency.
  poll_interval_seconds: z.number().positive().default(0.25),
  max_in_flight_bytes: positiveInt.default(16 * MIB),
});

export const inputsSchema = z.array(inputSchema).min(1);

export type InputConfig = z.output<typeof inputSchema>;
