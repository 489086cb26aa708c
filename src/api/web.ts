// The web page: static files from src/api/web (copied beside the compiled module by the build),
// read once at start and served from memory. No build step and no CDN: what is in the folder is
// what the browser gets. The Content-Security-Policy allows nothing from elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from './errors.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** Where the page's files are, whether this module runs from src/ or from dist/. */
export const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

/** Path prefix of the page's assets; `/` is the page itself. */
export const WEB_ASSETS_PREFIX = '/web/';

export function webRoutes(app: FastifyInstance, dir = WEB_DIR): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type !== undefined) files.set(name, { body: readFileSync(join(dir, name)), type });
  }
  app.get('/', async (_request, reply) => {
    const page = files.get('index.html')!;
    return reply.headers(HEADERS).type(page.type).send(page.body);
  });
  app.get(`${WEB_ASSETS_PREFIX}:name`, async (request, reply) => {
    const file = files.get((request.params as { name: string }).name);
    if (file === undefined) return reply.code(404).send({ code: 'not_found', message: 'no such file' } satisfies ErrorBody);
    return reply.headers(HEADERS).type(file.type).send(file.body);
  });
}
