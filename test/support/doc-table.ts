import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The back-quoted names in the first column of every table row of a file under docs/. */
export function namesInDocTable(doc: string): string[] {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', doc), 'utf8');
  return [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}
