import type { AppComponent, GradioApp } from './gradio-app.js';
import type { ProtocolProfile } from './protocol-profile.js';

function describeValue(profile: ProtocolProfile, component: AppComponent | undefined, parameterName?: string): Record<string, unknown> {
  const label = component?.props.label;
  const described: Record<string, unknown> = { label: typeof label === 'string' ? label : null };
  if (parameterName !== undefined && profile.version !== '4.16') {
    Object.assign(described, { parameter_name: parameterName, parameter_has_default: false, parameter_default: null });
  }
  const api = component?.api;
  return Object.assign(described, {
    type: api?.schema ?? {},
    python_type: { type: api?.pythonType ?? 'Any', description: '' },
    component: api?.className ?? component?.type ?? 'State',
    example_input: api?.infoExample ?? null,
  });
}

/** The app's `{prefix}/info`: every function is a named endpoint (`/<api_name>`). */
export function appInfo(profile: ProtocolProfile, app: GradioApp): Record<string, unknown> {
  const byId = new Map(app.components.map((component) => [component.id, component]));
  const namedEndpoints: Record<string, unknown> = {};
  for (const fn of app.functions) {
    namedEndpoints[`/${fn.apiName}`] = {
      parameters: fn.inputs.map((id, index) => describeValue(profile, byId.get(id), fn.parameterNames?.[index] ?? `param_${index}`)),
      returns: fn.outputs.map((id) => describeValue(profile, byId.get(id))),
    };
  }
  return { named_endpoints: namedEndpoints, unnamed_endpoints: {} };
}
