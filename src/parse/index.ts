// Parsing: turns lines (of one input) into records and records into events, over the layouts of
// parsers/. Invariants: a parser never throws on input, and every record yields exactly one event:
// what cannot be read becomes an event tagged `_parse_failure` that keeps the raw record. Time
// comes from the injected Clock; zone-less timestamps take the input's configured IANA zone. It
// knows nothing of files, stores or transports: callers feed lines with their byte offsets.
export { classify, type Classification } from './classify.js';
export { LineSplitter, type LineSink } from './lines.js';
export { RecordAssembler, type AssembledRecord, type AssemblerOptions, type RecordFraming, type RecordSink } from './assembler.js';
export { InputParser, type EventSink, type ParseOptions } from './input.js';
export { EventBuilder, eventRows, type InputContext } from './event.js';
export { compileLog4jPattern } from './log4j-pattern.js';
export { layoutEnv } from './env.js';
export { ZoneTime } from './zone.js';
export { WRAPPERS, detectWrappers, stampTime, type Wrapper, type Unwrapped } from './wrappers.js';
export { ParseConfigError } from './errors.js';
export { FORMAT_NAMES, isFormatName, type FormatName } from '../../parsers/index.js';
