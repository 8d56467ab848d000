import { cleanDoc } from './clean-doc.js';
import type { DiffEdit } from './compute-diff.js';
import { IncrementalCleanDoc } from './incremental-clean-doc.js';
import { spaceFunctions } from './qwen-space-app.js';
import type { ResolvedEmulatorOptions } from './resolve-emulator-options.js';

/** One generator yield: output values in `outputs` order. */
export interface SpaceStep {
  values: unknown[];
  /** The diff from the previous yield when known without comparing values (a plain append). */
  diff?: DiffEdit[][];
}

/** What one call of a Space function produces. */
export interface SpaceFunctionOutcome {
  /** Each generator yield, computed lazily. */
  steps: Iterable<SpaceStep>;
  /** The values when the function finishes without yielding. */
  valuesWithoutSteps: unknown[];
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function chatOutcome(data: unknown[], options: ResolvedEmulatorOptions): SpaceFunctionOutcome {
  const [queryInput, historyInput, systemInput] = data;
  const query = asText(queryInput);
  const pairs = Array.isArray(historyInput) ? historyInput.filter((pair) => Array.isArray(pair)) : [];
  const system = systemInput === null || systemInput === undefined ? null : asText(systemInput);
  const answer = options.answer(query, pairs.map((pair) => [asText(pair[0]), asText(pair[1])]), system ?? '');
  const tidy = (value: unknown) =>
    typeof value === 'string' && options.tidyWhitespace ? cleanDoc(value) : (value ?? null);
  const history = pairs.map((pair) => [tidy(pair[0]), tidy(pair[1])]);
  const tidyQuery = tidy(query);
  const valuesFor = (tidiedAnswer: string): unknown[] => ['', [...history, [tidyQuery, tidiedAnswer]], system];
  const answerPath = [history.length, 1];
  function* steps(): Generator<SpaceStep> {
    const answerText = new IncrementalCleanDoc(options.tidyWhitespace);
    let first = true;
    for (const token of options.tokens(answer)) {
      const { text, appended } = answerText.append(token);
      const known = !first && appended !== undefined;
      first = false;
      const answerEdits: DiffEdit[] = appended ? [['append', answerPath, appended]] : [];
      yield { values: valuesFor(text), diff: known ? [[], answerEdits, []] : undefined };
    }
  }
  return { steps: steps(), valuesWithoutSteps: valuesFor('') };
}

/**
 * Runs the Space function `fnIndex` on `data`: `model_chat` (0, 1) streams the answer,
 * `clear_session` (2) and `modify_system_session` (3) return at once. `undefined` when the
 * number of inputs is wrong, which the server reports as a hidden error.
 */
export function spaceFunctionOutcome(
  fnIndex: number,
  data: unknown[],
  options: ResolvedEmulatorOptions,
): SpaceFunctionOutcome | undefined {
  const fn = spaceFunctions[fnIndex];
  if (!fn || data.length !== fn.inputs.length) return undefined;
  if (fn.generator) return chatOutcome(data, options);
  if (fn.apiName === 'clear_session') return { steps: [], valuesWithoutSteps: ['', []] };
  const system = asText(data[0]);
  return { steps: [], valuesWithoutSteps: [system, system, []] };
}
