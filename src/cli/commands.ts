// The subcommand registry: one line per subcommand file.
import type { Command } from 'commander';
import { registerParse } from './parse.js';
import { registerRules } from './rules.js';
import { registerRun } from './run.js';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerParse, registerRules, registerRun];
