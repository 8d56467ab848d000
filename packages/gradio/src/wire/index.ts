/**
 * The server side of the Gradio wire format, for emulators and scripted tests: diffs between
 * output values, JSON as Python servers write it, and the data-stream messages.
 * @packageDocumentation
 */

export { computeDiff, type ComputeDiffOptions } from './compute-diff.js';
export { encodeJson, pythonJsonDumps, type JsonStyle } from './encode-json.js';
export { formatPythonFloat, PythonFloat } from './python-float.js';
export { pythonStringRepr } from './python-string-repr.js';
export {
  closeStreamMessage,
  errorOutput,
  estimationMessage,
  heartbeatMessage,
  logMessage,
  processCompletedMessage,
  processGeneratingMessage,
  processStartsMessage,
  serverMessageFormat,
  successOutput,
  unexpectedErrorMessage,
  type OutputTiming,
  type ServerMessage,
  type ServerMessageFormat,
} from './server-messages.js';
export { frameEvent, sseBody } from './sse-frame.js';
