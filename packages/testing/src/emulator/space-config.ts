import type { ProtocolProfile } from './protocol-profile.js';
import { spaceFunctions, spaceLayout, type SpaceFunction } from './qwen-space-app.js';
import { spaceComponents } from './space-components.js';

function spaceDependency(profile: ProtocolProfile, fn: SpaceFunction): Record<string, unknown> {
  const isFive = profile.version === '5';
  const dependency: Record<string, unknown> = {
    id: fn.fnIndex,
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
    types: isFive ? { generator: fn.generator, cancel: false } : { continuous: false, generator: fn.generator },
    collects_event_data: false,
    trigger_after: null,
    trigger_only_on_success: false,
    trigger_mode: 'once',
    show_api: true,
  };
  if (profile.renderFields) {
    dependency.zerogpu = false;
    dependency.rendered_in = null;
  }
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

/** The Space's /config for the emulated version; `root` is the URL clients reached it at. */
export function spaceConfig(profile: ProtocolProfile, root: string): Record<string, unknown> {
  return {
    version: profile.gradioVersion,
    mode: 'blocks',
    app_id: 8117620163185438,
    dev_mode: false,
    analytics_enabled: true,
    components: spaceComponents(profile),
    css: null,
    js: null,
    head: null,
    title: 'Gradio',
    space_id: 'Qwen/Qwen2-72B-Instruct',
    enable_queue: true,
    show_error: false,
    show_api: true,
    is_colab: false,
    is_space: true,
    max_file_size: null,
    stylesheets: [],
    theme: 'default',
    protocol: profile.protocol,
    body_css: { body_background_fill: 'white', body_text_color: '#1f2937' },
    fill_height: false,
    theme_hash: 'f4b8b1d4a1f5d1b5c6d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1',
    connect_heartbeat: false,
    layout: spaceLayout,
    dependencies: spaceFunctions.map((fn) => spaceDependency(profile, fn)),
    root,
    username: null,
    ...(profile.apiPrefix ? { api_prefix: profile.apiPrefix } : {}),
  };
}
