import { z } from 'zod';

const milliseconds = z.number().nonnegative();
const positiveInteger = z.number().int().positive();

const providerEntrySchema = z
  .strictObject({
    package: z.string().min(1).optional(),
    module: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((entry, context) => {
    const sources = [entry.package, entry.module].filter((source) => source !== undefined).length;
    if (sources !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          sources === 0
            ? 'give either "package" (an npm package name) or "module" (a file path relative to the config file)'
            : 'give either "package" or "module", not both',
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
});

/** One provider to load: an npm package or a module file, and optionally its settings. */
export type ProviderEntry = z.infer<typeof providerEntrySchema>;

/** A validated configuration file. */
export type SwitchboardConfig = z.infer<typeof configSchema>;
