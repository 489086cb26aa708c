#!/usr/bin/env node
// The `brokerwatch` command. Each subcommand lives in its own file, registered in commands.ts;
// files here only parse flags, call the library and print.
import { buildProgram } from './program.js';

// A reader that stops early (`brokerwatch parse server.log | head`) ends the command quietly, as it
// ends other Unix tools, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

await buildProgram().parseAsync(process.argv);
