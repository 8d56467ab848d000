import { startGradioEmulator } from '@switchboard/gradio-emulator';
import { benchQwenApp } from './bench-qwen-app.js';
import { HoldGate } from './hold-gate.js';
import { processUsage } from './process-usage.js';
import { serveCalls } from './serve-calls.js';

/**
 * The bench's emulated Qwen2-72B Space in a process of its own: announces its URL, then
 * answers `hold` (held answers wait), `release` (they go on), `waiting` (how many wait),
 * `streams` (data streams open and closed) and `usage`.
 */
const gate = new HoldGate();
const emulator = await startGradioEmulator({ app: benchQwenApp(gate) });
serveCalls(
  emulator.url,
  {
    hold: () => gate.close(),
    release: () => gate.release(),
    waiting: () => gate.waiting,
    streams: () => ({ open: emulator.openStreams, closed: emulator.closedStreams }),
    forgetRequests: () => void emulator.requests.splice(0),
    usage: () => processUsage(),
  },
  () => emulator.close(),
);
