// `brokerwatch alerts [--state firing|resolved] [--since 2h|ISO] [--limit N] [--json]`: the alert
// history of a brokerwatch, newest first, read from its alert database.
import { Option, type Command } from 'commander';
import type { Instant } from '../core/index.js';
import { AlertHistory } from '../notify/index.js';
import type { Alert, AlertState } from '../rules/index.js';
import { addDataDirOption, formatTable, formatTime, withAlertDatabase, type DataDirFlags } from './alert-database.js';
import { positiveInteger, sinceInstant } from './values.js';

interface AlertsFlags extends DataDirFlags {
  readonly state?: AlertState;
  readonly since?: Instant;
  readonly limit: number;
  readonly json?: boolean;
}

export function registerAlerts(program: Command): void {
  addDataDirOption(
    program
      .command('alerts')
      .description('List the alerts of a brokerwatch, newest first: what fires now and what fired before')
      .addOption(new Option('--state <state>', 'only alerts in this state').choices(['firing', 'resolved']))
      .option('--since <when>', 'only alerts firing at some time since then: a duration back from now (2h, 1d) or an ISO-8601 time', sinceInstant)
      .option('--limit <n>', 'at most this many alerts', positiveInteger, 100)
      .option('--json', 'one JSON object per alert'),
  ).action((flags: AlertsFlags) => {
    withAlertDatabase('alerts', flags, (db) => {
      const alerts = new AlertHistory(db).alerts({
        limit: flags.limit,
        ...(flags.state === undefined ? {} : { state: flags.state }),
        ...(flags.since === undefined ? {} : { since: flags.since }),
      });
      if (flags.json === true) process.stdout.write(alerts.map((a) => `${JSON.stringify(a)}\n`).join(''));
      else if (alerts.length === 0) process.stdout.write('no alerts\n');
      else process.stdout.write(formatTable(['STATE', 'SEVERITY', 'STARTED', 'ENDED', 'RULE', 'GROUP', 'SUMMARY'], alerts.map(row)));
    });
  });
}

function row(alert: Alert): string[] {
  const group = Object.entries(alert.labels)
    .filter(([name]) => name !== 'alertname' && name !== 'severity')
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  return [alert.state, alert.severity, formatTime(alert.startsAt), formatTime(alert.endsAt), alert.rule, group, alert.annotations.summary];
}
