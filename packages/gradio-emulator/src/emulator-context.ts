import { ResponseTracker } from '@switchboard/testing';
import type { EmulatorSession } from './emulator-session.js';
import type { EventRun } from './event-run.js';
import type { ProtocolProfile } from './protocol-profile.js';
import type { ResolvedEmulatorOptions } from './resolve-emulator-options.js';

/** Something holding a socket or a timer that `close()` must stop. */
export interface Stoppable {
  stop(): void;
}

/** State shared by every request of one emulator. */
export interface EmulatorContext {
  readonly profile: ProtocolProfile;
  readonly options: ResolvedEmulatorOptions;
  readonly sessions: Map<string, EmulatorSession>;
  /** Events joined and not completed or cancelled yet. */
  readonly activeRuns: Set<EventRun>;
  readonly liveStreams: Set<Stoppable>;
  readonly streams: ResponseTracker;
  /** Average step duration per fn_index, in seconds. */
  readonly durations: Map<number, { total: number; count: number }>;
  joinCount: number;
}

export function createEmulatorContext(profile: ProtocolProfile, options: ResolvedEmulatorOptions): EmulatorContext {
  return {
    profile,
    options,
    sessions: new Map(),
    activeRuns: new Set(),
    liveStreams: new Set(),
    streams: new ResponseTracker(),
    durations: new Map(),
    joinCount: 0,
  };
}

/** Records one step duration and returns the running average for that function. */
export function recordDuration(context: EmulatorContext, fnIndex: number, seconds: number): number {
  const entry = context.durations.get(fnIndex) ?? { total: 0, count: 0 };
  entry.total += seconds;
  entry.count += 1;
  context.durations.set(fnIndex, entry);
  return entry.total / entry.count;
}
