import type { DiffEdit } from '@switchboard/gradio';

/** What /config and /info say about a component whose value an API call can send or receive. */
export interface ComponentApi {
  /** JSON schema of the value: `api_info` in /config, `type` in /info. */
  schema: unknown;
  /** The Python type /info shows, e.g. `str`. */
  pythonType: string;
  /** The component class /info names, e.g. `Textbox`. */
  className: string;
  /** `example_inputs` in /config. */
  configExample: unknown;
  /** `example_input` in /info. */
  infoExample: unknown;
}

/** One block of the app's page, as /config lists it. */
export interface AppComponent {
  /** The component id: what `inputs`, `outputs`, triggers and the layout refer to. */
  id: number;
  /** Gradio's lower-case type name: `textbox`, `chatbot`, `button`, `row`, `form`, ... */
  type: string;
  /** The props /config lists (`name` is added from the type). */
  props: Record<string, unknown>;
  /** Set for components that hold a value; layout blocks and buttons without one leave it out. */
  api?: ComponentApi;
}

/** A node of the page's layout tree. */
export interface LayoutNode {
  id: number;
  children?: LayoutNode[];
}

/**
 * One yield of a generator function: the output values in `outputs` order, or those values
 * with the edits from the previous yield, when the app knows them without comparing (a long
 * answer then streams in linear time). Without edits the emulator computes them.
 */
export type AppYield = readonly unknown[] | { values: readonly unknown[]; edits?: DiffEdit[][] };

/** What a function call is told besides its inputs. */
export interface AppCallContext {
  /** Aborts when the event is cancelled, its client leaves, or the emulator closes. */
  signal: AbortSignal;
  /** The dependency being run. */
  fnIndex: number;
}

interface AppFunctionBase {
  /** `api_name` of the dependency, e.g. `chat` (served as `/chat` in /info). */
  apiName: string;
  /** The component and event that trigger it, e.g. `[11, 'submit']`. */
  trigger: [componentId: number, event: string];
  /** Component ids of the inputs, in the order the function takes them. */
  inputs: number[];
  /** Component ids of the outputs, in the order the function returns them. */
  outputs: number[];
  /** Parameter names /info shows for the inputs. Default `param_0`, `param_1`, ... */
  parameterNames?: string[];
}

/** A generator function: streams its outputs, one `process_generating` message per yield. */
export interface GeneratorAppFunction extends AppFunctionBase {
  generator: true;
  run(inputs: unknown[], context: AppCallContext): Iterable<AppYield> | AsyncIterable<AppYield>;
}

/** A plain function: returns its output values once. */
export interface PlainAppFunction extends AppFunctionBase {
  generator?: false;
  run(inputs: unknown[], context: AppCallContext): readonly unknown[] | Promise<readonly unknown[]>;
}

/** One backend function (a dependency of /config); its `fn_index` is its position in the app. */
export type AppFunction = GeneratorAppFunction | PlainAppFunction;

/**
 * A Gradio Blocks app, as the emulator serves it: its page (components and layout) and its
 * functions. A function that throws fails its event with a hidden error, like an app launched
 * without `show_error`; so does a call with the wrong number of inputs or a yield with the
 * wrong number of outputs.
 */
export interface GradioApp {
  components: AppComponent[];
  /** The layout tree under the root (id 0). Default: every component in order. */
  layout?: LayoutNode[];
  functions: AppFunction[];
  /** `title` in /config. Default `Gradio`. */
  title?: string;
  /** `space_id` in /config, e.g. `owner/name`: the app then says it runs on a Hugging Face Space. */
  spaceId?: string;
}
