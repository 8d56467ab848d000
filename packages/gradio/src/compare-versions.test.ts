import { describe, expect, it } from 'vitest';
import { compareVersions, isVersionAtLeast } from './compare-versions.js';

describe('compareVersions', () => {
  it('orders numeric parts numerically, missing parts counting as 0', () => {
    expect(compareVersions('4.36.1', '4.9.0')).toBe(1);
    expect(compareVersions('5.29.0', '5.29.1')).toBe(-1);
    expect(compareVersions('5.29', '5.29.0')).toBe(0);
    expect(compareVersions('v6.1', '6.1.0')).toBe(0);
    expect(compareVersions('10.0.0', '9.99.99')).toBe(1);
  });

  it('sorts pre-releases before and post-releases after their release', () => {
    expect(compareVersions('5.0.0b3', '5.0.0')).toBe(-1);
    expect(compareVersions('4.0.0-beta.1', '4.0.0')).toBe(-1);
    expect(compareVersions('5.0.0b3', '5.0.0b10')).toBe(-1);
    expect(compareVersions('5.0.0rc1', '5.0.0b9')).toBe(1);
    expect(compareVersions('4.44.0.post1', '4.44.0')).toBe(1);
    expect(compareVersions('4.44.0+local', '4.44.0')).toBe(0);
  });

  it('throws TypeError for text that is not a version', () => {
    expect(() => compareVersions('latest', '1.0')).toThrow(TypeError);
  });

  it('isVersionAtLeast is false for missing or unparseable versions', () => {
    expect(isVersionAtLeast('5.2.0', '5.2')).toBe(true);
    expect(isVersionAtLeast('5.1.9', '5.2')).toBe(false);
    expect(isVersionAtLeast(null, '1.0')).toBe(false);
    expect(isVersionAtLeast('dev', '1.0')).toBe(false);
  });
});
