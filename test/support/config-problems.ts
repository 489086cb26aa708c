import type { z } from 'zod';
import { ConfigError, parseYaml } from '../../src/config/index.js';

/** The message of the ConfigError that `text` (read as agent.yaml) raises; fails if it raises none. */
export function configProblems(text: string, schema: z.ZodType): string {
  try {
    parseYaml(text, 'agent.yaml', schema);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
