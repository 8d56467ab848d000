import { SwitchboardError } from '@switchboard/core';

/** A provider template is broken (an unknown placeholder, a missing file): the command's installation needs fixing. */
export class TemplateError extends SwitchboardError {
  static override readonly code = 'TEMPLATE_INVALID';
}
