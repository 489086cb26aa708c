// RabbitMQ's event wordings -> taxonomy actions, for 3.6 through 4.x.
// Each row cites the module that writes the wording and a real record of it. The wordings were
// read from rabbitmq-server's sources at the tags rabbitmq_v3_6_16, v3.7.0 … v3.13.0, v4.0.0 …
// v4.2.0 and from rabbitmq/ra v1.0.0 … v3.0.0 (quorum queues and Khepri log through Ra), and
// audited again at the last tag of each line (v3.7.28, v3.8.35, v3.9.29, v3.10.25, v3.11.28,
// v3.12.14, v3.13.7, v4.0.9, v4.1.8, v4.2.9) and the Ra each pins (1.1.8, 2.0.13 … 2.17.3).
//
// Node names come in two spellings: `~p`/`~tp`/`~w` quote an atom that needs it
// ('rabbit@my-host'), `~s`/`~ts` never do; erlangNode() removes the quotes.
//
// A multi-line message has two renderings from 3.9 on. By default its lines are kept (the layout
// joins them back with `\n`); with `log.<output>.formatter.single_line = on` (text and JSON
// formatters alike) rabbit_logger_fmt_helpers:format_msg/3 replaces every `,?\r?\n\s*` with `, `
// (v3.9.29 deps/rabbit/apps/rabbitmq_prelaunch/src/rabbit_logger_fmt_helpers.erl:138, unchanged
// to v4.2.9): `...(client -> server):, missed heartbeats from client, timeout: 60s`. The rows of
// multi-line wordings accept both: `(?:\n\s*|, )` where the format string has `~n`, and node
// names read as `[^\s,]+`, since the joint may follow them.
import type { EventFields, EventPattern, EventPatternTable } from '../pattern.js';

const erlangNode = (text: string): string => (text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text);

/** The nodes of an Erlang list printed with ~p, e.g. `['rabbit@a',rabbit@b]`. */
const erlangNodeList = (text: string): string[] => (text.match(/'[^']+'|[^\s,[\]']+/g) ?? []).map(erlangNode);

/** The fields of a wording whose first group is the node the event is about. */
const subjectNode = (m: RegExpExecArray): EventFields => ({ 'rabbitmq.node.subject': erlangNode(m[1]!) });

/** The node of a pid printed by rabbit_misc:pid_to_string/1, e.g. `<rabbit@host.3.11087.1>`. */
const pidNode = (text: string): string => text.replace(/\.\d+\.\d+\.\d+$/, '');

/** A stream connection name printed with ~p/~tp is an Erlang binary: `<<"127.0.0.1:5555 -> ...">>`. */
const erlangBinary = (text: string): string => text.replace(/^<<"(.*)">>$/, '$1');

/** A connection name printed with ~p: a binary (`<<"...">>`, 3.12+) or a string (`"..."`, before). */
const erlangText = (text: string): string => erlangBinary(text).replace(/^"(.*)"$/, '$1');

const alarmSet = (resource: 'memory' | 'disk', example: string): EventPattern => ({
  action: resource === 'memory' ? 'memory_alarm_set' : 'disk_alarm_set',
  contains: `${resource} resource limit alarm set on node `,
  // The first line of the multi-line banner; the asterisks that follow belong to the same record.
  // The node is followed by the sentence's full stop, which a node name (FQDN) may also contain;
  // with single_line (3.9+) the banner is one line: `... on node N., ****..., *** Publishers ...`.
  pattern: new RegExp(`^${resource} resource limit alarm set on node (\\S+)\\.(?:$|, )`, 'm'),
  fields: (m) => ({ 'rabbitmq.alarm.resource': resource, 'rabbitmq.node.subject': erlangNode(m[1]!) }),
  source: 'rabbit_alarm:handle_set_resource_alarm/3',
  versions: '3.6–4.x',
  example,
});

const alarmCleared = (resource: 'memory' | 'disk', example: string): EventPattern => ({
  action: resource === 'memory' ? 'memory_alarm_cleared' : 'disk_alarm_cleared',
  contains: `${resource} resource limit alarm cleared `,
  // `cleared on node N` when the node's own monitor clears it, `cleared for dead node N` when the
  // alarmed node leaves. `cleared across the cluster` follows either one as a consequence and
  // stays an ordinary record.
  pattern: new RegExp(`^${resource} resource limit alarm cleared (?:on|for dead) node (\\S+)$`),
  fields: (m) => ({ 'rabbitmq.alarm.resource': resource, 'rabbitmq.node.subject': erlangNode(m[1]!) }),
  source: 'rabbit_alarm:handle_clear_resource_alarm/3, rabbit_alarm:handle_event({node_down, _})',
  versions: '3.6–4.x',
  example,
});

const PUBLIC = 'test/fixtures/rabbitmq/public';
const DRILLS = 'test/fixtures/rabbitmq';
const ALARMS = 'test/fixtures/rabbitmq-alarms';
// Rows whose wording no capture here and no public sample found shows yet: the wording is the
// source's format string, and the test renders it with plain values (it is not a real record).
const NO_SAMPLE = 'none yet: the wording of `source`, rendered in test/parsers/rabbitmq-events.test.ts';

export const RABBITMQ_EVENTS: EventPatternTable = [
  {
    action: 'network_partition',
    contains: '_partitioned_network',
    // Mnesia's own report, up to 3.13 and on 4.x clusters still on Mnesia:
    // `Mnesia(rabbit@a): ** ERROR ** mnesia_event got {inconsistent_database, running_partitioned_network, rabbit@b}`.
    // `starting_partitioned_network` is the same finding made while the node starts.
    pattern: /inconsistent_database, (?:running|starting)_partitioned_network, ('[^']+'|[^\s}]+)\}/,
    fields: (m) => ({ 'rabbitmq.peers': [erlangNode(m[1]!)] }),
    source: 'mnesia (OTP): its default system-event handler mnesia_event, named in the message',
    versions: '3.6–3.13, 4.2 on Mnesia',
    example: `${DRILLS}/3.10.8-partition-ignore/r1.log:13, ${PUBLIC}/3.7.8-partial-partition.log:3`,
  },
  {
    action: 'partial_partition',
    contains: 'Partial partition detected:',
    // A multi-line report; its tail names the partition handling that acts next.
    // single_line (3.9+): `Partial partition detected:, * We saw DOWN from N, * We can still see P which can see N, ...`.
    pattern: /^Partial partition detected:(?:\n\s*|, )\* We saw DOWN from ([^\s,]+)(?:\n\s*|, )\* We can still see ([^\s,]+) which can see/,
    fields: (m) => ({ 'rabbitmq.peers': [erlangNode(m[1]!)] }),
    source: 'rabbit_node_monitor:handle_cast({partial_partition, ...})',
    versions: '3.6–4.2 (Mnesia)',
    example: `${PUBLIC}/3.7.8-partial-partition.log:7`,
  },
  {
    action: 'partial_partition',
    contains: 'Partial partition disconnect from ',
    // Logged by the node the detecting node tells to disconnect, just before it does.
    pattern: /^Partial partition disconnect from (\S+)$/,
    fields: (m) => ({ 'rabbitmq.peers': [erlangNode(m[1]!)] }),
    source: 'rabbit_node_monitor:handle_cast({partial_partition_disconnect, _})',
    versions: '3.6–4.2 (Mnesia)',
    example: `${PUBLIC}/3.7.21-partition-autoheal.log:6`,
  },
  {
    action: 'pause_minority',
    contains: 'Cluster minority/secondary status detected',
    // pause_minority and pause_if_all_down: the node stops rabbit and waits for the cluster.
    pattern: /^Cluster minority\/secondary status detected - awaiting recovery/,
    source: 'rabbit_node_monitor:await_cluster_recovery/1',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-partition-pause_minority/r3.log:4`,
  },
  {
    action: 'autoheal',
    contains: 'Autoheal decision',
    // single_line (3.9+): `Autoheal decision, * Partitions: [[a],[b]], * Winner:     a, * Losers:     [b]`.
    pattern:
      /^Autoheal decision(?:\n\s*|, )\* Partitions: [\s\S]*?(?:\n\s*|, )\* Winner:\s+([^\s,]+)(?:\n\s*|, )\* Losers:\s+(\[[^\]]*\])/,
    fields: (m) => ({ 'rabbitmq.node.subject': erlangNode(m[1]!), 'rabbitmq.peers': erlangNodeList(m[2]!) }),
    source: 'rabbit_autoheal:handle_msg({request_start, _}, ...)',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-partition-autoheal/r1.log:17, ${PUBLIC}/3.6-autoheal.log:4`,
  },
  {
    action: 'autoheal',
    contains: 'Autoheal: we were selected to restart',
    pattern: /^Autoheal: we were selected to restart; winner is (\S+)/,
    fields: subjectNode,
    source: 'rabbit_autoheal:restart_loser/2',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-partition-autoheal/r2.log:19`,
  },
  {
    action: 'autoheal',
    contains: 'Autoheal: I am the winner, waiting for ',
    pattern: /^Autoheal: I am the winner, waiting for (\[[^\]]*\]) to stop/,
    fields: (m) => ({ 'rabbitmq.peers': erlangNodeList(m[1]!) }),
    source: 'rabbit_autoheal:handle_msg({become_winner, _}, ...)',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-partition-autoheal/r3.log:19`,
  },
  {
    action: 'autoheal',
    contains: 'Autoheal finished according to winner ',
    pattern: /^Autoheal finished according to winner ([^\s.]+(?:\.[^\s.]+)*)/,
    fields: subjectNode,
    source: 'rabbit_autoheal:handle_msg({autoheal_finished, _}, ...)',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-partition-autoheal/r1.log:27`,
  },
  alarmSet('memory', `${DRILLS}/3.10.8-alarms/r1.log:3, ${PUBLIC}/3.6-memory-alarm.log:3`),
  alarmSet('disk', `${DRILLS}/3.10.8-alarms/r1.log:15, ${PUBLIC}/3.7-disk-alarm.log:1`),
  alarmCleared('memory', `${DRILLS}/3.10.8-alarms/r1.log:11, ${PUBLIC}/3.6-memory-alarm.log:8`),
  alarmCleared('disk', `${DRILLS}/3.10.8-alarms/r1.log:23`),
  {
    action: 'fd_alarm_set',
    contains: 'file descriptor limit alarm set.',
    // A local alarm, without a node: the banner `file descriptor limit alarm set.`, a blank line and
    // `*** New connections will not be accepted until this alarm clears ***` between asterisks.
    // file_handle_cache raises it when client sockets reach 90% of what the descriptor limit leaves
    // (up to 3.13; 4.x keeps the wording, but sockets no longer count).
    pattern: /^file descriptor limit alarm set\.(?:$|, )/m,
    source: 'rabbit_alarm:handle_set_alarm({file_descriptor_limit, []}, _), file_handle_cache:adjust_alarm/2',
    versions: '3.6–3.13',
    example: `${ALARMS}/rabbitmq-3.10.8.fd_alarm.log`,
  },
  {
    action: 'fd_alarm_cleared',
    contains: 'file descriptor limit alarm cleared',
    pattern: /^file descriptor limit alarm cleared$/,
    source: 'rabbit_alarm:handle_clear_alarm(file_descriptor_limit, _)',
    versions: '3.6–3.13',
    example: `${ALARMS}/rabbitmq-3.10.8.fd_alarm.log`,
  },
  {
    action: 'heartbeat_timeout',
    contains: 'missed heartbeats from client',
    // 4.x adds `, duration: '...'` inside the parentheses.
    // The AMQP 1.0 plugin of 3.x (rabbit_amqp1_0_reader) throws `{heartbeat_timeout, ConnState}` to
    // the same rabbit_reader, which then prints the state where the seconds go: `timeout: runnings`.
    pattern: /^closing AMQP connection <[\d.]+> \((.+?)(?:, duration: '[^']*')?\):(?:\n\s*|, )missed heartbeats from client, timeout: \w+s/,
    fields: (m) => ({ 'rabbitmq.connection': m[1]! }),
    source: 'rabbit_reader:log_connection_exception/3,4',
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-queues/r1.log:27, ${PUBLIC}/3.7-heartbeat-timeout.log:1`,
  },
  {
    action: 'heartbeat_timeout',
    contains: 'keepalive timeout',
    // MQTT's heartbeat is the keepalive: `closing MQTT connection "10.0.0.1:5000 -> 10.0.0.2:1883"
    // (keepalive timeout)` (the name is a string printed with ~p up to 3.11, `<<"...">>` from 3.12),
    // Web MQTT `closing Web MQTT connection "..." (keepalive timeout)` up to 3.11 and `keepalive
    // timeout in Web MQTT connection <<"...">>` from 3.12.
    pattern: /^(?:closing (?:Web )?MQTT connection (.+) \(keepalive timeout\)|keepalive timeout in Web MQTT connection (.+))$/,
    fields: (m) => ({ 'rabbitmq.connection': erlangText(m[1] ?? m[2]!) }),
    source: 'rabbit_mqtt_reader:handle_info(keepalive_timeout / {keepalive, check}); rabbit_web_mqtt_handler:websocket_info',
    versions: '3.7–4.x (MQTT plugin)',
    example: `${PUBLIC}/3.7-3.8-mqtt-keepalive-timeout.log:2, ${PUBLIC}/3.9plus-web-mqtt-keepalive-timeout.log:2`,
  },
  {
    action: 'heartbeat_timeout',
    contains: 'STOMP detected missed client heartbeat',
    // `STOMP detected missed client heartbeat(s) on connection 10.0.0.1:5000 -> 10.0.0.2:61613, closing it`.
    pattern: /^STOMP detected missed client heartbeat\(s\) on connection (.+), closing it$/,
    fields: (m) => ({ 'rabbitmq.connection': m[1]! }),
    source: 'rabbit_stomp_reader:log_reason({shutdown, client_heartbeat_timeout}, _)',
    versions: '3.8–4.x (STOMP plugin; checked from v3.8.35, the first 3.8 tags keep plugins in their own repositories)',
    example: NO_SAMPLE,
  },
  {
    action: 'heartbeat_timeout',
    contains: 'Heartbeat timeout, closing connection',
    // A stream-protocol client missed heartbeats (rabbit_heartbeat's receive timer fired). Debug level
    // and without the connection's name: the record's pid is the connection's reader.
    pattern: /^Heartbeat timeout, closing connection$/,
    source: 'rabbit_stream_reader:open(info, heartbeat_timeout, _) (rabbitmq_stream plugin)',
    versions: '3.9–4.x (debug level)',
    example: NO_SAMPLE,
  },
  {
    action: 'heartbeat_timeout',
    contains: 'no frame received from client within idle timeout threshold',
    // AMQP 1.0's heartbeat is the idle timeout; 4.x closes the connection with this error, logged as
    // `Error on AMQP 1.0 connection <0.1.0> (running), channel number 0:` and the description as a binary.
    pattern:
      /^Error on AMQP 1\.0 connection <[\d.]+> \(\w+\), channel number \d+:(?:\n\s*|, )<<"no frame received from client within idle timeout threshold">>/,
    source: 'rabbit_amqp_reader:handle_other(heartbeat_timeout, _) through handle_exception/3',
    versions: '4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'connection_closed_abruptly',
    contains: 'client unexpectedly closed TCP connection',
    // vhost and user only once the connection was opened; 4.x adds `, duration: '...'`.
    pattern:
      /^closing AMQP connection <[\d.]+> \((.+?)(?:, vhost: '(.*?)', user: '.*?')?(?:, duration: '[^']*')?\):(?:\n\s*|, )client unexpectedly closed TCP connection/,
    fields: (m) => ({
      'rabbitmq.connection': m[1]!,
      ...(m[2] === undefined ? {} : { 'rabbitmq.vhost': m[2] }),
    }),
    source: 'rabbit_reader:log_connection_exception/3,4 (also for AMQP 1.0 connections: rabbit_amqp_reader, and the 3.x plugin\'s rabbit_amqp1_0_reader, throw connection_closed_abruptly to rabbit_reader, which logs this wording)',
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-queues/r1.log:23, ${PUBLIC}/3.6-connection-closed-abruptly.log:4`,
  },
  {
    action: 'connection_closed_abruptly',
    contains: '{inet_error,',
    // The socket failed otherwise than by the peer's close (a reset, a timeout, an unreachable
    // host): rabbit_reader:stop/2 throws {inet_error, Reason} and the generic clause of
    // log_connection_exception prints the term. RabbitMQ itself takes enotconn for an abrupt close
    // (handle_method0/3). `{writer,send_failed,...}`, a client that stopped reading, is not this.
    pattern:
      /^closing AMQP connection <[\d.]+> \((.+?)(?:, duration: '[^']*')?\):(?:\n\s*|, )\{inet_error,(?:enotconn|econnreset|econnaborted|etimedout|ehostunreach|enetunreach|epipe)\}/,
    fields: (m) => ({ 'rabbitmq.connection': m[1]! }),
    source: 'rabbit_reader:stop/2 and log_connection_exception/3,4 (generic clause, `~p` of the exception)',
    versions: '3.6–4.x',
    example: `${PUBLIC}/3.6-inet-error.log:5`,
  },
  {
    action: 'connection_closed_abruptly',
    contains: 'will terminate because peer closed TCP connection',
    // An MQTT client that closed TCP without DISCONNECT (a DISCONNECT stops the reader first):
    // `MQTT connection "10.0.0.1:5000 -> 10.0.0.2:1883" will terminate because peer closed TCP
    // connection` (info once CONNECT was processed, debug before).
    pattern: /^MQTT connection (.+) will terminate because peer closed TCP connection$/,
    fields: (m) => ({ 'rabbitmq.connection': erlangText(m[1]!) }),
    source: 'rabbit_mqtt_reader:network_error(closed, _)',
    versions: '3.7.12–4.x (MQTT plugin; checked from v3.8.35)',
    example: NO_SAMPLE,
  },
  {
    action: 'connection_closed_abruptly',
    contains: 'MQTT detected network error for ',
    // The same before 3.7.12: `MQTT detected network error for "10.0.0.1:5000 -> 10.0.0.2:1883":
    // peer closed TCP connection` (info; debug before CONNECT from 3.6.16).
    pattern: /^MQTT detected network error for (.+): peer closed TCP connection$/,
    fields: (m) => ({ 'rabbitmq.connection': erlangText(m[1]!) }),
    source: 'rabbit_mqtt_reader:network_error(closed, _) (rabbitmq-mqtt)',
    versions: '3.6.0–3.7.11 (MQTT plugin)',
    example: 'source only: rabbit_mqtt_reader.erl@rabbitmq_v3_6_16 `MQTT detected network error for ~p: peer closed TCP connection~n`',
  },
  {
    action: 'connection_blocked',
    contains: 'Blocking connection ',
    // AMQP 0-9-1 connections are blocked without a log line; stream connections log it (debug).
    pattern: /^Blocking connection (.+) after resource alarm$/,
    fields: (m) => ({ 'rabbitmq.connection': erlangBinary(m[1]!) }),
    source: 'rabbit_stream_reader (rabbitmq_stream plugin)',
    versions: '3.9–4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'mirror_promoted',
    contains: ': Promoting ',
    // 3.6–3.8.5: `Promoting slave <pid> to master`; 3.8.6–3.8.35: `Promoting mirror <pid> to master`;
    // 3.9–3.13: `Promoting mirror <pid> to leader`.
    pattern: /^Mirrored queue '(.*)' in vhost '(.*)': Promoting (?:slave|mirror) <(.+)> to (?:master|leader)$/,
    fields: (m) => ({ 'rabbitmq.queue': m[1]!, 'rabbitmq.vhost': m[2]!, 'rabbitmq.node.subject': pidNode(m[3]!) }),
    source: 'rabbit_mirror_queue_slave:promote_me/2 through rabbit_mirror_queue_misc:log_info/3',
    versions: '3.6–3.13 (classic mirroring is gone in 4.0)',
    example: `${DRILLS}/3.10.8-queues/r3.log:230, ${PUBLIC}/3.6-mirror-promotion.log:4, ${PUBLIC}/3.9plus-mirror-promotion.log:1`,
  },
  {
    action: 'metadata_store_leader_changed',
    contains: ' -> leader in term: ',
    // Ra logs state changes to and from leader at notice level on the node that changes; Khepri's
    // Ra server is named `RabbitMQ metadata store`. Term 1 is the store's first leader, elected when
    // the cluster is formed: no change (as a Kafka partition's leader epoch 0).
    pattern: /^RabbitMQ metadata store: \w+ -> leader in term: (?!1\b)\d+/,
    source: 'ra_server_proc:handle_state_enter/3 (rabbitmq/ra), log id from rabbit_khepri ?RA_FRIENDLY_NAME',
    versions: '3.13 (Khepri enabled), 4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'metadata_store_leader_changed',
    contains: ': detected a new leader ',
    pattern: /^RabbitMQ metadata store: detected a new leader \{[^,]+,('[^']+'|[^}\s]+)\} in term (?!1\b)\d+/,
    fields: subjectNode,
    source: 'ra_server_proc (rabbitmq/ra), log id from rabbit_khepri ?RA_FRIENDLY_NAME',
    versions: '3.13 (Khepri enabled), 4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'queue_leader_changed',
    contains: ' -> leader in term: ',
    // A quorum queue's Ra server is named after rabbit_misc:rs(QName). Ra 1.0 (RabbitMQ 3.8.0–3.8.4)
    // ends at the term; Ra 1.1 (3.8.5+) adds ` machine version: N`, Ra 2.15 (4.0.x's later
    // patches, 4.1, 4.2) `, last applied N` (ra_server_proc:handle_enter/3). Term 1 is a new queue's
    // first leader: its creation, not a change.
    pattern: /^queue '(.*)' in vhost '(.*)': \w+ -> leader in term: (?!1\b)\d+/,
    fields: (m) => ({ 'rabbitmq.queue': m[1]!, 'rabbitmq.vhost': m[2]! }),
    source: 'ra_server_proc:handle_state_enter/3 (rabbitmq/ra), friendly_name from rabbit_quorum_queue',
    versions: '3.8–4.x',
    example: `${DRILLS}/3.10.8-queues/r3.log:228, ${PUBLIC}/4.x-quorum-leader-message.log:1`,
  },
  {
    action: 'queue_leader_changed',
    contains: ': detected a new leader ',
    // Logged by the followers; the leader's node is the second element of its Ra server id.
    // The Ra server id is printed with ~w: `{'%2F_orders',rabbit@b}`; the queue's part is a quoted
    // atom when it needs to be and may then hold a comma (a queue named `a,b`) or an escaped quote.
    pattern: /^queue '(.*)' in vhost '(.*)': detected a new leader \{(?:'(?:[^'\\]|\\.)*'|[^,']+),('[^']+'|[^}\s]+)\} in term (?!1\b)\d+/,
    fields: (m) => ({ 'rabbitmq.queue': m[1]!, 'rabbitmq.vhost': m[2]!, 'rabbitmq.node.subject': erlangNode(m[3]!) }),
    source: 'ra_server_proc (rabbitmq/ra), friendly_name from rabbit_quorum_queue',
    versions: '3.8–4.x',
    example: `${DRILLS}/3.10.8-queues/r2.log:14, ${PUBLIC}/3.9plus-quorum-leader.log:2`,
  },
  {
    action: 'queue_leader_changed',
    contains: ': started writer ',
    // A stream's leader is its writer; the coordinator logs where it started one (warning in v3.9.0,
    // info by v3.9.29 and in 3.10+). Epoch 1 is a new stream's first writer.
    pattern: /^rabbit_stream_coordinator: started writer (\S+) on ('[^']+'|\S+) in (?!1$)\d+$/,
    fields: (m) => ({ 'rabbitmq.node.subject': erlangNode(m[2]!) }),
    source: 'rabbit_stream_coordinator (phase_start_writer)',
    versions: '3.9–4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'node_down',
    contains: ' down: ',
    // The Erlang distribution link to N (net_tick_timeout, connection_closed, ...). From 4.x
    // (Khepri) a partition shows only as this, plus Raft leader changes. A reason that is a long
    // Erlang term is pretty-printed over several lines.
    pattern: /^node (\S+) down: /,
    fields: subjectNode,
    source: 'rabbit_node_monitor:handle_info({nodedown, ...})',
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-node-restart/r1.log:3, ${PUBLIC}/3.7.8-partial-partition.log:5`,
  },
  {
    action: 'node_down',
    contains: 'rabbit on node ',
    // The rabbit application on N, also after `rabbitmqctl stop_app` with the VM still up.
    pattern: /^rabbit on node (\S+) down$/,
    fields: subjectNode,
    source: "rabbit_node_monitor:handle_info({'DOWN', _, process, {rabbit, Node}, _})",
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-node-restart/r1.log:1, ${PUBLIC}/3.7.8-partial-partition.log:2`,
  },
  {
    action: 'node_up',
    contains: 'rabbit on node ',
    pattern: /^rabbit on node (\S+) up$/,
    fields: subjectNode,
    source: 'rabbit_node_monitor:handle_cast({node_up, ...})',
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-node-restart/r1.log:5, ${PUBLIC}/3.8-node-up-down.log:1`,
  },
  {
    action: 'node_up',
    // The message ends in ` up`; nothing more selective is common to every spelling of the node.
    contains: ' up',
    pattern: /^node (\S+) up$/,
    fields: subjectNode,
    source: 'rabbit_node_monitor:handle_info({nodeup, ...})',
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-node-restart/r1.log:4, ${PUBLIC}/3.8-node-up-down.log:2`,
  },
  {
    action: 'node_started',
    contains: 'Server startup complete; ',
    // 3.6 ends the line with the plugin list on the following lines (a multi-line message).
    pattern: /^Server startup complete; \d+ plugins started\./,
    source: 'rabbit:log_broker_started/1',
    versions: '3.6–4.x',
    example: `${DRILLS}/3.10.8-node-restart/r2.log:195`,
  },
  {
    action: 'node_stopped',
    contains: 'Successfully stopped ',
    // 3.6–3.7 and early 3.8 name RabbitMQ; later 3.8 (v3.8.35) and 3.9+ the product name (RabbitMQ, or a vendor's).
    pattern: /^Successfully stopped .+ and its dependencies$/,
    source: 'rabbit:stop/0',
    versions: '3.6.7–4.x',
    example: `${DRILLS}/3.10.8-node-restart/r2.log:35, ${PUBLIC}/3.9-node-stopped.log:1`,
  },
  {
    action: 'node_stopped',
    contains: 'Stopped RabbitMQ application',
    pattern: /^Stopped RabbitMQ application$/,
    source: 'rabbit:stop/0 (rabbitmq_v3_6_6 src/rabbit.erl:428)',
    versions: '3.6.0–3.6.6',
    example: 'none public with a citable address (a 3.5.6 post without its repository); the format string of the source',
  },
  {
    action: 'node_stopped',
    // Docker, Kubernetes and systemd stop a node with SIGTERM, which RabbitMQ leaves to Erlang
    // (rabbit_prelaunch_sighandler, 3.8.5+; 3.8.0–3.8.4 install no handler): the kernel's handler
    // logs this and calls init:stop(), and rabbit's stop callbacks log nothing, so no `Successfully
    // stopped` follows. 3.7.24–3.7.28 catch SIGTERM themselves and do write `Successfully stopped`.
    contains: 'SIGTERM received - shutting down',
    pattern: /^SIGTERM received - shutting down$/,
    source: 'Erlang/OTP kernel erl_signal_handler:handle_event(sigterm, _)',
    versions: '3.8–4.x',
    example: `${PUBLIC}/3.8-sigterm-stop.log:3`,
  },
  {
    action: 'cluster_join',
    contains: 'Clustering with ',
    pattern: /^Clustering with (\[[^\]]*\]) as (?:disc|ram) node$/,
    fields: (m) => ({ 'rabbitmq.peers': erlangNodeList(m[1]!) }),
    source: 'rabbit_mnesia:join_cluster/2',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-queues/r3.log:59`,
  },
  {
    action: 'cluster_join',
    contains: "' selected for auto-clustering",
    // A node joining through peer discovery (Kubernetes, Consul, etcd, DNS, classic config), which
    // never logs `Clustering with`. From 3.13 the line reads `Peer discovery: Node '~ts' selected
    // ...` and may name the node itself (it forms the cluster): not matched there, where `DB:
    // joining cluster` follows a real join.
    pattern: /^Node '(.+)' selected for auto-clustering$/,
    fields: (m) => ({ 'rabbitmq.peers': [erlangNode(m[1]!)] }),
    source: 'rabbit_mnesia:join_discovered_peers_with_retries/4 (auto_cluster/2 in 3.6)',
    versions: '3.6–3.12',
    example: `${PUBLIC}/3.9plus-peer-discovery-join.log:7`,
  },
  {
    action: 'cluster_join',
    contains: "' has joined the cluster",
    // Logged (debug) by every node already in the cluster when a node joins it; the joining node
    // logs `Clustering with` / `DB: joining cluster`. `'~p'` around a quoted atom doubles the quotes.
    pattern: /^Node '(.+)' has joined the cluster$/,
    fields: subjectNode,
    source: 'rabbit_node_monitor:handle_cast({joined_cluster, Node, NodeType}, _)',
    versions: '3.9–4.x (debug level)',
    example: NO_SAMPLE,
  },
  {
    action: 'cluster_join',
    contains: 'DB: joining cluster using remote nodes:',
    // single_line (3.9+): `DB: joining cluster using remote nodes:, [rabbit@a,rabbit@b]`.
    pattern: /^DB: joining cluster using remote nodes:(?:\n\s*|, )(\[[^\]]*\])/,
    fields: (m) => ({ 'rabbitmq.peers': erlangNodeList(m[1]!) }),
    source: 'rabbit_db_cluster:join/2',
    versions: '3.13–4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'cluster_join',
    contains: ' successfully added to cluster ',
    pattern: /^Khepri clustering: Node (\S+) successfully added to cluster "[^"]*" through node (\S+)/,
    fields: (m) => ({ 'rabbitmq.node.subject': erlangNode(m[1]!), 'rabbitmq.peers': [erlangNode(m[2]!)] }),
    source: 'rabbit_khepri:post_add_member/3',
    versions: '3.13 (Khepri enabled), 4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'cluster_leave',
    contains: 'Removing node ',
    // `rabbitmqctl forget_cluster_node` on a running node.
    pattern: /^Removing node (\S+) from cluster$/,
    fields: subjectNode,
    source: 'rabbit_mnesia:forget_cluster_node/2,3',
    versions: '3.6–4.2 (Mnesia)',
    example: `${DRILLS}/3.10.8-queues/r2.log:15`,
  },
  {
    action: 'cluster_leave',
    contains: 'The node is likely being removed from the cluster.',
    // 4.x, the node forgetting another's queues on `forget_cluster_node` (info; with Khepri, the 4.x
    // default and 4.3's only store, the other removal lines are debug): 4.0–4.1 `Will remove all
    // classic queues from node rabbit@c. The node is likely being removed from the cluster.`, 4.2+
    // `Will remove all queues from node ...`. On Mnesia (to 4.2) it follows `Removing node`.
    pattern: /^Will remove all (?:classic )?queues from node (\S+)\. The node is likely being removed from the cluster\./,
    fields: subjectNode,
    source: 'rabbit_amqqueue:forget_all/1, from rabbit_khepri:remove_reachable_member/1, remove_down_member/1 and rabbit_mnesia',
    versions: '4.0–4.x',
    example: `${DRILLS}/4.0.5-queues/r2.log:2 (4.0); ${DRILLS}/4.3.6-queues/r2.log:15 (4.3)`,
  },
  {
    action: 'cluster_leave',
    contains: ' removed from Khepri cluster ',
    pattern: /^Node (\S+) removed from Khepri cluster "/,
    fields: subjectNode,
    source: 'rabbit_khepri:remove_reachable_member/1, remove_down_member/1 (debug level)',
    versions: '3.13 (Khepri enabled), 4.x',
    example: NO_SAMPLE,
  },
  {
    action: 'node_crashed',
    contains: 'Kernel pid terminated (',
    // The VM's last words on stdout/stderr (and the crash dump's Slogan). It is printed twice,
    // once as an Erlang term `{"Kernel pid terminated",...}`; only the plain line is labelled.
    // Written to stdout, where a layout parser may join it to the record before it: match any line.
    // Bitnami's 3.7 images (nami) print the VM's words again after `: ` on a line of their own.
    pattern: /^(?:: )?Kernel pid terminated \([^)]+\) \(/m,
    unframed: true,
    source: 'erts (erl_init), printed when the kernel application stops the VM',
    versions: 'every Erlang/OTP',
    example: `${PUBLIC}/3.7-kernel-pid-terminated.log:4, ${PUBLIC}/3.8-kernel-pid-console.log:2, ${PUBLIC}/3.7-bitnami-nami-kernel-pid.log:11`,
  },
  {
    action: 'node_crashed',
    // The boot process died (rabbit:start_it/1 exits on a failed boot, 3.9–4.x): init's last words
    // on the console, as newer Erlang/OTP words them (seen on OTP 26 and 27; OTP 24 wrote `init
    // terminating in do_boot`); `{"Runtime terminating during boot",...}` is the term form
    // printed beside it, not labelled.
    contains: 'Runtime terminating during boot (',
    pattern: /^Runtime terminating during boot \(/m,
    unframed: true,
    source: 'Erlang/OTP erts/preloaded/src/init.erl boot_loop (crash/2)',
    versions: 'RabbitMQ on newer Erlang/OTP (seen: 3.13 on OTP 26, 4.0.2 on OTP 27)',
    example: `${PUBLIC}/3.13-compose-runtime-terminating.log:1`,
  },
  {
    action: 'node_crashed',
    // A failed boot in the node's own log: the node halts right after this record, and the VM's
    // last words above reach only the console (a deb/rpm install, the Windows service, a cut
    // `kubectl logs` have none). 3.8.4-3.8.x log each line of the report as a record of its own;
    // 3.9+ one record whose first line is empty. Framed records only: the console copy on stderr
    // comes beside the VM's last words, which are labelled already.
    contains: 'BOOT FAILED',
    pattern: /^\n?BOOT FAILED(?:\n|$)/,
    source: 'rabbit_prelaunch_errors:log_message/1 (?BOOT_FAILED_HEADER), from rabbit:start/2 and the post-launch phase',
    versions: '3.8.4–4.x',
    example: `${PUBLIC}/3.8-boot-failed.log:4, ${PUBLIC}/3.12-k8s-boot-failed.log:5`,
  },
  {
    action: 'node_crashed',
    // A failed boot in the node's log before 3.8.4: the `BOOT FAILED` banner went to the console
    // only, the log got its body (info in 3.6, error in 3.7–3.8.3): `Error description:` and the
    // error, or, for the usual clustered-boot failure, `Timeout contacting cluster nodes: [...].`
    // followed by its BACKGROUND section in the same record (3.8.4+ logs that text a line per record
    // after `BOOT FAILED`, which is labelled already).
    contains: 'Error description:',
    pattern: /^\n?Error description:/,
    source: 'rabbit:log_boot_error_and_exit/3, from rabbit:boot_error/2,3',
    versions: '3.6–3.8.3',
    example: 'source only: rabbit.erl@v3.7.28:1030 `~nError description:~s~nLog file(s) (may contain more information):~n...`',
  },
  {
    action: 'node_crashed',
    contains: 'Timeout contacting cluster nodes: ',
    pattern: /^\n?Timeout contacting cluster nodes: [^\n]*\n\s*\nBACKGROUND\n/,
    source: 'rabbit:boot_error/2 (timeout_waiting_for_tables), logged by rabbit:log_boot_error_and_exit/3',
    versions: '3.6–3.8.3',
    example: 'source only: rabbit.erl@v3.7.28 `~nTimeout contacting cluster nodes: ~p.~n~nBACKGROUND~n==========~n~n...`',
  },
  {
    action: 'node_crashed',
    // The VM could not allocate memory and died (erts erl_alloc.c, erts_exit with a crash dump):
    // `eheap_alloc: Cannot allocate 1781763260 bytes of memory (of type "heap").` on the console and
    // as the crash dump's Slogan; the usual end of a node that outgrew its memory, and no `Kernel pid
    // terminated` follows it.
    contains: ' bytes of memory (of type ',
    pattern: /^\w+_alloc: Cannot (?:allocate|reallocate) \d+ bytes of memory \(of type "[^"]+"\)/m,
    unframed: true,
    source: 'Erlang/OTP erts/emulator/beam/erl_alloc.c (erts_alc_fatal_error)',
    versions: 'every Erlang/OTP',
    example: 'source only: erl_alloc.c `%s: Cannot %s %lu bytes of memory (of type "%s").`',
  },
  {
    action: 'node_crashed',
    // The VM aborted on one of its own assertions (a VM bug, e.g. erlang/otp#9437): erts prints
    // `file:line:function() Assertion failed: expression` to stderr and aborts with a core dump; no
    // crash dump and no `Kernel pid terminated` follow, and a service manager restarts the node.
    contains: '() Assertion failed: ',
    pattern: /^\S+\.[ch]:\d+:\w+\(\) Assertion failed: /m,
    unframed: true,
    source: 'Erlang/OTP erts/emulator/sys/unix/sys.c (erl_assert_error), the same words from erts_exit in the socket NIF',
    versions: 'every Erlang/OTP',
    example: `${PUBLIC}/3.x-journald-vm-assertion.log:2`,
  },
  {
    action: 'node_crashed',
    contains: 'init terminating in do_boot (',
    pattern: /^init terminating in do_boot \(/m,
    unframed: true,
    source: 'Erlang/OTP erts/preloaded/src/init.erl boot_loop (crash/2), older Erlang/OTP',
    versions: 'RabbitMQ on older Erlang/OTP (seen: 3.11/3.12 on OTP 24)',
    example: `${PUBLIC}/3.x-init-terminating-do-boot.log:2`,
  },
];
