// Alert delivery: the policy (routing, grouping, silences, inhibition) decides what to send and
// when; the outbox stores each notification before any attempt and moves a row on only on the
// notifier's answer (delivered, retried with backoff and jitter, dead-lettered); notifiers deliver.
// Invariants: a notification is a row before it is sent, so a crash or a receiver that is down
// loses none; a notification computed twice (same idempotency key) is one row; time comes from
// the caller (flush(now)) or the injected Clock; one function (deliveryOf) decides what a failure
// means; no credential (webhook URL, secret, password) goes into a reason or a log line.
// The AlertService owns the live loop: the alert history, the notifications and the state of
// rules and policy are committed in one transaction of the alert database (alerts.db), so a
// restart neither re-sends nor loses a notification; a group's notifications are delivered in
// order; silences are read from the database before every flush, so the CLI can add them.
export { matches, matcherSchema, parseMatcher, formatMatcher, type Matcher, type Labels } from './matchers.js';
export { timeIntervalSchema, inTimeInterval, type TimeIntervalSpec } from './time-intervals.js';
export {
  NotificationPolicy,
  policySchema,
  routeSchema,
  inhibitRuleSchema,
  type Notification,
  type IdempotencyKey,
  type PolicySpec,
  type PolicySnapshot,
  type RouteSpec,
  type InhibitRule,
  type Silence,
} from './policy.js';
export { deliveryOf, DELIVERED, type Delivery, type AttemptResult, type Notifier } from './delivery.js';
export { Outbox, type OutboxOptions, type OutboxRow, type OutboxState, type LogEntry, type DeliveryOptions } from './outbox.js';
export { openAlertDatabase, AlertDatabaseError, ALERT_DATABASE_FILE } from './database.js';
export { AlertHistory, type AlertQuery } from './history.js';
export { SilenceStore, SilenceError, type NewSilence } from './silences.js';
export { AlertService, type AlertServiceOptions } from './service.js';
export { alertmanagerWebhookPayload, alertmanagerAlert, type AlertmanagerWebhookPayload, type AlertmanagerAlert } from './payload.js';
export { notificationText } from './text.js';
export { receiverSchema, notifySchema, digestSchema, createNotifier, type ReceiverConfig, type NotifyConfig, type NotifierDeps } from './receivers.js';
export { WebhookNotifier, signBody, SIGNATURE_HEADER, IDEMPOTENCY_HEADER, type WebhookConfig } from './notifiers/webhook.js';
export { SlackNotifier, type SlackConfig } from './notifiers/slack.js';
export { ConsoleNotifier, type ConsoleConfig } from './notifiers/console.js';
export { AlertmanagerNotifier, type AlertmanagerConfig } from './notifiers/alertmanager.js';
export { EmailNotifier, type EmailConfig } from './notifiers/email.js';
