import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every table row of a file under docs/ (header and separator rows too), as its trimmed cells. */
export function docTableRows(doc: string): string[][] {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', doc), 'utf8');
  return [...text.matchAll(/^\|(.*)$/gm)].map((m) => m[1]!.replace(/\|\s*$/, '').split('|').map((cell) => cell.trim()));
}

/** The table rows of a file under docs/ whose first cell is one back-quoted name: the name unquoted, then the other cells. */
export function namedDocTableRows(doc: string): string[][] {
  return docTableRows(doc).flatMap(([first, ...rest]) => {
    const name = /^`([^`]+)`$/.exec(first!)?.[1];
    return name === undefined ? [] : [[name, ...rest]];
  });
}

/** The back-quoted names in the first column of every table row of a file under docs/. */
export function namesInDocTable(doc: string): string[] {
  return namedDocTableRows(doc).map((row) => row[0]!);
}
