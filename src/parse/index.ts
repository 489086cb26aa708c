// Parsing: turns records (one or more lines of one log family) into events. A parser never
// throws on input: what it cannot read becomes an event tagged `_parse_failure` that keeps the raw
// record. It knows nothing of files, stores or transports.
export { classify, type Classification } from './classify.js';
