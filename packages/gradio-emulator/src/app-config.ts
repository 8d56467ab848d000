import type { AppComponent, AppFunction, GradioApp } from './gradio-app.js';
import type { ProtocolProfile } from './protocol-profile.js';

function configComponent(profile: ProtocolProfile, component: AppComponent): Record<string, unknown> {
  const props: Record<string, unknown> = { ...component.props, name: component.type };
  if (profile.version === '5' && component.type === 'chatbot' && !('type' in props)) props.type = 'tuples';
  const listed: Record<string, unknown> = {
    id: component.id,
    type: component.type,
    props,
    skip_api: component.api === undefined,
    component_class_id: `${component.type}-class`,
  };
  if (component.api !== undefined) {
    listed.api_info = component.api.schema;
    listed.example_inputs = component.api.configExample;
  }
  return listed;
}

function configDependency(profile: ProtocolProfile, fn: AppFunction, fnIndex: number): Record<string, unknown> {
  const isFive = profile.version === '5';
  const generator = fn.generator === true;
  const dependency: Record<string, unknown> = {
    id: fnIndex,
    targets: [fn.trigger],
    inputs: fn.inputs,
    outputs: fn.outputs,
    backend_fn: true,
    js: null,
    queue: null,
    api_name: fn.apiName,
    scroll_to_output: false,
    show_progress: 'full',
    ...(isFive ? {} : { every: null }),
    batch: false,
    max_batch_size: 4,
    cancels: [],
    types: isFive ? { generator, cancel: false } : { continuous: false, generator },
    collects_event_data: false,
    trigger_after: null,
    trigger_only_on_success: false,
    trigger_mode: 'once',
    show_api: true,
  };
  if (profile.renderFields) Object.assign(dependency, { zerogpu: false, rendered_in: null });
  if (isFive) {
    Object.assign(dependency, {
      connection: 'sse',
      time_limit: null,
      stream_every: 0.5,
      like_user_message: false,
      event_specific_args: null,
      js_implementation: null,
    });
  }
  return dependency;
}

/** The app's /config for the emulated version; `root` is the URL clients reached it at. */
export function appConfig(profile: ProtocolProfile, app: GradioApp, root: string): Record<string, unknown> {
  return {
    version: profile.gradioVersion,
    mode: 'blocks',
    app_id: 8117620163185438,
    dev_mode: false,
    analytics_enabled: true,
    components: app.components.map((component) => configComponent(profile, component)),
    css: null,
    js: null,
    head: null,
    title: app.title ?? 'Gradio',
    space_id: app.spaceId ?? null,
    enable_queue: true,
    show_error: false,
    show_api: true,
    is_colab: false,
    is_space: app.spaceId !== undefined,
    max_file_size: null,
    stylesheets: [],
    theme: 'default',
    protocol: profile.protocol,
    body_css: { body_background_fill: 'white', body_text_color: '#1f2937' },
    fill_height: false,
    theme_hash: 'f4b8b1d4a1f5d1b5c6d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1',
    connect_heartbeat: false,
    layout: { id: 0, children: app.layout ?? app.components.map((component) => ({ id: component.id })) },
    dependencies: app.functions.map((fn, fnIndex) => configDependency(profile, fn, fnIndex)),
    root,
    username: null,
    ...(profile.apiPrefix ? { api_prefix: profile.apiPrefix } : {}),
  };
}
