// The files an input's globs match now. Each glob is crawled from its own static base: given
// absolute globs, tinyglobby crawls from the common root of them and the working directory, `/`
// for `/var/log/kafka/*.log` run from a home directory, reading every entry of `/`, `/var` and
// `/var/log` at each poll (10 ms a poll beside a /tmp of a thousand entries, four polls a second).
import { stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

/**
 * Regular files matching any of `patterns` (absolute globs), sorted, each once. A pattern without
 * glob characters is a path: it is looked at, not crawled for.
 * @throws the crawl's error for a base that cannot be read (not for one that does not exist).
 */
export async function matchingFiles(patterns: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const { base, glob: rest, isGlob } = picomatch.scan(pattern);
    if (!isGlob) {
      if (await isFile(pattern)) found.add(pattern);
      continue;
    }
    for (const path of await glob([rest], { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false })) found.add(path);
  }
  return [...found].sort();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
