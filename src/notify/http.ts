// The HTTP attempt all HTTP notifiers share: one POST with a timeout, its result classified.
import { deliveryOf, type Delivery } from './delivery.js';

export async function postJson(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Delivery> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    await response.arrayBuffer();
    return deliveryOf({ kind: 'http', status: response.status });
  } catch (error) {
    return deliveryOf({ kind: 'network', error });
  }
}
