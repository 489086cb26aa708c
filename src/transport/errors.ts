import { BrokerwatchError } from '../core/index.js';

/** The transport was closed: batches not yet delivered were not acknowledged and must be sent again by the next run. */
export class TransportClosed extends BrokerwatchError {
  readonly code = 'BW_TRANSPORT_CLOSED';
}

/** The consumer did not acknowledge a batch (its handler failed). Retryable: send the batch again. */
export class DeliveryFailed extends BrokerwatchError {
  readonly code = 'BW_TRANSPORT_DELIVERY_FAILED';
}
