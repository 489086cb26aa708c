// Kafka's event wordings -> taxonomy actions, for every broker version in service.
// Each row cites the broker class that writes the wording and a real record of it.
import type { EventPatternTable } from '../pattern.js';

const replicaList = (text: string): number[] => text.split(',').filter((id) => id !== '').map(Number);

export const KAFKA_EVENTS: EventPatternTable = [
  {
    action: 'isr_shrink',
    contains: 'Shrinking ISR from ',
    // 1.x and later: `[Partition t-0 broker=1] Shrinking ISR from 1,2,3 to 1,2`, followed on 2.7+
    // by `. Leader: (highWatermark: ..., endOffset: ...). Out of sync replicas: (...)`.
    pattern: /Shrinking ISR from ([\d,]+) to ([\d,]*)/,
    fields: (m) => {
      const before = replicaList(m[1]!);
      const after = replicaList(m[2]!);
      return {
        'kafka.isr.before': before,
        'kafka.isr.after': after,
        'kafka.isr.removed': before.filter((id) => !after.includes(id)),
      };
    },
    source: 'core/src/main/scala/kafka/cluster/Partition.scala (maybeShrinkIsr)',
    versions: '1.0–3.9',
    example: '../shared/ENGINES.md, Kafka section (3.9.1, seen on a real three-broker cluster here)',
  },
];
