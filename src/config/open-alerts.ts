// The alert service a config describes: the one place that turns the `rules:` and `notify:`
// sections into an AlertService (its database in the data directory), for `run` and `ingest`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_DATABASE_FILE, AlertService, type NotifierDeps } from '../notify/index.js';
import type { BrokerwatchConfig } from './brokerwatch.js';
import type { OpenDeps } from './open-store.js';
import { builtinRulesDir, loadRules } from './rules.js';

export interface AlertDeps extends OpenDeps {
  /** Where console receivers write and password_env secrets are read. */
  readonly notifierDeps: NotifierDeps;
}

/** @throws ConfigError for a rule file with problems (file, line, field). */
export function openAlertService(config: BrokerwatchConfig, deps: AlertDeps): AlertService {
  const dirs = [...(config.rules.builtin ? [builtinRulesDir()] : []), ...config.rules.directories];
  mkdirSync(config.data_dir, { recursive: true });
  return new AlertService({
    rules: loadRules(dirs).map((rule) => rule.spec),
    notify: config.notify,
    databasePath: join(config.data_dir, ALERT_DATABASE_FILE),
    clock: deps.clock,
    telemetry: deps.telemetry,
    notifierDeps: deps.notifierDeps,
    allowedLatenessMs: config.rules.allowed_lateness_seconds * 1000,
  });
}
