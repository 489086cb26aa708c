// The subcommand registry: one line per subcommand file.
import type { Command } from 'commander';
import { registerAlerts } from './alerts.js';
import { registerParse } from './parse.js';
import { registerRules } from './rules.js';
import { registerRun } from './run.js';
import { registerSilence } from './silence.js';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerParse, registerRules, registerRun, registerAlerts, registerSilence];
