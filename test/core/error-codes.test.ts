import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/index.js';
import { ConfigError } from '../../src/config/index.js';
import { BrokerwatchError, ERROR_CODES, type ErrorCode } from '../../src/core/index.js';
import { docTableRows, namedDocTableRows } from '../support/doc-table.js';

const ROOT = join(import.meta.dirname, '..', '..');

type ErrorClass = abstract new (...args: never[]) => BrokerwatchError;

/** The registry as docs/errors.md writes it: each code's HTTP statuses and meaning. */
const REGISTRY_ROWS = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, spec]) => [code, ['http' in spec ? spec.http.join(', ') : '', spec.meaning]]));

/** Every module of the code base, but the command's entry point: importing it runs the command. */
function modules(): string[] {
  return ['src', 'parsers']
    .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(ROOT, dir, file)))
    .filter((file) => file.endsWith('.ts') && file !== join(ROOT, 'src', 'cli', 'main.ts'));
}

/** The error classes the modules export, found once: every module is imported for it. */
let errorClasses: Promise<ErrorClass[]> | undefined;
function exportedErrorClasses(): Promise<ErrorClass[]> {
  return (errorClasses ??= findErrorClasses());
}

async function findErrorClasses(): Promise<ErrorClass[]> {
  const found = new Set<ErrorClass>();
  for (const file of modules()) {
    for (const value of Object.values(await import(file) as Record<string, unknown>)) {
      if (typeof value === 'function' && value.prototype instanceof BrokerwatchError) found.add(value as ErrorClass);
    }
  }
  return [...found];
}

/**
 * Constructor arguments of the classes that do not take BrokerwatchError's (message, details). A
 * new class with a constructor of its own fails the test below until it is added here.
 */
const ARGUMENTS = new Map<ErrorClass, unknown[]>([[ConfigError, [[]]]]);

/** The code an instance carries; undefined for an abstract base (TypeScript allows no other class without one). */
function codeOf(errorClass: ErrorClass): ErrorCode | undefined {
  const error: { readonly code?: ErrorCode } = Reflect.construct(errorClass, ARGUMENTS.get(errorClass) ?? ['probe']) as BrokerwatchError;
  return error.code;
}

describe('error codes', () => {
  it('documents exactly the codes of the registry, with their statuses and meanings, in docs/errors.md', () => {
    expect(Object.fromEntries(namedDocTableRows('errors.md').map(([code, ...cells]) => [code, cells]))).toEqual(REGISTRY_ROWS);
  });

  it('lists in docs/api.md the codes the API answers with, with the statuses of the registry', () => {
    // The error table there is the one whose first column holds statuses ("404", "400, 413, 415").
    const documented = docTableRows('api.md')
      .filter(([status]) => /^\d{3}(, \d{3})*$/.test(status!))
      .flatMap(([status, codes]) => [...codes!.matchAll(/`([^`]+)`/g)].map((m) => [m[1]!, status!]));
    const registered = Object.entries(REGISTRY_ROWS).flatMap(([code, [status]]) => (status === '' ? [] : [[code, status]]));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(registered));
  });

  it('gives every error class a registered code that no unrelated class shares', async () => {
    // ApiError carries the code of each answer, which its type restricts to the API's codes.
    const classes = (await exportedErrorClasses()).filter((c) => c !== ApiError);
    expect(classes.length).toBeGreaterThan(20);
    const coded = classes.flatMap((errorClass) => {
      const code = codeOf(errorClass);
      if (code === undefined) {
        expect(classes.some((other) => other.prototype instanceof errorClass), `${errorClass.name} has no code and no subclass`).toBe(true);
        return [];
      }
      expect(Object.keys(ERROR_CODES), `${errorClass.name}'s code`).toContain(code);
      return [{ errorClass, code }];
    });
    // A subclass that keeps its parent's code is a kind of that error, caught as it; any other
    // two classes with one code could not be told apart by a caller.
    for (const a of coded) {
      for (const b of coded) {
        if (a === b || a.code !== b.code) continue;
        const related = a.errorClass.prototype instanceof b.errorClass || b.errorClass.prototype instanceof a.errorClass;
        expect(related, `${a.errorClass.name} and ${b.errorClass.name} share ${a.code}`).toBe(true);
      }
    }
  });

  it('registers no code that nothing emits', async () => {
    const classCodes = new Set((await exportedErrorClasses()).map((c) => (c === ApiError ? undefined : codeOf(c))));
    const apiSource = readdirSync(join(ROOT, 'src', 'api'), { encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(ROOT, 'src', 'api', file), 'utf8'))
      .join('\n');
    // An API code is emitted where the API names it (`new ApiError(404, 'not_found', ...)`).
    const unused = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => !classCodes.has(code) && !apiSource.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
