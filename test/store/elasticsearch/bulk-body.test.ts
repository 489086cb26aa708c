import { describe, expect, it } from 'vitest';
import type { EventId } from '../../../src/core/index.js';
import { encodeBodies, type BulkDocument, type BulkRequestBody } from '../../../src/store/elasticsearch/bulk-body.js';

const doc = (n: number, text = 'x'.repeat(100)): BulkDocument => ({ id: `id-${n}` as EventId, index: 'bw-kafka.log-2026.11.25', source: JSON.stringify({ n, m: text }) });
const lines = (d: BulkDocument, action = 'create'): string => `{"${action}":{"_index":"${d.index}","_id":"${d.id}"}}\n${d.source}\n`;
const counts = (requests: readonly BulkRequestBody[]): number[] => requests.map((request) => request.items.length);

describe('bulk request bodies', () => {
  it('writes an action line with the event id and the document, so that a second create answers 409', () => {
    const [request] = encodeBodies([doc(1, 'm')], 'create', { maxBulkDocs: 10, maxBulkBytes: 1e6 });
    expect(request!.body.toString()).toBe('{"create":{"_index":"bw-kafka.log-2026.11.25","_id":"id-1"}}\n{"n":1,"m":"m"}\n');
    const [replace] = encodeBodies([doc(1, 'm')], 'index', { maxBulkDocs: 10, maxBulkBytes: 1e6 });
    expect(replace!.body.toString()).toBe(lines(doc(1, 'm'), 'index'));
  });

  it('cuts documents into requests bounded by documents and by UTF-8 bytes, in order', () => {
    const docs = Array.from({ length: 7 }, (_, n) => doc(n));
    expect(counts(encodeBodies(docs, 'create', { maxBulkDocs: 3, maxBulkBytes: 1e6 }))).toEqual([3, 3, 1]);
    const size = Buffer.byteLength(lines(docs[0]!));
    const bySize = encodeBodies(docs, 'create', { maxBulkDocs: 100, maxBulkBytes: 2 * size });
    expect(counts(bySize)).toEqual([2, 2, 2, 1]);
    expect(Buffer.concat(bySize.map((request) => request.body)).toString()).toBe(docs.map((d) => lines(d)).join(''));
    // Three bytes a character: the limit counts bytes, not characters.
    const wide = Array.from({ length: 4 }, (_, n) => doc(n, '€'.repeat(100)));
    const wideSize = Buffer.byteLength(lines(wide[0]!));
    expect(counts(encodeBodies(wide, 'create', { maxBulkDocs: 100, maxBulkBytes: 2 * wideSize }))).toEqual([2, 2]);
    expect(counts(encodeBodies(wide, 'create', { maxBulkDocs: 100, maxBulkBytes: 2 * wideSize - 1 }))).toEqual([1, 1, 1, 1]);
  });

  it('sends a document larger than the byte limit alone rather than never', () => {
    const docs = [doc(0, 'a'), doc(1, 'b'.repeat(5_000)), doc(2, 'c')];
    const requests = encodeBodies(docs, 'create', { maxBulkDocs: 100, maxBulkBytes: 1_000 });
    expect(counts(requests)).toEqual([1, 1, 1]);
    expect(requests.map((request) => request.body.toString())).toEqual(docs.map((d) => lines(d)));
  });

  it("says where each document's lines and source lie in its body, across buffers grown many times", () => {
    const docs = Array.from({ length: 3_000 }, (_, n) => doc(n, `é${'y'.repeat(n % 300)}`));
    const requests = encodeBodies(docs, 'create', { maxBulkDocs: 5_000, maxBulkBytes: 400_000 });
    expect(requests.length).toBeGreaterThan(1);
    const items = requests.flatMap((request) => request.items.map((item) => ({ request, item })));
    expect(items.map(({ item }) => item.id)).toEqual(docs.map((d) => d.id));
    items.forEach(({ request, item }, n) => {
      expect(request.body.toString('utf8', item.start, item.end)).toBe(lines(docs[n]!));
      expect(request.body.toString('utf8', item.sourceStart, item.end - 1)).toBe(docs[n]!.source);
      expect(item.index).toBe(docs[n]!.index);
    });
    for (const request of requests) expect(request.body.length).toBeLessThanOrEqual(400_000);
  });
});
