import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** The request carried no API key, or one the gateway does not accept. */
export class InvalidApiKeyError extends SwitchboardError {
  static override readonly code = 'INVALID_API_KEY';

  constructor(missing: boolean, options: SwitchboardErrorOptions = {}) {
    super(
      missing
        ? 'This gateway requires an API key: send "Authorization: Bearer <key>" (the OpenAI clients do this with their apiKey option).'
        : 'The API key is not accepted by this gateway; check the key the client is configured with.',
      options,
    );
  }
}
