/**
 * The Qwen2-72B-Instruct Space answering "Hi" (Gradio 4.36, protocol doc §8), byte for
 * byte: every line followed by an empty line.
 */
export const qwenExampleLines = [
  'data: {"msg":"estimation","event_id":"21bade026a6a4768b2ed66ffdcc99396","rank":0,"queue_size":1,"rank_eta":12.53361940383911}',
  'data: {"msg":"process_starts","event_id":"21bade026a6a4768b2ed66ffdcc99396","eta":12.53361940383911}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":["",[["Hi","Hello"]],"You are a helpful assistant."],"is_generating":true,"duration":0.909957972659208,"average_duration":0.0712200305194789,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":[[],[["append",[0,1],"!"]],[]],"is_generating":true,"duration":0.06512374188084524,"average_duration":0.07121988493646664,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":[[],[["append",[0,1]," How"]],[]],"is_generating":true,"duration":0.058888976460399395,"average_duration":0.07121959047404243,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":[[],[["append",[0,1]," can I"]],[]],"is_generating":true,"duration":0.04664191772340934,"average_duration":0.07121900357257502,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":[[],[["append",[0,1]," help you"]],[]],"is_generating":true,"duration":0.07442855806763925,"average_duration":0.07121908021316184,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":[[],[["append",[0,1]," today"]],[]],"is_generating":true,"duration":0.10323059888352011,"average_duration":0.07121984459432353,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_generating","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":[[],[["append",[0,1],"?"]],[]],"is_generating":true,"duration":0.0441643663795645,"average_duration":0.0712191985704884,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"process_completed","event_id":"21bade026a6a4768b2ed66ffdcc99396","output":{"data":["",[["Hi","Hello! How can I help you today?"]],"You are a helpful assistant."],"is_generating":false,"duration":0.0005590332732388095,"average_duration":0.071217511405299,"render_config":null,"changed_state_ids":[]},"success":true}',
  'data: {"msg":"close_stream"}',
];

export const qwenExampleBody = qwenExampleLines.map((line) => `${line}\n\n`).join('');

export const qwenExampleEventId = '21bade026a6a4768b2ed66ffdcc99396';

/** The Space's chat function: dependency 0, inputs [Input, Chatbot, system_state]. */
export const qwenExampleConfig = {
  version: '4.36.1',
  protocol: 'sse_v3',
  mode: 'blocks',
  dependencies: [
    { id: 0, targets: [[11, 'submit']], inputs: [11, 4, 3], outputs: [11, 4, 2], types: { continuous: false, generator: true } },
    { id: 1, targets: [[14, 'click']], inputs: [11, 4, 3], outputs: [11, 4, 2], types: { continuous: false, generator: true } },
  ],
  components: [],
};
