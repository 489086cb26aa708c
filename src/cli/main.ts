#!/usr/bin/env node
// The `brokerwatch` command. Each subcommand lives in its own file, registered in commands.ts;
// files here only parse flags, call the library and print.
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
