import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokerwatchConfigSchema, ConfigError, loadConfig, readSecret } from '../../src/config/index.js';
import { configProblems } from '../support/config-problems.js';

const problemsOf = (text: string): string => configProblems(text, brokerwatchConfigSchema);

function writeConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-config-'));
  const file = join(dir, 'brokerwatch.yaml');
  writeFileSync(file, text);
  return file;
}

describe('the brokerwatch config file', () => {
  it('runs on the embedded defaults from an empty file: SQLite, in-process, built-in rules, console', () => {
    const file = writeConfig('');
    const config = loadConfig(file);
    expect(config.data_dir).toBe(join(file, '..', 'brokerwatch-data'));
    expect(config.store.type).toBe('sqlite');
    expect(config.transport.type).toBe('in-process');
    expect(config.rules).toEqual({ builtin: true, directories: [], allowed_lateness_seconds: 30 });
    expect(config.notify.receivers).toEqual([{ type: 'console', name: 'console' }]);
    expect(config.api.listen).toBe('127.0.0.1:8686');
  });

  it('resolves relative paths against the config file, not the working directory', () => {
    const file = writeConfig('data_dir: state\nrules:\n  directories: [my-rules]\n');
    const config = loadConfig(file);
    expect(config.data_dir).toBe(join(file, '..', 'state'));
    expect(config.rules.directories).toEqual([join(file, '..', 'my-rules')]);
  });

  it('asks for the section of the store or transport a type names', () => {
    expect(problemsOf('store:\n  type: elasticsearch\n')).toBe('agent.yaml:2:3: store.elasticsearch: is required when type is "elasticsearch"');
    expect(problemsOf('transport:\n  type: kafka\n')).toBe('agent.yaml:2:3: transport.kafka: is required when type is "kafka"');
  });

  it('points at the field of a bad value, and at an unknown key', () => {
    expect(problemsOf('transport:\n  type: kafka\n  kafka:\n    brokers: ["localhost"]\n')).toBe('agent.yaml:4:15: transport.kafka.brokers[0]: must be host:port');
    expect(problemsOf('store:\n  sqlite:\n    max_age: 3\n')).toBe('agent.yaml:3:5: store.sqlite.max_age: unknown field "max_age"');
    expect(problemsOf('store:\n  type: elasticsearch\n  elasticsearch:\n    node: http://127.0.0.1:9200\n    username: bw\n')).toBe(
      'agent.yaml:5:15: store.elasticsearch.username: username and password go together',
    );
  });

  it('points at a bad time interval of the notify section, and at a route naming one that does not exist', () => {
    const notify = (interval: string, mute: string) =>
      `notify:\n  receivers: [{ type: console, name: console }]\n  routes: [{ receiver: console, mute_time_intervals: [${mute}] }]\n  time_intervals:\n    - name: patch-window\n      time_intervals:\n        - ${interval}\n`;
    expect(problemsOf(notify('times: [{ start_time: "02:00", end_time: "4:00" }]', 'patch-window'))).toBe(
      'agent.yaml:7:52: notify.time_intervals[0].time_intervals[0].times[0].end_time: "4:00" must be HH:MM, from 00:00 to 24:00',
    );
    expect(problemsOf(notify('weekdays: [sunday]', 'patch'))).toBe('agent.yaml:3:55: notify.routes[0].mute_time_intervals[0]: must name a time interval: "patch-window"');
  });

  it('reports a file that cannot be read as a ConfigError naming it', () => {
    expect(() => loadConfig('/nonexistent/brokerwatch.yaml')).toThrow(ConfigError);
    expect(() => loadConfig('/nonexistent/brokerwatch.yaml')).toThrow(/\/nonexistent\/brokerwatch.yaml.*cannot be read: ENOENT/);
  });

  it('reads a secret from the environment or a file, and names the field, never the value, when it is missing', () => {
    process.env.BW_TEST_SECRET = 'from-env';
    expect(readSecret({ env: 'BW_TEST_SECRET' }, 'api.token')).toBe('from-env');
    expect(readSecret({ file: writeConfig('from-file\n') }, 'api.token')).toBe('from-file');
    expect(() => readSecret({ env: 'BW_TEST_SECRET_UNSET' }, 'api.token')).toThrow(/api\.token: the environment variable is not set/);
  });
});

describe('the example configurations', () => {
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  it.each(['brokerwatch.yaml', 'agent.yaml', 'ingest.yaml'])('examples/%s is a valid configuration', (name) => {
    const config = loadConfig(join(examples, name));
    expect(config.data_dir.startsWith('/var/lib/brokerwatch')).toBe(true);
  });

  it('ships the agent example through Kafka into the ingest example', () => {
    const agent = loadConfig(join(examples, 'agent.yaml'));
    const ingest = loadConfig(join(examples, 'ingest.yaml'));
    expect(agent.transport.kafka?.topic).toBe(ingest.transport.kafka?.topic);
    expect(ingest.store.type).toBe('elasticsearch');
  });
});
