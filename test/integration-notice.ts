// Printed when `npm test` runs without BW_INTEGRATION=1: which integration suites were left out
// and how to start the engines they need. CI always sets BW_INTEGRATION=1.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function setup(): void {
  const root = join(import.meta.dirname, 'integration');
  const suites = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .sort();
  if (suites.length === 0) return;
  process.stdout.write(
    [
      '',
      `Integration suites left out (${suites.length}); they need the real engines:`,
      ...suites.map((suite) => `  test/integration/${suite}`),
      'Start the engines and run them with:',
      '  bash scripts/engines/all.sh start && BW_INTEGRATION=1 npm test',
      '',
    ].join('\n'),
  );
}
