import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { findTemplatesDirectory } from './find-templates-directory.js';
import { providerNames } from './provider-names.js';
import { providerTemplateNames } from './provider-templates.js';
import { readTemplateFiles, templateSuffix } from './read-template-files.js';
import { renderTemplate } from './render-template.js';
import { TemplateError } from './template-error.js';

const values = { ...providerNames('acme-chat'), packageName: '@switchboard/provider-acme-chat', rootPath: '../..' };

function filesOnDisk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('the provider templates', () => {
  it('are found from the sources and from the built command alike, and published with the package', () => {
    const templates = findTemplatesDirectory();
    expect(templates).toBe(fileURLToPath(new URL('../../templates', import.meta.url)));
    expect(findTemplatesDirectory(new URL('../../dist/main.js', import.meta.url))).toBe(templates);
    expect(() => findTemplatesDirectory(join(tmpdir(), 'elsewhere', 'main.js'))).toThrow(TemplateError);
    expect(packageJson.files).toContain('templates');
    expect(readdirSync(templates).sort()).toEqual([...providerTemplateNames].sort());
  });

  it.each(providerTemplateNames)('%s: every file is a .tmpl file that renders, and together they make a complete provider package', (template) => {
    const templates = findTemplatesDirectory();
    expect(filesOnDisk(join(templates, template)).filter((name) => !name.endsWith(templateSuffix))).toEqual([]);
    const rendered = new Map(
      readTemplateFiles(templates, template).map((file) => [renderTemplate(file.path, values, file.path), renderTemplate(file.text, values, file.path)]),
    );
    const text = (path: string) => rendered.get(path) ?? `(no ${path})`;
    expect([...rendered.keys()]).toEqual(
      expect.arrayContaining([
        'package.json',
        'tsconfig.json',
        'vitest.config.ts',
        'src/index.ts',
        'src/acme-chat-metadata.ts',
        'src/acme-chat-provider.ts',
        'src/acme-chat-settings.ts',
        'src/create-acme-chat-provider.ts',
        'src/acme-chat-provider.test.ts',
        'src/conformance.test.ts',
      ]),
    );
    const manifest = JSON.parse(text('package.json'));
    expect(manifest).toMatchObject({
      name: '@switchboard/provider-acme-chat',
      type: 'module',
      sideEffects: ['./src/index.ts', './dist/index.js'],
      scripts: { build: 'tsup', test: 'vitest run', typecheck: 'tsc --noEmit -p .' },
      dependencies: { '@switchboard/core': 'workspace:*', 'reflect-metadata': expect.stringMatching(/^\d+\.\d+\.\d+$/) },
      devDependencies: { '@switchboard/testing': 'workspace:*' },
    });
    expect(Object.keys(manifest.exports['.'])).toEqual(['switchboard-source', 'types', 'default']);
    expect(JSON.parse(text('tsconfig.json'))).toEqual({ extends: '../../tsconfig.base.json', include: ['src', 'test', 'vitest.config.ts'] });
    expect(text('src/index.ts')).toMatch(/^import 'reflect-metadata';\n/);
    expect(text('src/acme-chat-provider.ts')).toContain('@RegisterProvider(acmeChatMetadata)\nexport class AcmeChatProvider extends ');
    expect(text('src/acme-chat-provider.ts')).toContain('constructor(@inject(providerSettingsToken) settings: AcmeChatSettings = {})');
    expect(text('src/acme-chat-settings.ts')).toContain('environment.ACME_CHAT_URL');
    expect(text('src/conformance.test.ts')).toContain('runProviderConformance({\n  providerClass: AcmeChatProvider,');
    expect(text('vitest.config.ts')).toContain("conditions: ['switchboard-source', ...defaultServerConditions]");
  });
});
