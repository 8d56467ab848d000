import { ProviderRegistrationError } from '../errors/provider-registration-error.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';

const requiredFlags = [
  'working',
  'needsAuth',
  'supportsStream',
  'supportsSystemMessage',
  'supportsMessageHistory',
] as const;

/**
 * Checks that metadata is complete and consistent: text fields present, flags boolean,
 * every alias pointing at a served model. Throws `ProviderRegistrationError` naming each problem.
 */
export function validateProviderMetadata(metadata: ProviderMetadata): void {
  const problems: string[] = [];
  for (const field of ['name', 'label', 'url', 'defaultModel'] as const) {
    if (typeof metadata[field] !== 'string' || metadata[field] === '') problems.push(`"${field}" must be a non-empty string`);
  }
  for (const flag of requiredFlags) {
    if (typeof metadata[flag] !== 'boolean') problems.push(`"${flag}" must be true or false`);
  }
  const models = Array.isArray(metadata.models) ? metadata.models : [];
  if (!Array.isArray(metadata.models)) problems.push('"models" must be a list of model ids');
  else if (!models.includes(metadata.defaultModel)) problems.push(`"defaultModel" ${metadata.defaultModel} is not in "models"`);
  for (const [alias, target] of Object.entries(metadata.modelAliases ?? {})) {
    if (!models.includes(target)) problems.push(`alias "${alias}" points at "${target}", which is not in "models"`);
  }
  if (metadata.priority !== undefined && !Number.isFinite(metadata.priority)) problems.push('"priority" must be a finite number');
  if (problems.length > 0) {
    const who = typeof metadata.name === 'string' && metadata.name ? `Provider "${metadata.name}"` : 'A provider';
    throw new ProviderRegistrationError(`${who} has invalid metadata: ${problems.join('; ')}.`, {
      provider: metadata.name,
    });
  }
}
