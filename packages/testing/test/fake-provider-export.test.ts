import { createRegistry } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { readParts } from '../src/conformance/index.js';
import { createFakeProvider, finish, text } from '../src/index.js';

describe('the fake provider re-exported by @switchboard/testing', () => {
  it('plays its script through a registry and records the call', async () => {
    const fake = createFakeProvider({ name: 'Fake', script: [text('Hel'), text('lo'), finish()] });
    const registry = createRegistry();
    registry.register(fake.providerClass, fake.metadata);
    const { parts, error } = await readParts(registry.stream({ model: fake.metadata.defaultModel, messages: [{ role: 'user', content: 'hi' }] }));
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text)).toEqual(['Hel', 'lo']);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.request.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });
});
