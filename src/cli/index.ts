// The command line: thin subcommands over the library. No logic here that a test would want to
// reach; each file parses flags, calls a library function and prints (human text or --json).
export { buildProgram } from './program.js';
export { COMMANDS, type RegisterCommand } from './commands.js';
