import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { FollowOptions } from '../../src/agent/index.js';
import { inputsSchema, loadConfig, parseYaml, type InputConfig } from '../../src/config/index.js';
import { configProblems } from '../support/config-problems.js';

const agentFile = z.strictObject({ inputs: inputsSchema });

const minimal = 'inputs:\n  - paths: [/var/log/kafka/server.log]\n    service_type: kafka\n    cluster: orders-prod\n    broker_id: 1\n';

const problemsOf = (text: string): string => configProblems(text, agentFile);

describe('inputs', () => {
  it('hands the follower its slice of an input as parsed', () => {
    expectTypeOf<InputConfig>().toExtend<FollowOptions>();
  });

  it('fills the defaults of a minimal input, and keeps a numeric broker id as text', () => {
    expect(parseYaml(minimal, 'agent.yaml', agentFile).inputs[0]).toEqual({
      paths: ['/var/log/kafka/server.log'],
      exclude: [],
      format: 'auto',
      service_type: 'kafka',
      cluster: 'orders-prod',
      broker_id: '1',
      time_zone: 'UTC',
      multiline: { max_lines: 500, max_bytes: 10 * 1024 * 1024, flush_timeout_seconds: 0.25 },
      max_line_bytes: 1024 * 1024,
      start_position: 'beginning',
      poll_interval_seconds: 0.25,
      max_in_flight_bytes: 16 * 1024 * 1024,
    });
  });

  it('reads the example configuration in examples/agent.yaml', () => {
    const { inputs = [] } = loadConfig(join(import.meta.dirname, '..', '..', 'examples', 'agent.yaml'));
    expect(inputs.map((i) => [i.service_type, i.broker_id, i.time_zone, i.start_position])).toEqual([
      ['kafka', '1', 'Europe/Berlin', 'beginning'],
      ['rabbitmq', 'rabbit@broker-1', 'UTC', 'end'],
    ]);
  });

  it('wants absolute paths', () => {
    expect(problemsOf(minimal.replace('/var/log', 'var/log'))).toBe('agent.yaml:2:13: inputs[0].paths[0]: must be an absolute path or glob');
  });

  it('names the allowed start positions', () => {
    expect(problemsOf(`${minimal}    start_position: tail\n`)).toBe(
      'agent.yaml:6:21: inputs[0].start_position: must be one of "beginning", "end"',
    );
  });

  it('names the allowed formats', () => {
    expect(problemsOf(`${minimal}    format: log4j\n`)).toBe(
      'agent.yaml:6:13: inputs[0].format: must be one of "auto", "kafka-log4j", "kafka-log4j-xml", "kafka-log4j-json", "rabbitmq-report", "rabbitmq-lager", "rabbitmq-logger", "rabbitmq-json", "message"',
    );
  });

  it('rejects a time zone that is not an IANA name', () => {
    expect(problemsOf(`${minimal}    time_zone: CEST\n`)).toBe(
      'agent.yaml:6:16: inputs[0].time_zone: must be an IANA time zone such as "UTC" or "Europe/Berlin"',
    );
  });

  it('rejects a line limit of zero', () => {
    expect(problemsOf(`${minimal}    max_line_bytes: 0\n`)).toBe('agent.yaml:6:21: inputs[0].max_line_bytes: Too small: expected number to be >0');
  });

  it('rejects unknown keys inside the multi-line limits', () => {
    expect(problemsOf(`${minimal}    multiline: { max_line: 3 }\n`)).toBe('agent.yaml:6:18: inputs[0].multiline.max_line: unknown field "max_line"');
  });

  it('wants the service type', () => {
    expect(problemsOf(minimal.replace('    service_type: kafka\n', ''))).toBe(
      'agent.yaml:2:5: inputs[0].service_type: must be one of "kafka", "rabbitmq"',
    );
  });

  it('wants at least one input', () => {
    expect(problemsOf('inputs: []\n')).toBe('agent.yaml:1:9: inputs: Too small: expected array to have >=1 items');
  });
});
