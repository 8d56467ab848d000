import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { fake, hang, registryOf, text } from '../../test/fake-registry.js';
import { createSwitchboard } from './create-switchboard.js';

describe('aborting a call', () => {
  it('aborts the registry request when the abortSignal fires mid-stream', async () => {
    const alpha = fake('Alpha', [text('partial '), hang()]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha]) });
    const controller = new AbortController();
    const result = streamText({ model: switchboard('shared'), prompt: 'hi', abortSignal: controller.signal, maxRetries: 0 });
    const seen: string[] = [];
    for await (const value of result.fullStream) {
      seen.push(value.type);
      if (value.type === 'text-delta') controller.abort();
    }
    expect(seen).toContain('abort');
    expect(alpha.calls[0]!.signal?.aborted).toBe(true);
    expect(await Promise.resolve(result.text).then(() => 'resolved', (caught: Error) => caught.name)).toBe('AbortError');
  });

  it('closes the registry request when the consumer cancels the stream', async () => {
    const alpha = fake('Alpha', [text('partial '), hang()]);
    const model = createSwitchboard({ registry: registryOf([alpha]) })('shared');
    const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    const reader = stream.getReader();
    for (let read = await reader.read(); read.value?.type !== 'text-delta'; read = await reader.read());
    expect(alpha.calls[0]!.signal?.aborted).toBe(false);
    await reader.cancel();
    expect(alpha.calls[0]!.signal?.aborted).toBe(true);
  });

  it('never calls the registry for an already aborted signal', async () => {
    const alpha = fake('Alpha', [text('unused')]);
    const model = createSwitchboard({ registry: registryOf([alpha]) })('shared');
    const call = model.doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], abortSignal: AbortSignal.abort() });
    expect(await Promise.resolve(call).then(() => 'resolved', (caught: Error) => caught.name)).toBe('AbortError');
    expect(alpha.calls).toHaveLength(0);
  });
});
