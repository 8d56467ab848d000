import { describe, expect, it } from 'vitest';
import { providerNameProblem, providerNames } from './provider-names.js';

describe('providerNames', () => {
  it('spells a dashed name for files, classes, values, environment variables and labels', () => {
    expect(providerNames('acme-chat')).toEqual({ name: 'acme-chat', PascalName: 'AcmeChat', camelName: 'acmeChat', CONST_NAME: 'ACME_CHAT', TitleName: 'Acme Chat' });
    expect(providerNames('echo')).toEqual({ name: 'echo', PascalName: 'Echo', camelName: 'echo', CONST_NAME: 'ECHO', TitleName: 'Echo' });
  });

  it('keeps an underscore before a part that starts with a digit, so identifiers stay readable', () => {
    expect(providerNames('qwen2-72b')).toEqual({ name: 'qwen2-72b', PascalName: 'Qwen2_72b', camelName: 'qwen2_72b', CONST_NAME: 'QWEN2_72B', TitleName: 'Qwen2 72b' });
  });
});

describe('providerNameProblem', () => {
  it.each(['acme', 'acme-chat', 'qwen2-72b', 'a1-b2-c3'])('accepts %s', (name) => {
    expect(providerNameProblem(name)).toBeUndefined();
  });

  it.each(['Acme', 'acme_chat', '2fast', 'acme--chat', '-acme', 'acme-', '', 'acme chat', 'acme/chat'])('refuses %j, saying what a name may hold', (name) => {
    expect(providerNameProblem(name)).toMatch(/is not a valid provider name: use lowercase letters, digits and single dashes, starting with a letter/);
  });

  it('asks to leave out the provider- prefix the package adds', () => {
    expect(providerNameProblem('provider-acme')).toBe('leave out the "provider-" prefix: the package is named @switchboard/provider-NAME, so give acme instead.');
  });
});
