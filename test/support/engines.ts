// Where the engines started by scripts/engines/ listen: the same ports.env the scripts read, plus
// BW_PORT_OFFSET. Integration tests take addresses from here only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PORTS_FILE = join(import.meta.dirname, '..', '..', 'scripts', 'engines', 'ports.env');

function readPorts(): Map<string, number[]> {
  const offset = Number(process.env.BW_PORT_OFFSET ?? '0');
  const ports = new Map<string, number[]>();
  for (const line of readFileSync(PORTS_FILE, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=([\d,]+)$/.exec(line.trim());
    if (match) ports.set(match[1]!, match[2]!.split(',').map((p) => Number(p) + offset));
  }
  return ports;
}

const PORTS = readPorts();

/** The ports of a ports.env entry (a list for clusters), offset applied. */
export function enginePorts(name: string): number[] {
  const ports = PORTS.get(name);
  if (ports === undefined) throw new Error(`no ${name} in ${PORTS_FILE}`);
  return ports;
}

export function enginePort(name: string): number {
  return enginePorts(name)[0]!;
}

/** The superuser of the secured Elasticsearch (scripts/engines/elasticsearch.sh --secure). */
export const ES_SECURE_CREDENTIALS = {
  username: process.env.BW_ES_USER ?? 'brokerwatch',
  password: process.env.BW_ES_PASSWORD ?? 'brokerwatch-test-password',
} as const;

/** The CA of the HTTPS Elasticsearch (scripts/engines/elasticsearch.sh --tls). */
export const ES_TLS_CA_FILE = join(process.env.BW_RUN_DIR ?? join(import.meta.dirname, '..', '..', '.run'), 'elasticsearch-tls', 'certs', 'ca', 'ca.crt');
