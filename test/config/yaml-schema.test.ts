import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from '../../src/config/index.js';
import { configProblems } from '../support/config-problems.js';

const schema = z.strictObject({
  inputs: z.array(
    z.strictObject({
      paths: z.array(z.string()),
      format: z.enum(['auto', 'kafka-log4j']).default('auto'),
      max_line_bytes: z.number().int().positive().optional(),
    }),
  ),
});

const problemsOf = (text: string): string => configProblems(text, schema);

describe('parseYaml', () => {
  it('returns the typed, defaulted value of a valid file', () => {
    expect(parseYaml('inputs:\n  - paths: [/var/log/kafka/server.log]\n', 'a.yaml', schema)).toEqual({
      inputs: [{ paths: ['/var/log/kafka/server.log'], format: 'auto' }],
    });
  });

  it('names file, line, column, field and the allowed values of a bad enum', () => {
    expect(problemsOf('inputs:\n  - paths: [a]\n    format: log4j\n')).toBe(
      'agent.yaml:3:13: inputs[0].format: must be one of "auto", "kafka-log4j"',
    );
  });

  it('points at an unknown key itself', () => {
    expect(problemsOf('inputs:\n  - paths: [a]\n    max_line_byte: 10\n')).toBe(
      'agent.yaml:3:5: inputs[0].max_line_byte: unknown field "max_line_byte"',
    );
  });

  it('points a missing field at the object that lacks it', () => {
    expect(problemsOf('inputs:\n  - format: auto\n')).toBe('agent.yaml:2:5: inputs[0].paths: is required (array)');
  });

  it('reports every problem, not only the first', () => {
    expect(problemsOf('inputs:\n  - paths: a\n    max_line_bytes: -1\n').split('\n')).toHaveLength(2);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problemsOf('inputs:\n  - paths: [a\n')).toMatch(/^agent\.yaml:\d+:\d+: /);
  });

  it('rejects duplicate keys', () => {
    expect(problemsOf('inputs: []\ninputs: []\n')).toMatch(/^agent\.yaml:2:1: .*[Mm]ap keys must be unique/);
  });
});
