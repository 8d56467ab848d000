import type { GenerationSetting, ProviderMetadata } from '@switchboard/core';
import {
  conformanceFailures,
  type ConformanceCheck,
  type ConformanceFailure,
  type ProviderConformanceOptions,
} from './conformance-harness.js';

/** Whether one check runs, is skipped (with the reason), or cannot run because it was declared wrongly. */
export type CheckPlan = { mode: 'run' } | { mode: 'skip'; reason: string } | { mode: 'invalid'; problem: string };

/** The plan for one failure kind; `code` is the error code expected when it runs. */
export type FailurePlan = { failure: ConformanceFailure } & ({ mode: 'run'; code: string } | Exclude<CheckPlan, { mode: 'run' }>);

/** What the suite will run, skip or fail, worked out from a harness's declarations. */
export interface ConformancePlan {
  failures: FailurePlan[];
  connectionClose: CheckPlan;
  /** When it runs, `settings` lists the settings the metadata declares. */
  generationSettings: { mode: 'run'; settings: readonly GenerationSetting[] } | Exclude<CheckPlan, { mode: 'run' }>;
  /** Declarations that belong to no check: unknown keys, a bad time limit. */
  problems: string[];
}

const checks: readonly ConformanceCheck[] = ['connection-close', 'generation-settings'];
const generationSettings: readonly GenerationSetting[] = ['temperature', 'maxOutputTokens', 'topP', 'stop', 'seed'];

/** Works out which checks run and which are skipped, and every way the declarations are wrong. */
export function planConformance(options: ProviderConformanceOptions, metadata: ProviderMetadata): ConformancePlan {
  const failures = options.failures ?? {};
  const skip = options.skip ?? {};
  const problems: string[] = [];
  for (const key of Object.keys(failures)) {
    if (!conformanceFailures.includes(key as ConformanceFailure)) {
      problems.push(`failures has the unknown kind "${key}"; the kinds are ${conformanceFailures.join(', ')}.`);
    }
  }
  for (const key of Object.keys(skip)) {
    if (!conformanceFailures.includes(key as ConformanceFailure) && !checks.includes(key as ConformanceCheck)) {
      problems.push(`skip has the unknown key "${key}"; the keys are ${[...conformanceFailures, ...checks].join(', ')}.`);
    }
  }
  const limit = options.settleLimitMs;
  if (limit !== undefined && !(Number.isFinite(limit) && limit > 0)) problems.push(`settleLimitMs must be a positive number of milliseconds, not ${limit}.`);
  return {
    failures: conformanceFailures.map((failure) => planFailure(failure, failures[failure], skip[failure])),
    connectionClose: planSkippable('connection-close', skip['connection-close']),
    generationSettings: planSettings(metadata, skip['generation-settings']),
    problems,
  };
}

function planFailure(failure: ConformanceFailure, code: string | undefined, reason: string | undefined): FailurePlan {
  if (code !== undefined && reason !== undefined) {
    return { failure, mode: 'invalid', problem: `The upstream failure "${failure}" is both in failures and in skip; keep only one.` };
  }
  if (code !== undefined) {
    if (typeof code !== 'string' || code.trim() === '') {
      return { failure, mode: 'invalid', problem: `failures["${failure}"] must be the error code the failure surfaces as, e.g. "STREAM_TRUNCATED".` };
    }
    if (failure === 'connection-refused' && code !== 'CONNECTION') {
      return { failure, mode: 'invalid', problem: `A refused connection must surface as CONNECTION (ConnectionError), not ${code}.` };
    }
    return { failure, mode: 'run', code };
  }
  if (reason !== undefined) return { failure, ...withReason(reason, `skip["${failure}"]`) };
  return {
    failure,
    mode: 'invalid',
    problem:
      `The upstream failure "${failure}" is neither tested nor skipped. Add it to failures with the error code it ` +
      `must surface as (failures: { '${failure}': 'CODE' }), or to skip with the reason this upstream cannot produce it.`,
  };
}

function planSkippable(check: ConformanceCheck, reason: string | undefined): CheckPlan {
  return reason === undefined ? { mode: 'run' } : withReason(reason, `skip["${check}"]`);
}

function planSettings(metadata: ProviderMetadata, reason: string | undefined): ConformancePlan['generationSettings'] {
  const declared = metadata.supportedSettings ?? [];
  const unknown = declared.filter((setting) => !generationSettings.includes(setting));
  if (unknown.length > 0) {
    return { mode: 'invalid', problem: `supportedSettings lists unknown settings (${unknown.join(', ')}); the settings are ${generationSettings.join(', ')}.` };
  }
  if (reason !== undefined) return withReason(reason, 'skip["generation-settings"]');
  if (declared.length === 0) return { mode: 'skip', reason: 'the metadata declares no supportedSettings' };
  return { mode: 'run', settings: [...new Set(declared)] };
}

function withReason(reason: unknown, where: string): Exclude<CheckPlan, { mode: 'run' }> {
  if (typeof reason !== 'string' || reason.trim() === '') {
    return { mode: 'invalid', problem: `${where} needs a reason: say why this upstream cannot be checked that way.` };
  }
  return { mode: 'skip', reason: reason.trim() };
}
