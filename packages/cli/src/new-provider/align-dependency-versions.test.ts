import { describe, expect, it } from 'vitest';
import { alignDependencyVersions, dependencyVersionsInUse } from './align-dependency-versions.js';

describe('dependencyVersionsInUse', () => {
  it('takes the version most manifests use, the first seen on a tie, and skips workspace links', () => {
    const versions = dependencyVersionsInUse([
      { devDependencies: { vitest: '4.1.12', undici: '7.0.0' } },
      { dependencies: { undici: '7.30.2', '@switchboard/core': 'workspace:*', local: 'file:../local' } },
      { dependencies: { undici: '7.30.2', zod: '4.6.7' }, devDependencies: { vitest: '4.0.0' } },
    ]);
    expect(Object.fromEntries(versions)).toEqual({ vitest: '4.1.12', undici: '7.30.2', zod: '4.6.7' });
  });
});

describe('alignDependencyVersions', () => {
  it('gives third-party dependencies the version in use, keeps the pins of the others and every workspace dependency', () => {
    const manifest = {
      name: '@switchboard/provider-acme',
      dependencies: { '@switchboard/core': 'workspace:*', undici: '7.30.2', 'eventsource-parser': '3.1.1' },
      devDependencies: { '@switchboard/testing': 'workspace:*' },
    };
    const aligned = alignDependencyVersions(manifest, new Map([['undici', '7.31.0'], ['@switchboard/core', '0.1.0']]));
    expect(aligned).toEqual({
      name: '@switchboard/provider-acme',
      dependencies: { '@switchboard/core': 'workspace:*', undici: '7.31.0', 'eventsource-parser': '3.1.1' },
      devDependencies: { '@switchboard/testing': 'workspace:*' },
    });
    expect(manifest.dependencies.undici).toBe('7.30.2');
  });
});
