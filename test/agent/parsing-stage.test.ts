import { describe, expect, it } from 'vitest';
import { ManualClock, type ByteOffset } from '../../src/core/index.js';
import { FileLines, parsingStage, type EventRecord, type FileIdentity, type Line } from '../../src/agent/index.js';
import { silentTelemetry } from '../support/telemetry.js';

const options = {
  host: 'host-1',
  format: 'kafka-log4j' as const,
  service_type: 'kafka' as const,
  cluster: 'c1',
  broker_id: '1',
  time_zone: 'UTC',
  multiline: { max_lines: 500, max_bytes: 1 << 20, flush_timeout_seconds: 0.25 },
};

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  new FileLines(0 as ByteOffset, 1 << 20).push(Buffer.from(text), lines);
  return lines;
}

// Plain inputs in Kafka's default layout, to pin the offsets: not captures of a broker.
const first = '[2026-11-25 08:40:39,308] ERROR Error processing (kafka.server.ReplicaManager)\n';
const trace = 'java.io.IOException: boom\n\tat kafka.log.Log.append(Log.scala:1)\n';
const second = '[2026-11-25 08:40:40,001] INFO next (kafka.server.KafkaServer)\n';

describe('the parsing stage of the agent', () => {
  it('gives each record the span of all its lines, and holds the last one back until the next starts or a flush', () => {
    const stage = parsingStage(options, new ManualClock(0), silentTelemetry())({ identity: 'f1' as FileIdentity, path: '/var/log/kafka/server.log' });
    const out: EventRecord[] = [];
    const lines = linesOf(first + trace + second + second);
    // The first lines wait for format detection (wrappers), which the flush ends.
    for (const line of lines.slice(0, 4)) stage.push(line, out);
    stage.flush(out);
    const end = first.length + trace.length;
    expect(out.map((r) => [r.offset, r.end])).toEqual([
      [0, end],
      [end, end + second.length],
    ]);
    expect(out[0]!.event['error.type']).toBe('java.io.IOException');
    expect(out[0]!.event['log.file.path']).toBe('/var/log/kafka/server.log');
    stage.push(lines[4]!, out);
    expect(out).toHaveLength(2);
    stage.flush(out);
    expect(out.map((r) => [r.offset, r.end])[2]).toEqual([end + second.length, end + 2 * second.length]);
  });

  it('never ends a record past what was read: an unterminated last line ends at the end of the file', () => {
    const stage = parsingStage(options, new ManualClock(0), silentTelemetry())({ identity: 'f2' as FileIdentity, path: '/x.log' });
    const out: EventRecord[] = [];
    const text = second.slice(0, -1);
    const splitter = new FileLines(0 as ByteOffset, 1 << 20);
    const lines: Line[] = [];
    splitter.push(Buffer.from(text), lines);
    stage.push(splitter.finish()!, out);
    stage.flush(out);
    expect(out.map((r) => [r.offset, r.end])).toEqual([[0, text.length]]);
  });
});
