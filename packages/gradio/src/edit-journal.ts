const absent = Symbol('absent');

type Container = Record<string, unknown> | unknown[];

/**
 * Records how to undo each in-place edit, so a diff message that turns out to be invalid
 * halfway can be rolled back and the values stay as the last good message left them.
 */
export class EditJournal {
  readonly #entries: unknown[] = [];

  /** Before `container[key]` is overwritten or deleted (`key` may not exist yet). */
  recordSet(container: Container, key: string | number): void {
    const previous = Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : absent;
    this.#entries.push(0, container, key, previous);
  }

  /** After an element was inserted into `list` at `index`. */
  recordInsert(list: unknown[], index: number): void {
    this.#entries.push(1, list, index, undefined);
  }

  /** Before the element at `index` is removed from `list`. */
  recordRemove(list: unknown[], index: number): void {
    this.#entries.push(2, list, index, list[index]);
  }

  /** Undoes every recorded edit, newest first. */
  rollback(): void {
    const entries = this.#entries;
    for (let position = entries.length - 4; position >= 0; position -= 4) {
      const kind = entries[position] as number;
      const container = entries[position + 1] as Container;
      const key = entries[position + 2] as string | number;
      const previous = entries[position + 3];
      if (kind === 1) (container as unknown[]).splice(key as number, 1);
      else if (kind === 2) (container as unknown[]).splice(key as number, 0, previous);
      else if (previous === absent) delete (container as Record<string, unknown>)[key];
      else setOwn(container, key, previous);
    }
    entries.length = 0;
  }
}

/** `container[key] = value` that creates a plain own property even for the key `__proto__`. */
export function setOwn(container: Container, key: string | number, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (container as Record<string, unknown>)[key] = value;
  }
}
