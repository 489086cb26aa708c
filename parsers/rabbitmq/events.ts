// RabbitMQ's event wordings -> taxonomy actions, for 3.6 through 4.x.
// Each row cites the module that writes the wording and a real record of it.
import type { EventPatternTable } from '../pattern.js';

export const RABBITMQ_EVENTS: EventPatternTable = [
  {
    action: 'network_partition',
    contains: 'running_partitioned_network',
    // Mnesia's own report of a partition, up to 3.13 (Mnesia is gone in 4.x).
    pattern: /inconsistent_database, running_partitioned_network, ([^\s}]+)/,
    fields: (m) => ({ 'rabbitmq.peers': [m[1]!] }),
    source: 'mnesia (OTP) event, logged by rabbit_node_monitor / the default error logger',
    versions: '3.6–3.13',
    example: '../shared/ENGINES.md, RabbitMQ section (3.10.8, seen on a real two-node cluster here)',
  },
];
