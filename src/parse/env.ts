import type { Clock } from '../core/index.js';
import type { LayoutEnv } from '../../parsers/index.js';
import { compileLog4jPattern } from './log4j-pattern.js';

/** What layouts get from the engine: the log4j pattern compiler, on the input's clock. */
export function layoutEnv(clock: Clock): LayoutEnv {
  return { compileLog4jPattern: (pattern) => compileLog4jPattern(pattern, clock) };
}
