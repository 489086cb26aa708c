/** Handles one batch; the batch is acknowledged when the returned promise resolves. */
export type BatchHandler<T> = (batch: T) => Promise<void>;

/** STYLE.md's transport: from the agents to the stages that store and evaluate. */
export interface Transport<T> {
  /**
   * Resolves once the next stage took the batch over: the consumer's handler (in-process) or the
   * Kafka topic (all in-sync replicas); rejects when it did not (see DeliveryFailed.retryable).
   */
  send(batch: T): Promise<void>;
  /** Hands every batch to `handler`, in the order sent from each sender (Kafka: from each key). */
  consume(handler: BatchHandler<T>): void;
  /** Start-up and `config check`: resolves when the transport can carry batches. */
  check(): Promise<void>;
  close(): Promise<void>;
}
