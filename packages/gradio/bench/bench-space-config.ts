/** Component ids of the bench's chat app: the query box, the Chatbot, the system prompt. */
const ids = { query: 1, chatbot: 2, system: 3 } as const;

const text = (id: number, label: string) => ({ id, type: 'textbox', label, schema: { type: 'string' }, pythonType: 'str', example: 'Hello!!' });
const components = [
  text(ids.query, 'Input'),
  { id: ids.chatbot, type: 'chatbot', label: 'Chatbot', schema: { type: 'array', items: { type: 'array' } }, pythonType: 'List[List[str | None]]', example: [] },
  text(ids.system, 'System'),
];

/**
 * The /config of a Gradio 4.36 app with one streaming chat function, dependency 0:
 * `chat(query, history, system)` into `[query box, Chatbot, system]`, like the Qwen2-72B Space.
 */
export function benchSpaceConfig(root: string): Record<string, unknown> {
  return {
    version: '4.36.1',
    mode: 'blocks',
    protocol: 'sse_v3',
    enable_queue: true,
    show_error: false,
    is_space: false,
    connect_heartbeat: false,
    root,
    components: components.map(({ id, type, label, schema, example }) => ({
      id,
      type,
      props: { label, visible: true, name: type },
      skip_api: false,
      api_info: schema,
      example_inputs: example,
    })),
    layout: { id: 0, children: components.map(({ id }) => ({ id })) },
    dependencies: [
      {
        id: 0,
        targets: [[ids.query, 'submit']],
        inputs: [ids.query, ids.chatbot, ids.system],
        outputs: [ids.query, ids.chatbot, ids.system],
        backend_fn: true,
        js: null,
        api_name: 'chat',
        types: { continuous: false, generator: true },
        trigger_mode: 'once',
        show_api: true,
      },
    ],
  };
}

/** The /info of that app: `/chat` with its three parameters and returns. */
export function benchSpaceInfo(): Record<string, unknown> {
  const describe = ({ label, schema, pythonType, type, example }: (typeof components)[number], parameterName?: string) => ({
    label,
    ...(parameterName === undefined ? {} : { parameter_name: parameterName, parameter_has_default: false, parameter_default: null }),
    type: schema,
    python_type: { type: pythonType, description: '' },
    component: type.charAt(0).toUpperCase() + type.slice(1),
    example_input: example,
  });
  const parameterNames = ['query', 'history', 'system'];
  return {
    named_endpoints: {
      '/chat': {
        parameters: components.map((component, index) => describe(component, parameterNames[index])),
        returns: components.map((component) => describe(component)),
      },
    },
    unnamed_endpoints: {},
  };
}
