import { z } from 'zod';
import { openAICompatibleEntrySchema } from './openai-compatible-entry-schema.js';

const milliseconds = z.number().nonnegative();
const positiveInteger = z.number().int().positive();

/** Message for `priority` on a `package` or `module` entry, which cannot take it. */
export const priorityOnCodeEntryMessage =
  '"priority" is only read on "openaiCompatible" entries: a package or module registers its providers itself, with the ' +
  'priority its code declares, and a registered provider\'s priority cannot be changed; give the other entries a lower ' +
  '(e.g. negative) "priority" instead';

const providerEntrySchema = z
  .strictObject({
    package: z.string().min(1).optional(),
    module: z.string().min(1).optional(),
    openaiCompatible: openAICompatibleEntrySchema.optional(),
    name: z.string().min(1).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    priority: z.never({ error: priorityOnCodeEntryMessage }).optional(),
  })
  .superRefine((entry, context) => {
    const sources = [entry.package, entry.module, entry.openaiCompatible].filter((source) => source !== undefined).length;
    if (sources !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          sources === 0
            ? 'give one of "package" (an npm package name), "module" (a file path relative to the config file) ' +
              'or "openaiCompatible" (an OpenAI-compatible server: name, baseUrl, models)'
            : 'give only one of "package", "module" and "openaiCompatible"',
      });
    }
    if (entry.openaiCompatible === undefined) return;
    if (entry.name !== undefined) {
      context.addIssue({ code: 'custom', path: ['name'], message: 'give the provider\'s "name" inside "openaiCompatible"' });
    }
    if (entry.settings !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['settings'],
        message: 'an "openaiCompatible" entry has no "settings": its fields (baseUrl, apiKeyEnv, headers…) go inside "openaiCompatible"',
      });
    }
  });

const routingSchema = z.strictObject({
  timeouts: z
    .strictObject({
      connectMs: milliseconds.optional(),
      firstTokenMs: milliseconds.optional(),
      queueMs: milliseconds.optional(),
      idleMs: milliseconds.optional(),
      totalMs: milliseconds.optional(),
    })
    .optional(),
  retry: z
    .strictObject({
      maxAttempts: positiveInteger.optional(),
      baseDelayMs: milliseconds.optional(),
      maxDelayMs: milliseconds.optional(),
      maxRetryAfterMs: milliseconds.optional(),
    })
    .optional(),
  circuit: z
    .strictObject({
      failureThreshold: positiveInteger.optional(),
      cooldownMs: milliseconds.optional(),
    })
    .optional(),
  maxConcurrency: z.record(z.string().min(1), z.number().int().nonnegative()).optional(),
});

const redisSchema = z.strictObject({
  url: z.url({ protocol: /^rediss?$/, error: 'give a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS)' }).optional(),
  prefix: z.string().min(1).optional(),
  operationTimeoutMs: z.number().positive().optional(),
});

const serverSchema = z.strictObject({
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  graceMs: milliseconds.optional(),
});

/** The shape of `switchboard.config.json`; see {@link SwitchboardConfig}. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  providers: z.array(providerEntrySchema).min(1, 'list at least one provider'),
  defaultModel: z.string().min(1).optional(),
  proxy: z.url({ protocol: /^https?$/ }).optional(),
  routing: routingSchema.optional(),
  server: serverSchema.optional(),
  redis: redisSchema.optional(),
});

/**
 * One provider entry: an npm package or a module file (optionally with the `name` of the
 * provider that receives `settings`), or an OpenAI-compatible upstream described as data.
 */
export type ProviderEntry = z.infer<typeof providerEntrySchema>;

/** A validated configuration file. */
export type SwitchboardConfig = z.infer<typeof configSchema>;
