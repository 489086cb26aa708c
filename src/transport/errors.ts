import { BrokerwatchError } from '../core/index.js';

/** The transport was closed: batches not yet delivered were not acknowledged and must be sent again by the next run. */
export class TransportClosed extends BrokerwatchError {
  readonly code = 'transport_closed';
}

/** The consumer did not acknowledge a batch (its handler failed). Retryable: send the batch again. */
export class DeliveryFailed extends BrokerwatchError {
  readonly code = 'transport_delivery_failed';
}

/** No Kafka broker of the configured list could be reached (address, port, TLS). Retryable: the cluster may come back. */
export class KafkaUnreachable extends BrokerwatchError {
  readonly code = 'transport_kafka_unreachable';
}

/** A broker refused the SASL credentials. Not retryable: the configuration must change. */
export class KafkaAuthenticationFailed extends BrokerwatchError {
  readonly code = 'transport_kafka_authentication_failed';
}

/** The topic could not be created, or did not become visible on every broker in time. */
export class KafkaTopicUnavailable extends BrokerwatchError {
  readonly code = 'transport_kafka_topic_unavailable';
}

/** A record read from Kafka that `decode` refused; handed to the consumer in the record's place (see KafkaTransportOptions.undecodable). */
export class RecordUndecodable extends BrokerwatchError {
  readonly code = 'transport_record_undecodable';
}
