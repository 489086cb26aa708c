// A node's console output (`docker logs`, `kubectl logs`): RabbitMQ 3.7+ prints its banner to
// stdout and ends it with `Starting broker...` without a line break, so the first line of the next
// log record follows on the same line (`  Starting broker...2024-03-19 09:45:39.944994+00:00
// [info] <0.248.0> `: test/fixtures/public/rabbitmq-3.13-docker-banner.log). The layouts read the
// record from where its prefix starts; `event.original` keeps the whole line.

const GLUED = /^\s*Starting broker\.\.\.(?=\d{4}-\d\d-\d\d[ T]\d)/;
const SPACE = 32;
const S = 83;

/** The line from where its log record begins: after a glued `Starting broker...`, else all of it. */
export function fromRecordStart(line: string): string {
  const first = line.charCodeAt(0);
  // Nearly every line starts with a digit: no regex for them.
  if (first !== SPACE && first !== S) return line;
  const glued = GLUED.exec(line);
  return glued === null ? line : line.slice(glued[0].length);
}
