import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { INTERNAL_EVENTS, Telemetry, createLogger } from '../../src/telemetry/index.js';
import { namesInDocTable } from '../support/doc-table.js';

describe('internal events', () => {
  it('documents exactly the events of the registry, in docs/telemetry.md', () => {
    expect(namesInDocTable('telemetry.md').sort()).toEqual(Object.keys(INTERNAL_EVENTS).sort());
  });

  it('logs and counts each emitted event under its name', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const telemetry = new Telemetry({ logger: createLogger('info', sink) });
    telemetry.emit('process_started', { pid: 42 });
    telemetry.emit('process_started', { pid: 43 });

    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'process_started', pid: 42 });
    const metrics = await telemetry.registry.getSingleMetricAsString('brokerwatch_internal_events_total');
    expect(metrics).toContain('brokerwatch_internal_events_total{event="process_started"} 2');
  });
});
