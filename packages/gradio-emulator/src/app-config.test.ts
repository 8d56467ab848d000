import { describe, expect, it } from 'vitest';
import { appConfig } from './app-config.js';
import { appInfo } from './app-info.js';
import { buttonComponent, chatbotComponent, layoutBlock, textboxComponent } from './component-builders.js';
import type { GradioApp } from './gradio-app.js';
import { protocolProfileFor } from './protocol-profile.js';

const app: GradioApp = {
  components: [layoutBlock(5, 'row'), chatbotComponent(6, 'Bot'), textboxComponent(7, 'Ask', 'hi', { visible: false }), buttonComponent(8, 'Go')],
  functions: [{ apiName: 'reply', trigger: [8, 'click'], inputs: [7, 6], outputs: [6], generator: true, run: () => [] }],
};

describe('appConfig', () => {
  it('lists the components with their props and API details, and the layout in order by default', () => {
    const config = appConfig(protocolProfileFor('4.36'), app, 'http://127.0.0.1:1');
    const [row, chatbot, textbox] = config.components as Record<string, any>[];
    expect(row).toEqual({ id: 5, type: 'row', props: { name: 'row' }, skip_api: true, component_class_id: 'row-class' });
    expect(chatbot).toMatchObject({ id: 6, skip_api: false, props: { label: 'Bot', value: [], name: 'chatbot' }, example_inputs: [['Hello!', null]] });
    expect(chatbot!.props).not.toHaveProperty('type');
    expect(textbox).toMatchObject({ props: { label: 'Ask', value: 'hi', visible: false }, api_info: { type: 'string' } });
    expect(config.layout).toEqual({ id: 0, children: [{ id: 5 }, { id: 6 }, { id: 7 }, { id: 8 }] });
    expect(config).toMatchObject({ title: 'Gradio', space_id: null, is_space: false, root: 'http://127.0.0.1:1' });
  });

  it('takes the layout, title and Space id from the app, and shapes dependencies by version', () => {
    const custom = { ...app, layout: [{ id: 5, children: [{ id: 6 }] }], title: 'Chat', spaceId: 'owner/chat' };
    const five = appConfig(protocolProfileFor('5'), custom, 'http://127.0.0.1:1');
    expect(five).toMatchObject({ title: 'Chat', space_id: 'owner/chat', is_space: true, api_prefix: '/gradio_api', layout: { id: 0, children: custom.layout } });
    expect((five.components as Record<string, any>[])[1]!.props.type).toBe('tuples');
    const [dependency] = five.dependencies as Record<string, unknown>[];
    expect(dependency).toMatchObject({ id: 0, targets: [[8, 'click']], api_name: 'reply', types: { generator: true, cancel: false }, connection: 'sse' });
    expect(dependency).not.toHaveProperty('every');
    const old = (appConfig(protocolProfileFor('4.16'), custom, 'x').dependencies as Record<string, unknown>[])[0];
    expect(old).toMatchObject({ every: null, types: { continuous: false, generator: true } });
    expect(old).not.toHaveProperty('rendered_in');
  });
});

describe('appInfo', () => {
  it('names every function as an endpoint with its parameters and returns', () => {
    const endpoint = (appInfo(protocolProfileFor('4.36'), app).named_endpoints as Record<string, any>)['/reply'];
    expect(endpoint.parameters.map((parameter: Record<string, unknown>) => [parameter.label, parameter.parameter_name, parameter.component])).toEqual([
      ['Ask', 'param_0', 'Textbox'],
      ['Bot', 'param_1', 'Chatbot'],
    ]);
    expect(endpoint.returns).toEqual([expect.objectContaining({ label: 'Bot', component: 'Chatbot', example_input: [] })]);
    expect(endpoint.returns[0]).not.toHaveProperty('parameter_name');
    const old = (appInfo(protocolProfileFor('4.16'), app).named_endpoints as Record<string, any>)['/reply'];
    expect(old.parameters[0]).not.toHaveProperty('parameter_name');
  });
});
