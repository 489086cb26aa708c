// The table of internal events. docs/telemetry.md lists the same names; a test checks both ways.
export interface InternalEventSpec {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly help: string;
}

export const INTERNAL_EVENTS = {
  process_started: { level: 'info', help: 'a brokerwatch process started' },
  process_stopping: { level: 'info', help: 'a brokerwatch process began an orderly shutdown' },
  store_bulk_retried: { level: 'warn', help: 'a bulk request failed as a whole (unreachable, 429, 5xx) and is sent again after a backoff' },
  store_items_retried: { level: 'warn', help: 'items of a bulk request were refused with 429 or 5xx and are sent again after a backoff' },
  store_items_dead_lettered: { level: 'error', help: 'items refused for good (a mapping conflict, say) were written to the dead-letter index' },
  store_write_failed: { level: 'error', help: 'a store write gave up: its batch is not acknowledged and must be sent again' },
  store_retention_failed: { level: 'error', help: 'a scheduled retention run failed; the next run tries again' },
  store_retention_applied: { level: 'info', help: 'retention deleted events or whole indices past their age or size' },
  format_detected: { level: 'info', help: 'the log format (and wrapper) of an input was recognised' },
  format_unknown: { level: 'warn', help: "no log format reads an input's first lines: they are kept as _parse_failure events" },
  parser_threw: { level: 'error', help: 'a log layout threw on a record (a bug): the record is kept as a _parse_failure event' },
  dependency_unavailable: { level: 'error', help: 'the store or Kafka could not be reached at start-up; the process waits for it and tries again' },
  file_opened: { level: 'info', help: 'the agent began following a file: new, or resumed from its checkpoint' },
  file_rotated: { level: 'info', help: 'a followed file was renamed away or replaced at its path; it is read to its end before it is closed' },
  file_deleted: { level: 'info', help: 'a followed file was deleted; it is read to its end before it is closed' },
  file_truncated: { level: 'warn', help: 'a followed file shrank below the read offset or was rewritten from its start (copytruncate); it is read again from its start' },
  file_found_rotated: { level: 'info', help: 'a file beside a followed one that the agent had not seen (created and rotated between two polls, or the copy copytruncate made) is read' },
  file_released: { level: 'info', help: 'a rotated or deleted file was read to its end and closed' },
  file_read_failed: { level: 'warn', help: 'a file could not be listed, opened or read; the agent tries again at the next poll' },
  batch_send_retried: { level: 'warn', help: 'the transport refused or did not answer a batch of records; the agent sends it again after a backoff' },
  checkpoint_dropped: { level: 'info', help: 'a checkpoint whose file no longer exists was removed from the registry' },
  checkpoint_write_failed: { level: 'error', help: 'the checkpoint registry could not be written; the agent retries at the next acknowledgement' },
  transport_topic_created: { level: 'info', help: 'the transport created its Kafka topic (partitions, replication factor, min.insync.replicas as configured)' },
  transport_send_failed: { level: 'warn', help: 'Kafka did not acknowledge a batch (refused, or kafkajs ran out of retries): send() rejects, and says whether sending again can succeed' },
  transport_batch_rejected: { level: 'warn', help: "the consumer's handler failed a batch read from Kafka: its offsets are not committed and it is handed again after a backoff" },
  transport_offsets_commit_failed: { level: 'warn', help: "a handled batch's offsets could not be committed (a rebalance, the coordinator moving): the batch is read again, a harmless duplicate" },
  transport_record_undecodable: { level: 'error', help: 'a record read from Kafka could not be decoded: it is handed on as an undecodable item in its place, not dropped' },
  transport_consumer_crashed: { level: 'warn', help: 'the Kafka consumer stopped on an error (a broker or the group coordinator lost); restart says whether kafkajs restarts it itself' },
  transport_consumer_restarted: { level: 'warn', help: 'a Kafka consumer that stopped for good was replaced by a new group member after a backoff' },
  transport_partitions_assigned: { level: 'info', help: "the consumer group gave this member its share of the topic's partitions (at a join or a rebalance)" },
  notification_delivered: { level: 'info', help: 'a notifier accepted a notification from the outbox' },
  notification_retry_scheduled: { level: 'warn', help: 'a notification attempt failed and will be retried after a backoff' },
  notification_dead_lettered: { level: 'error', help: 'a notification was given up (rejected, or undelivered past the dead-letter age): not intended, needs a look' },
  rule_events_late: { level: 'warn', help: 'records further behind the newest one seen than the allowed lateness were not counted by the rules (one event per batch, with the count)' },
  rule_events_duplicate: { level: 'debug', help: 'records the rules had already counted (same event.id: a redelivery or a replay) were not counted again (one event per batch, with the count)' },
  rule_events_unreadable_time: { level: 'warn', help: 'records without a readable @timestamp were not given to the rules (one event per batch, with the count)' },
  alert_fired: { level: 'info', help: "a rule's alert started firing (the notifiers tell the admins; this is the process's own record)" },
  alert_resolved: { level: 'info', help: 'a firing alert resolved' },
  alert_tick_failed: { level: 'error', help: 'a pass of the alert loop failed (the alert database unavailable, say): memory went back to the last committed state and the next tick tries again' },
  alert_job_failed: { level: 'error', help: 'a scheduled alert job (retention, digest) failed; the next run tries again' },
  alerts_pruned: { level: 'info', help: 'retention deleted resolved alerts, delivered notifications and delivery log entries older than notify.alert_retention_days' },
  digest_queued: { level: 'info', help: 'the digest of the alerts of the last 24 hours was queued for its receiver' },
} as const satisfies Record<string, InternalEventSpec>;

export type InternalEventName = keyof typeof INTERNAL_EVENTS;
