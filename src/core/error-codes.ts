// Every error code brokerwatch emits: the `code` of each BrokerwatchError subclass and of the HTTP
// API's error answers. Codes reach operators (HTTP bodies, `config check`, the `error.type` of an
// undecodable record, log lines), so a code is a contract: lowercase snake_case, prefixed by its
// area, and renamed only with a note in the docs. docs/errors.md describes the same table;
// test/core/error-codes.test.ts checks the two agree in both directions and that each error class
// has a registered code of its own.

export interface ErrorCodeSpec {
  /** What happened and what the operator does about it. */
  readonly meaning: string;
  /** The HTTP statuses the API answers this code with; absent for a code the API never answers. */
  readonly http?: readonly number[];
}

export const ERROR_CODES = {
  config_invalid: {
    meaning: 'a configuration or rule file cannot be used as written: the message gives file, line, column, field and what is allowed; fix the file (not retryable)',
  },
  parse_config_invalid: {
    meaning: 'a parse setting cannot work (an unknown format or time zone, a log4j pattern that cannot be read or has no %m) or a file given to the command cannot be read: fix the setting or the path (not retryable)',
  },
  nothing_stored: {
    meaning: 'a reading command (search, tail, timeline) found no database in the data directory, so nothing was ever stored there: point --config at the configuration brokerwatch runs with',
  },
  agent_registry_unreadable: {
    meaning: "the agent's checkpoint registry is not JSON or not of this version's shape, so someone else changed it: restore it, or delete it to read every file again from its `start_position` (not retryable)",
  },
  agent_registry_write_failed: {
    meaning: 'the checkpoint registry could not be written (disk full, permissions): free space or fix the permissions; retryable, the agent writes it again at the next acknowledgement',
  },
  transport_closed: {
    meaning: 'the transport was closed (brokerwatch is stopping): batches not yet delivered were not acknowledged and are sent again by the next run; nothing to do',
  },
  transport_delivery_failed: {
    meaning: "a batch was not acknowledged (the in-process consumer failed it, or Kafka refused it or kafkajs's own retries ran out); `retryable` says whether sending it again can succeed (not for an event over the broker's `message.max.bytes` or a topic the credentials may not write)",
  },
  transport_kafka_unreachable: {
    meaning: 'no broker of `transport.kafka.brokers` could be reached (address, port, TLS): check them; retryable, `run` waits for the cluster',
  },
  transport_kafka_authentication_failed: {
    meaning: 'a Kafka broker refused the SASL credentials: fix them (not retryable)',
  },
  transport_kafka_topic_unavailable: {
    meaning: 'the transport topic could not be created (fewer brokers than the replication factor, no rights) or did not get leaders on every broker within `topic_ready_timeout_seconds`; retryable',
  },
  transport_record_undecodable: {
    meaning: "a line of a record on the transport topic could not be decoded (another producer's record, damage, a tombstone): it is stored as a `_parse_failure` event with the reason; find what else writes to the topic",
  },
  event_undecodable: {
    meaning: "JSON that is not a brokerwatch event (not an object, a required field missing, a field of the wrong type): an undecodable record's `error.type`, with the field at fault in `error.message`",
  },
  store_unreachable: {
    meaning: 'the event store cannot be reached (refused, timed out, DNS, an untrusted certificate); retryable: `run` waits for it, and the API answers 503 with `Retry-After`',
    http: [503],
  },
  store_unauthorized: {
    meaning: "the event store refused brokerwatch's credentials (401) or they lack a privilege (403): fix the user, password, API key or role (not retryable)",
    http: [503],
  },
  store_version_unsupported: {
    meaning: 'the Elasticsearch version is not one brokerwatch supports (the message names those it does): upgrade it or point at another cluster',
  },
  store_write_failed: {
    meaning: 'a batch could not be written for every event (retries used up, the dead-letter index refused items, the store closed during the write): it is not acknowledged, so the transport hands it again',
  },
  store_request_failed: {
    meaning: 'a store request or setting that no retry can fix (Elasticsearch rejected a request, an invalid index pattern or retention schedule, a missing index template, a SQLite database written by another brokerwatch version): the message says which',
  },
  event_not_found: {
    meaning: "no stored event has that id, or it is outside the caller's scope",
    http: [404],
  },
  query_invalid: {
    meaning: 'a query cannot be run (a bad time, filter, interval or cursor): the message names the field; the API answers `invalid_parameter` for it',
  },
  alert_db_unavailable: {
    meaning: "the alert database (`alerts.db` in `data_dir`) cannot be opened: check the directory's permissions and free space",
  },
  silence_invalid: {
    meaning: 'a silence was refused: it needs a matcher that an absent label does not satisfy, and must end after it starts and after now; the API answers `invalid_parameter` for it',
  },
  api_config_invalid: {
    meaning: 'the HTTP API cannot start with this `api:` section (`auth_reads` without `token`, a `listen` that is not host:port): fix the configuration',
  },
  invalid_parameter: {
    meaning: 'a query parameter or body field is wrong or unknown: `issues` names each one',
    http: [400],
  },
  invalid_request: {
    meaning: 'the request body is malformed JSON (400), larger than 64 KiB (413) or of a media type the API does not read (415): send `content-type: application/json`',
    http: [400, 413, 415],
  },
  unauthorized: {
    meaning: 'no API token or a wrong one: send `Authorization: Bearer <token>`',
    http: [401],
  },
  writes_disabled: {
    meaning: 'a change (a silence) was asked while no `api.token` is configured: configure one to allow changes',
    http: [403],
  },
  not_found: {
    meaning: 'no such route, silence or alert',
    http: [404],
  },
  not_configured: {
    meaning: 'this process runs no alert service (an ingester): alerts, silences and rules are served by the process that runs the rules',
    http: [501],
  },
  internal_error: {
    meaning: 'a bug: the log has the internal event `api_request_failed`',
    http: [500],
  },
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes the HTTP API answers with: those registered with their statuses. */
export type ApiErrorCode = { [C in ErrorCode]: (typeof ERROR_CODES)[C] extends { readonly http: readonly number[] } ? C : never }[ErrorCode];
