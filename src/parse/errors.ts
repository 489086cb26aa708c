import { BrokerwatchError } from '../core/index.js';

/** A parse setting that cannot work (an unknown format or time zone, a pattern without `%m`): fix the config. */
export class ParseConfigError extends BrokerwatchError {
  readonly code = 'parse_config_invalid';
}
