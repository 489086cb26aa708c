// docker/ cannot run on the test machines (no Docker engine); what can drift is checked here: the
// brokerwatch configs it mounts load, each agent reads the log volume of the service it watches,
// the Kafka brokers named are compose's, and the Kibana saved objects name real fields.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIELDS, type FieldName } from '../../src/core/index.js';
import { loadConfig } from '../../src/config/index.js';

const DOCKER = join(import.meta.dirname, '..', '..', 'docker');

interface ComposeService {
  readonly command?: string[];
  readonly volumes?: string[];
}
const compose = parse(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8')) as { services: Record<string, ComposeService> };

describe('docker/', () => {
  const configs = readdirSync(join(DOCKER, 'config')).filter((name) => name.endsWith('.yaml'));

  it.each(configs)('docker/config/%s is a valid configuration', (name) => {
    expect(() => loadConfig(join(DOCKER, 'config', name))).not.toThrow();
  });

  it('mounts every config into a service that runs it, and each agent reads the log volume its inputs name', () => {
    const mounted = new Set<string>();
    for (const [service, spec] of Object.entries(compose.services)) {
      const config = spec.volumes?.find((v) => v.startsWith('./config/'));
      if (config === undefined) continue;
      const file = config.split(':')[0]!.replace('./config/', '');
      mounted.add(file);
      const loaded = loadConfig(join(DOCKER, 'config', file));
      expect(spec.command?.[0], service).toBe(service === 'ingest' ? 'ingest' : 'agent');
      for (const input of loaded.inputs ?? []) {
        for (const path of input.paths) {
          const dir = path.slice(0, path.lastIndexOf('/'));
          expect(spec.volumes!.some((v) => v.endsWith(`:${dir}:ro`)), `${service} mounts ${dir}`).toBe(true);
        }
      }
      for (const broker of loaded.transport.kafka?.brokers ?? []) expect(Object.keys(compose.services)).toContain(broker.split(':')[0]);
    }
    expect([...mounted].sort()).toEqual([...configs].sort());
  });

  it('gives Kibana data views without the dead-letter index and saved searches over known fields', () => {
    const objects = readFileSync(join(DOCKER, 'kibana', 'brokerwatch.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; attributes: { title: string; columns?: string[] } });
    expect(objects.find((o) => o.type === 'index-pattern')!.attributes.title).toBe('brokerwatch-*,-brokerwatch-dead-letter*');
    for (const search of objects.filter((o) => o.type === 'search')) {
      for (const column of search.attributes.columns ?? []) expect(FIELDS[column as FieldName], column).toBeDefined();
    }
  });
});
