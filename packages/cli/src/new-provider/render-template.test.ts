import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.js';
import { TemplateError } from './template-error.js';

const values = { name: 'acme-chat', PascalName: 'AcmeChat', CONST_NAME: 'ACME_CHAT', packageName: '@switchboard/provider-acme-chat' };

describe('renderTemplate', () => {
  it('replaces every placeholder, also inside words and next to underscores', () => {
    const template = "export function create__PascalName__Provider() {}\nconst url = env.__CONST_NAME___URL; // __name__, __name__\nimport '__packageName__';";
    expect(renderTemplate(template, values)).toBe(
      "export function createAcmeChatProvider() {}\nconst url = env.ACME_CHAT_URL; // acme-chat, acme-chat\nimport '@switchboard/provider-acme-chat';",
    );
    expect(renderTemplate('src/create-__name__-provider.ts', values)).toBe('src/create-acme-chat-provider.ts');
  });

  it('leaves text without placeholders as it is', () => {
    const text = 'const __private = __dirname; // a_b __ c';
    expect(renderTemplate(text, values)).toBe(text);
  });

  it('refuses a placeholder it has no value for, naming the file and the known placeholders', () => {
    const render = () => renderTemplate('class __PascalName__Provider {}\nconst model = "__model__";', values, 'http/src/provider.ts.tmpl');
    expect(render).toThrow(TemplateError);
    expect(render).toThrow('http/src/provider.ts.tmpl has the unknown placeholder __model__; the placeholders are __name__, __PascalName__, __CONST_NAME__, __packageName__.');
  });
});
