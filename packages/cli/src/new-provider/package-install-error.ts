import { SwitchboardError } from '@switchboard/core';

/** `pnpm install` could not run or failed after a package was generated; the package itself was written. */
export class PackageInstallError extends SwitchboardError {
  static override readonly code = 'INSTALL_FAILED';
}
