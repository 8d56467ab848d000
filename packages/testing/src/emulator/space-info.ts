import type { ProtocolProfile } from './protocol-profile.js';
import { componentIds, spaceFunctions } from './qwen-space-app.js';
import { chatbotApiInfo } from './space-components.js';

interface EndpointValue {
  label: string;
  parameterName?: string;
  component: 'Textbox' | 'Chatbot';
}

const chatPythonType =
  'List[List[str | Dict(file: filepath, alt_text: str | None) | None]]';

const values: Record<number, { label: string; component: 'Textbox' | 'Chatbot' }> = {
  [componentIds.input]: { label: 'Input', component: 'Textbox' },
  [componentIds.chatbot]: { label: 'qwen2-72b-instruct', component: 'Chatbot' },
  [componentIds.systemState]: { label: 'Textbox', component: 'Textbox' },
  [componentIds.system]: { label: 'System', component: 'Textbox' },
};

const parameterNames: Record<string, string[]> = {
  model_chat: ['query', 'history', 'system'],
  model_chat_1: ['query', 'history', 'system'],
  modify_system_session: ['system'],
};

function describe(value: EndpointValue, profile: ProtocolProfile): Record<string, unknown> {
  const isChat = value.component === 'Chatbot';
  const described: Record<string, unknown> = { label: value.label };
  if (value.parameterName !== undefined && profile.version !== '4.16') {
    described.parameter_name = value.parameterName;
    described.parameter_has_default = false;
    described.parameter_default = null;
  }
  return Object.assign(described, {
    type: isChat ? chatbotApiInfo : { type: 'string' },
    python_type: { type: isChat ? chatPythonType : 'str', description: '' },
    component: value.component,
    example_input: isChat ? [] : 'Hello!!',
  });
}

/** The Space's `{prefix}/info`: every dependency is a named endpoint (`/model_chat`, ...). */
export function spaceInfo(profile: ProtocolProfile): Record<string, unknown> {
  const namedEndpoints: Record<string, unknown> = {};
  for (const fn of spaceFunctions) {
    const names = parameterNames[fn.apiName] ?? [];
    namedEndpoints[`/${fn.apiName}`] = {
      parameters: fn.inputs.map((id, index) => describe({ ...values[id], parameterName: names[index] }, profile)),
      returns: fn.outputs.map((id) => describe(values[id], profile)),
    };
  }
  return { named_endpoints: namedEndpoints, unnamed_endpoints: {} };
}
