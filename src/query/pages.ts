// Paging through a store the one way brokerwatch does it: search_after cursors, never offsets, so
// that events stored meanwhile neither shift a page nor repeat one.
import type { Cursor, SearchPage } from '../core/index.js';

/** Every page of a query in order, each asked for with the cursor of the one before; break to stop. */
export async function* pages(fetch: (after: Cursor | undefined) => Promise<SearchPage>): AsyncGenerator<SearchPage> {
  let after: Cursor | undefined;
  do {
    const page = await fetch(after);
    yield page;
    after = page.next;
  } while (after !== undefined);
}
