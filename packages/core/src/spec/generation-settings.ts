/**
 * How the model should generate. Every field is optional; unset means "the upstream's own
 * default". A provider honours only the settings its metadata lists in `supportedSettings`;
 * the registry reports the others with a `warning` part instead of dropping them silently.
 */
export interface GenerationSettings {
  /** Sampling temperature, `>= 0`; higher is more random. Default: the upstream's. */
  temperature?: number;
  /** Upper bound on generated tokens, a positive integer. Default: the upstream's. */
  maxOutputTokens?: number;
  /** Nucleus sampling mass, in `(0, 1]`. Default: the upstream's. */
  topP?: number;
  /** Strings that end the answer when generated (not included in it). Default: none. */
  stop?: readonly string[];
  /** Seed for reproducible sampling, an integer. Default: none. */
  seed?: number;
}

/** The name of one generation setting. */
export type GenerationSetting = keyof GenerationSettings;
