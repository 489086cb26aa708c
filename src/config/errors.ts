import { BrokerwatchError } from '../core/index.js';

/** Where in a YAML file a problem is. Lines and columns count from 1. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A configuration or rule file that cannot be used as written. Never retryable. */
export class ConfigError extends BrokerwatchError {
  readonly code = 'config_invalid';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'), { context: { problems } });
    this.problems = problems;
  }
}

export interface ConfigProblem extends SourcePosition {
  /** Dotted path of the field, e.g. `inputs[0].format`; empty for the whole document. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.field === '' ? `${where}: ${problem.message}` : `${where}: ${problem.field}: ${problem.message}`;
}
