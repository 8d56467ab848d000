const errorBrand = Symbol.for('switchboard.error');

/** Context every Switchboard error may carry. */
export interface SwitchboardErrorOptions {
  /** Provider `name` the failure happened in. */
  provider?: string;
  /** Canonical model id the request asked for. */
  model?: string;
  /** Upstream URL involved, without credentials. */
  url?: string;
  /** Whether trying the same request again may succeed. */
  retryable?: boolean;
  /** Text already streamed to the caller before the failure. */
  partialText?: string;
  /** Last complete output values received from the upstream before the failure. */
  partialOutput?: readonly unknown[];
  cause?: unknown;
}

/**
 * Root of every error Switchboard throws. `code` is stable across versions; test for a
 * kind with `XError.isInstance(error)`, which also recognises errors created by another
 * copy of this package in the same process (where `instanceof` fails).
 */
export class SwitchboardError extends Error {
  static readonly code: string = 'SWITCHBOARD_ERROR';

  readonly code: string;
  provider?: string;
  model?: string;
  url?: string;
  retryable: boolean;
  partialText?: string;
  partialOutput?: readonly unknown[];

  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const errorClass = new.target as typeof SwitchboardError;
    this.name = errorClass.name;
    this.code = errorClass.code;
    this.provider = options.provider;
    this.model = options.model;
    this.url = options.url;
    this.retryable = options.retryable ?? false;
    this.partialText = options.partialText;
    this.partialOutput = options.partialOutput;
  }

  /** True for errors of this class (by `code`), from any copy of the package. */
  static isInstance<T extends SwitchboardError>(
    this: { readonly code: string; readonly prototype: T },
    value: unknown,
  ): value is T {
    if (typeof value !== 'object' || value === null) return false;
    if ((value as Record<symbol, unknown>)[errorBrand] !== true) return false;
    return this.code === SwitchboardError.code || (value as SwitchboardError).code === this.code;
  }
}

Object.defineProperty(SwitchboardError.prototype, errorBrand, { value: true });
