// The route table: every route is declared once with its zod schemas, and both the fastify route
// (validation, authorisation) and its OpenAPI operation are made from that declaration, so the
// document cannot drift from what is served.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError, invalidParameters, type ParameterIssue } from './errors.js';
import type { Access, Authorizer } from './auth.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface ResponseSpec<R extends z.ZodType> {
  readonly status: number;
  readonly description: string;
  /** JSON unless said otherwise. */
  readonly contentType?: string;
  readonly schema?: R;
}

export interface RouteInput<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  readonly query: z.output<Q>;
  readonly params: z.output<P>;
  readonly body: z.output<B>;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** What the OpenAPI document reads of a route. */
export interface DescribedRoute {
  readonly method: HttpMethod;
  /** fastify's form: `/api/v1/silences/:id`. */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly access: Access;
  readonly query?: AnyObject;
  readonly params?: AnyObject;
  readonly body?: z.ZodType;
  readonly response: ResponseSpec<z.ZodType>;
  /** Error statuses this route answers besides 400 (bad parameters) and the authorisation ones. */
  readonly errors?: readonly number[];
}

export interface RouteSpec<Q extends AnyObject, P extends AnyObject, B extends z.ZodType, R extends z.ZodType> extends DescribedRoute {
  readonly query?: Q;
  readonly params?: P;
  readonly body?: B;
  readonly response: ResponseSpec<R>;
  /** Resolves to the body of `response`, or to undefined after taking the reply over (a stream). */
  readonly handler: (input: RouteInput<Q, P, B>, request: FastifyRequest, reply: FastifyReply) => Promise<z.input<R> | undefined>;
}

function issuesOf(error: z.ZodError, where: 'query' | 'params' | 'body'): ParameterIssue[] {
  return error.issues.flatMap((issue): ParameterIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ parameter: [...issue.path, key].join('.'), message: where === 'body' ? 'is not a known field' : 'is not a parameter of this endpoint' }));
    }
    // A query parameter is named as written (`host`, not `host.0`); a body field by its path.
    const path = where === 'body' ? issue.path.map(String).join('.') : String(issue.path[0] ?? '');
    return [{ parameter: path === '' ? where : path, message: issue.message }];
  });
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: 'query' | 'params' | 'body'): z.output<T> {
  if (schema === undefined) return undefined as z.output<T>;
  const result = schema.safeParse(where === 'body' ? value ?? {} : value);
  if (!result.success) throw invalidParameters(issuesOf(result.error, where));
  return result.data;
}

/** Declares routes on a fastify instance and keeps their declarations for the OpenAPI document. */
export class RouteTable {
  readonly #app: FastifyInstance;
  readonly #authorizer: Authorizer;
  readonly #routes: DescribedRoute[] = [];

  constructor(app: FastifyInstance, authorizer: Authorizer) {
    this.#app = app;
    this.#authorizer = authorizer;
  }

  get routes(): readonly DescribedRoute[] {
    return this.#routes;
  }

  add<Q extends AnyObject, P extends AnyObject, B extends z.ZodType, R extends z.ZodType>(spec: RouteSpec<Q, P, B, R>): void {
    this.#routes.push(spec);
    this.#app.route({
      method: spec.method,
      url: spec.path,
      handler: async (request, reply) => {
        // Who may ask is settled before what was asked is read: a caller without the token learns nothing.
        this.#authorizer.authorize(request, spec.access);
        const input = {
          query: parse(spec.query, request.query, 'query'),
          params: parse(spec.params, request.params, 'params'),
          body: parse(spec.body, request.body, 'body'),
        };
        const result = await spec.handler(input, request, reply);
        if (reply.sent) return reply;
        if (spec.response.contentType !== undefined) void reply.type(spec.response.contentType);
        if (result === undefined) return reply.code(spec.response.status).send();
        return reply.code(spec.response.status).send(result);
      },
    });
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}
