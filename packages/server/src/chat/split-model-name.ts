/** A requested model name, with the provider it pins when it had a `provider/` prefix. */
export interface SplitModelName {
  model: string;
  provider?: string;
}

/**
 * Reads `provider/model`: splits on the first `/` only when the part before it is a
 * registered provider name; otherwise the whole string is the model (ids such as
 * `meta-llama/Llama-3-8B` stay whole).
 */
export function splitModelName(name: string, isProvider: (candidate: string) => boolean): SplitModelName {
  const slash = name.indexOf('/');
  if (slash <= 0) return { model: name };
  const prefix = name.slice(0, slash);
  return isProvider(prefix) ? { model: name.slice(slash + 1), provider: prefix } : { model: name };
}
