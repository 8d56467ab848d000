import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <key>` against the accepted keys. Both sides are hashed to
 * the same length and compared with `timingSafeEqual`, every key each time, so the time
 * taken says nothing about the keys.
 */
export class ApiKeyCheck {
  readonly #digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.#digests = keys.filter((key) => key !== '').map(digest);
  }

  /** Whether any key is required at all. */
  get enabled(): boolean {
    return this.#digests.length > 0;
  }

  /** `missing` when no bearer token was sent, `wrong` when it matches no key, `ok` otherwise. */
  verify(authorization: string | undefined): 'ok' | 'missing' | 'wrong' {
    if (!this.enabled) return 'ok';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (match === null) return 'missing';
    const presented = digest(match[1]!);
    let accepted = false;
    for (const expected of this.#digests) accepted = timingSafeEqual(presented, expected) || accepted;
    return accepted ? 'ok' : 'wrong';
  }
}
