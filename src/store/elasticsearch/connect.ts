// The client and the start-up check: reachable, authorised, a version this code speaks. Each
// failure is its own error class, and none of them carries a credential.
import { readFileSync } from 'node:fs';
import { Client, errors, type ClientOptions } from '@elastic/elasticsearch';
import { StoreRequestError, StoreUnauthorizedError, StoreUnreachableError, StoreVersionError } from '../errors.js';

export type ElasticsearchAuth =
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  /** The encoded key (base64 of `id:api_key`), as Elasticsearch returns it in `encoded`. */
  | { readonly type: 'api_key'; readonly apiKey: string };

export interface ElasticsearchTls {
  /** PEM file of the CA that signed the cluster's HTTP certificate. */
  readonly caFile?: string;
  /** SHA-256 fingerprint of the CA certificate (hex, colons allowed), as Elasticsearch prints it at first start. */
  readonly caFingerprint?: string;
}

export interface ConnectionOptions {
  /** e.g. http://127.0.0.1:9200; credentials go in `auth`, not in the URL. */
  readonly node: string;
  readonly auth?: ElasticsearchAuth;
  readonly tls?: ElasticsearchTls;
  readonly requestTimeoutMs?: number;
}

/** Major versions of Elasticsearch this store is written and tested for. */
export const SUPPORTED_MAJOR_VERSIONS: readonly number[] = [8, 9];

export function isSupportedVersion(version: string | undefined): boolean {
  return SUPPORTED_MAJOR_VERSIONS.includes(Number(version?.split('.')[0]));
}

/** The node URL as it may appear in errors and logs. */
export function redactedNode(node: string): string {
  try {
    const url = new URL(node);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '(unparseable node URL)';
  }
}

export function createClient(options: ConnectionOptions): Client {
  const clientOptions: ClientOptions = {
    node: options.node,
    // Retries are ours (bulk.ts), with backoff and per-item decisions; the client's would double them.
    maxRetries: 0,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
  };
  if (options.auth?.type === 'basic') clientOptions.auth = { username: options.auth.username, password: options.auth.password };
  if (options.auth?.type === 'api_key') clientOptions.auth = { apiKey: options.auth.apiKey };
  if (options.tls?.caFile !== undefined) clientOptions.tls = { ca: readFileSync(options.tls.caFile, 'utf8') };
  if (options.tls?.caFingerprint !== undefined) {
    clientOptions.caFingerprint = options.tls.caFingerprint;
    // The client's documented use: the pinned CA fingerprint, checked against the chain the server
    // presents, replaces verification against a CA file the client does not have.
    if (options.tls.caFile === undefined) clientOptions.tls = { rejectUnauthorized: false };
  }
  return new Client(clientOptions);
}

/** Maps a failed request to the error an operator can act on. */
export function connectionError(error: unknown, node: string): Error {
  const context = { node: redactedNode(node) };
  if (error instanceof errors.ResponseError && (error.statusCode === 401 || error.statusCode === 403)) {
    return new StoreUnauthorizedError(
      error.statusCode === 401
        ? 'Elasticsearch refused the credentials (401): check the user/password or API key'
        : 'Elasticsearch denied the request (403): the user or API key lacks a privilege',
      { context: { ...context, status: error.statusCode }, cause: error },
    );
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError || error instanceof errors.NoLivingConnectionsError) {
    // The client's own wording (refused, timed out, an untrusted certificate) says which; it holds no credentials.
    return new StoreUnreachableError(`Elasticsearch is unreachable at ${context.node}`, {
      context: { ...context, reason: error.message },
      cause: error,
      retryable: true,
    });
  }
  const status = error instanceof errors.ResponseError ? error.statusCode : undefined;
  return new StoreRequestError('Elasticsearch answered with an error', { context: { ...context, status }, cause: error });
}

/** The version of the node answering: `GET /` is not in every distribution, `_nodes/_local` is. */
export async function checkVersion(client: Client, node: string): Promise<string> {
  let version: string | undefined;
  try {
    const response = await client.transport.request<{ nodes?: Record<string, { version?: string }> }>({
      method: 'GET',
      path: '/_nodes/_local',
      querystring: { filter_path: 'nodes.*.version' },
    });
    version = Object.values(response.nodes ?? {})[0]?.version;
  } catch (error) {
    throw connectionError(error, node);
  }
  if (!isSupportedVersion(version)) {
    throw new StoreVersionError(
      `Elasticsearch ${version ?? '(unknown version)'} is not supported: brokerwatch needs ${SUPPORTED_MAJOR_VERSIONS.join('.x or ')}.x`,
      { context: { node: redactedNode(node), version } },
    );
  }
  return version!;
}
