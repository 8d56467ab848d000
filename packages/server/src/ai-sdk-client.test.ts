import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createRegistry } from '@switchboard/core';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { fake, finish, quickRouting, registryOf, text } from '../test/fakes.js';
import { GatewayPool } from '../test/gateway-pool.js';
import { QwenSpaces, qwenAlias, registerQwenSpace } from '../test/upstreams.js';

const spaces = new QwenSpaces();
const gateways = new GatewayPool();
afterEach(async () => {
  await gateways.closeAll();
  await spaces.closeAll();
});

const switchboardProvider = (baseURL: string) =>
  createOpenAICompatible({ name: 'switchboard', baseURL, apiKey: 'unused', includeUsage: true });

describe('the AI SDK (@ai-sdk/openai-compatible) against the gateway', () => {
  it('streams the same final text as the official client receives, over an emulated Qwen Space', async () => {
    const answer = 'Paris is the capital of France, and Lyon is its third city.';
    const space = await spaces.start({ answer, tokenSize: 4 });
    const registry = createRegistry(quickRouting);
    registerQwenSpace(registry, space);
    const { baseURL } = await gateways.start({ registry });
    const result = streamText({ model: switchboardProvider(baseURL).chatModel(qwenAlias), prompt: 'Capital of France?' });
    const [streamed, finishReason, usage] = await Promise.all([result.text, result.finishReason, result.usage]);
    const official = await new OpenAI({ baseURL, apiKey: 'unused' }).chat.completions.create({
      model: qwenAlias,
      messages: [{ role: 'user', content: 'Capital of France?' }],
    });
    expect(streamed).toBe(answer);
    expect(official.choices[0]!.message.content).toBe(answer);
    expect(finishReason).toBe('stop');
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it('generates text without streaming', async () => {
    const { baseURL } = await gateways.start({ registry: registryOf([fake('Alpha', [text('Bonjour'), text(' !'), finish()])]) });
    const result = await generateText({ model: switchboardProvider(baseURL).chatModel('shared'), prompt: 'Hi' });
    expect(result.text).toBe('Bonjour !');
    expect(result.finishReason).toBe('stop');
  });
});
