// Cutting a sequence into runs under a size limit: bulk requests to a store, produce requests to Kafka.

/**
 * `items`, in order, cut into runs of at most `maxSize` (summed by `sizeOf`) and at most
 * `maxCount` items. An item larger than `maxSize` alone makes a run of its own: the receiver
 * decides about it.
 */
export function chunkBySize<T>(items: readonly T[], sizeOf: (item: T) => number, maxSize: number, maxCount = Infinity): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (current.length > 0 && (current.length >= maxCount || size + itemSize > maxSize)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
