// The human text of a notification, shared by console, Slack and email: a subject an admin reads
// in five seconds, then one line per alert. A digest (group label `digest`) says so in its subject,
// so that nobody takes the morning summary for a live alert.
import type { Notification } from './policy.js';

export function notificationText(n: Notification): { subject: string; body: string } {
  const firing = n.alerts.filter((a) => a.state === 'firing');
  const resolved = n.alerts.filter((a) => a.state === 'resolved');
  const head = firing[0] ?? resolved[0];
  const counts = [firing.length > 0 ? `FIRING:${firing.length}` : '', resolved.length > 0 ? `RESOLVED:${resolved.length}` : '']
    .filter((s) => s !== '')
    .join(' ');
  const subject =
    n.groupLabels.digest === undefined
      ? `[${counts}] ${head?.annotations.summary ?? n.groupKey}${n.alerts.length > 1 ? ` (+${n.alerts.length - 1} more)` : ''}`
      : `[DIGEST ${n.groupLabels.digest}] ${n.alerts.length} alerts fired: ${firing.length} still firing, ${resolved.length} resolved`;
  const lines = n.alerts.map(
    (a) => `${a.state === 'firing' ? 'FIRING' : 'RESOLVED'} [${a.severity}] ${a.annotations.summary}\n  ${a.annotations.description}`,
  );
  return { subject, body: lines.join('\n') };
}
