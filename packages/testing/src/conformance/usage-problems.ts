/**
 * What is wrong with a `finish.usage` value: `source` must be `upstream` or `estimated`, and
 * `inputTokens` / `outputTokens`, when present, non-negative integers. Empty when it is valid.
 */
export function usageProblems(usage: unknown): string[] {
  if (typeof usage !== 'object' || usage === null) return [`usage must be an object, not ${JSON.stringify(usage)}`];
  const fields = usage as Record<string, unknown>;
  const problems: string[] = [];
  if (fields.source !== 'upstream' && fields.source !== 'estimated') {
    problems.push(`usage.source must be "upstream" or "estimated", not ${JSON.stringify(fields.source)}`);
  }
  for (const count of ['inputTokens', 'outputTokens'] as const) {
    const value = fields[count];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) {
      problems.push(`usage.${count} must be a non-negative integer, not ${JSON.stringify(value)}`);
    }
  }
  return problems;
}
