import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { parseSpaceConfig } from './space-config.js';

describe('parseSpaceConfig', () => {
  it.each([
    ['4.9.0', 'sse_v1', false],
    ['4.17.0', 'sse_v2', true],
    ['4.21.0', 'sse_v2.1', true],
    ['4.36.1', 'sse_v3', true],
  ])('reads Gradio %s (%s) with no API prefix', (version, protocol, usesDiffs) => {
    const dependencies = [{ id: 0, targets: [[11, 'submit']] }];
    const config = parseSpaceConfig({ version, protocol, dependencies, components: [{ id: 11 }] });
    expect(config).toMatchObject({ version, protocol, apiPrefix: '', usesDiffs, dependencies, components: [{ id: 11 }] });
  });

  it('reads the /gradio_api prefix of Gradio 5 and 6 and normalizes slashes', () => {
    expect(parseSpaceConfig({ version: '5.49.1', protocol: 'sse_v3', api_prefix: '/gradio_api' }).apiPrefix).toBe('/gradio_api');
    expect(parseSpaceConfig({ version: '6.2.0', protocol: 'sse_v3', api_prefix: 'gradio_api/' }).apiPrefix).toBe('/gradio_api');
    expect(parseSpaceConfig({ version: '5.0.0', protocol: 'sse_v3', api_prefix: '/' }).apiPrefix).toBe('');
  });

  it('keeps the raw document and tolerates missing lists and version', () => {
    const raw = { protocol: 'sse_v3', title: 'Demo' };
    const config = parseSpaceConfig(raw);
    expect(config.raw).toBe(raw);
    expect(config.version).toBeNull();
    expect(config.dependencies).toEqual([]);
    expect(config.components).toEqual([]);
  });

  it('rejects the ws and sse protocols, naming the version and protocol', () => {
    expect(() => parseSpaceConfig({ version: '3.50.2', protocol: 'ws' })).toThrow(/Gradio 3\.50\.2 with queue protocol "ws"/);
    expect(() => parseSpaceConfig({ version: '4.5.0', protocol: 'sse' })).toThrow(/Gradio 4\.5\.0 with queue protocol "sse"/);
    expect(() => parseSpaceConfig({ version: '3.20.0' })).toThrow(ProtocolError);
    expect(() => parseSpaceConfig({ version: '9.0.0', protocol: 'websocket_v9' })).toThrow(/unknown queue protocol "websocket_v9"/);
  });

  it('rejects documents that are not objects or have wrongly typed fields', () => {
    for (const raw of [null, [], 'config', 3]) expect(() => parseSpaceConfig(raw)).toThrow(/not a JSON object/);
    expect(() => parseSpaceConfig({ protocol: 'sse_v3', api_prefix: 5 })).toThrow(/api_prefix is not a string/);
    expect(() => parseSpaceConfig({ protocol: 'sse_v3', dependencies: {} })).toThrow(/dependencies is not a list/);
  });

  it('puts the url into its errors when given one', () => {
    try {
      parseSpaceConfig({ protocol: 'ws' }, { url: 'http://host/config' });
      expect.unreachable();
    } catch (error) {
      expect((error as ProtocolError).url).toBe('http://host/config');
    }
  });
});
