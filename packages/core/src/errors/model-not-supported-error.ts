import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** A provider was asked for a model it does not serve. */
export class ModelNotSupportedError extends SwitchboardError {
  static override readonly code = 'MODEL_NOT_SUPPORTED';
  readonly requestedModel: string;
  readonly validModels: readonly string[];

  constructor(
    requestedModel: string,
    validModels: readonly string[],
    options: SwitchboardErrorOptions = {},
  ) {
    const where = options.provider ? ` by provider ${options.provider}` : '';
    super(
      `Model "${requestedModel}" is not supported${where}. Valid names: ${validModels.join(', ')}.`,
      options,
    );
    this.requestedModel = requestedModel;
    this.validModels = validModels;
  }
}
