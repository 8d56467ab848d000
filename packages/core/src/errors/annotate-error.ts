import { SwitchboardError } from './switchboard-error.js';

/** Where a failure happened, to fill into an error that does not say yet. */
export interface ErrorContext {
  provider?: string;
  model?: string;
  partialText?: string;
}

/**
 * Fills provider, model and partial text into a Switchboard error that lacks them and
 * returns it; any other value is returned unchanged. A longer partial text replaces a
 * shorter one.
 */
export function annotateError(error: unknown, context: ErrorContext): unknown {
  if (!SwitchboardError.isInstance(error)) return error;
  error.provider ??= context.provider;
  error.model ??= context.model;
  if (context.partialText !== undefined && (error.partialText === undefined || error.partialText.length < context.partialText.length)) {
    error.partialText = context.partialText;
  }
  return error;
}
