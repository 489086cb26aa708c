// The subcommand registry: one line per subcommand file.
import type { Command } from 'commander';
import { registerAlerts } from './alerts.js';
import { registerParse } from './parse.js';
import { registerRules } from './rules.js';
import { registerReplay } from './replay.js';
import { registerRun } from './run.js';
import { registerSilence } from './silence.js';
import { registerConfigCheck } from './config-check.js';
import { registerSearch } from './search.js';
import { registerTail } from './tail.js';
import { registerTimeline } from './timeline.js';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  registerParse,
  registerRules,
  registerRun,
  registerAlerts,
  registerSilence,
  registerSearch,
  registerTail,
  registerTimeline,
  registerConfigCheck,
  registerReplay,
];
