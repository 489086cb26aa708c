// Configuration and rule files are read here, once, at the edge: strict schemas (unknown keys are
// errors), every problem reported with file, line and field, and the result frozen before any
// stage sees it. Stages receive only their typed slice.
export { ConfigError, formatProblem, type ConfigProblem, type SourcePosition } from './errors.js';
export { parseYaml, formatPath } from './yaml-schema.js';
export { INPUT_FORMATS, inputSchema, inputsSchema, type InputConfig } from './inputs.js';
export { loadRules, builtinRulesDir, packageRoot, ruleFilesIn, type LoadedRule } from './rules.js';
export {
  brokerwatchConfigSchema,
  defaultConfig,
  loadConfig,
  readSecret,
  type ApiConfig,
  type BrokerwatchConfig,
  type KafkaTransportConfig,
  type SecretSpec,
  type StoreConfig,
  type TransportConfig,
} from './brokerwatch.js';
export { openStore, type OpenDeps } from './open-store.js';
export { openAlertService, type AlertDeps } from './open-alerts.js';
export { openTransport, type EventTransport } from './open-transport.js';
