import type { Clock } from '../core/index.js';
import type { LayoutEnv } from '../../parsers/index.js';
import { inferLog4jPattern } from './log4j-infer.js';
import { compileLog4jPattern } from './log4j-pattern.js';

/** What layouts get from the engine: the log4j pattern compiler and inference, on the input's clock. */
export function layoutEnv(clock: Clock): LayoutEnv {
  return {
    compileLog4jPattern: (pattern) => compileLog4jPattern(pattern, clock),
    inferLog4jPattern: (lines) => inferLog4jPattern(lines, clock),
  };
}
