import { generationSettingNames, type GenerationSetting } from '@switchboard/core';
import { z } from 'zod';

const nonEmpty = z.string().min(1);
const settingNames = generationSettingNames as [GenerationSetting, ...GenerationSetting[]];

/** Message for an inline `apiKey`: keys stay out of files that get committed and shared. */
export const inlineApiKeyMessage =
  'API keys do not belong in the configuration file; put the key in an environment variable and give its name as "apiKeyEnv"';

/**
 * An OpenAI-compatible upstream described in the configuration file (the value of an
 * `openaiCompatible` entry): registered with `defineOpenAICompatibleProvider`, no code needed.
 */
export const openAICompatibleEntrySchema = z
  .strictObject({
    name: nonEmpty,
    label: nonEmpty.optional(),
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL up to the version segment, e.g. http://127.0.0.1:11434/v1' }),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable, e.g. OLLAMA_API_KEY')
      .optional(),
    apiKey: z.never({ error: inlineApiKeyMessage }).optional(),
    models: z.array(nonEmpty).min(1, 'list the model ids the server serves, e.g. ["qwen2.5:72b"]'),
    defaultModel: nonEmpty.optional(),
    modelAliases: z.record(nonEmpty, nonEmpty).optional(),
    priority: z.number().optional(),
    headers: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name'), z.string()).optional(),
    supportedSettings: z.array(z.enum(settingNames)).optional(),
    includeUsage: z.boolean().optional(),
    maxEventBytes: z.number().int().positive().optional(),
  })
  .superRefine((entry, context) => {
    for (const [alias, model] of Object.entries(entry.modelAliases ?? {})) {
      if (!entry.models.includes(model)) {
        context.addIssue({
          code: 'custom',
          path: ['modelAliases', alias],
          message: `"${model}" is not among "models" (${entry.models.join(', ')}); an alias must name one of them`,
        });
      }
    }
    if (entry.defaultModel !== undefined && !entry.models.includes(entry.defaultModel)) {
      context.addIssue({
        code: 'custom',
        path: ['defaultModel'],
        message: `"${entry.defaultModel}" is not among "models" (${entry.models.join(', ')})`,
      });
    }
  });

/** The value of an `openaiCompatible` provider entry. */
export type OpenAICompatibleEntry = z.infer<typeof openAICompatibleEntrySchema>;
