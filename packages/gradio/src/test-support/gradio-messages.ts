/** Builders for the data-stream messages of a Gradio 4.36 server (protocol §3). */

export const estimation = (eventId: string, rank: number | null = 0, queueSize = 1, rankEta: number | null = 1.5) => ({
  msg: 'estimation',
  event_id: eventId,
  rank,
  queue_size: queueSize,
  rank_eta: rankEta,
});

export const processStarts = (eventId: string, eta: number | null = 2.5) => ({ msg: 'process_starts', event_id: eventId, eta });

const outputOf = (data: unknown, isGenerating: boolean) => ({
  data,
  is_generating: isGenerating,
  duration: 0.06,
  average_duration: 0.07,
  render_config: null,
  changed_state_ids: [],
});

export const generating = (eventId: string, data: unknown[]) => ({
  msg: 'process_generating',
  event_id: eventId,
  output: outputOf(data, true),
  success: true,
});

export const completed = (eventId: string, data: unknown[]) => ({
  msg: 'process_completed',
  event_id: eventId,
  output: outputOf(data, false),
  success: true,
});

export const cancelled = (eventId: string) => ({ msg: 'process_completed', event_id: eventId, output: {}, success: true });

export const failed = (eventId: string, error: string | null) => ({
  msg: 'process_completed',
  event_id: eventId,
  output: { error },
  success: false,
});

export const heartbeat = () => ({ msg: 'heartbeat', event_id: null });

export const closeStream = () => ({ msg: 'close_stream', event_id: null });

export const unexpectedError = (message: string) => ({ msg: 'unexpected_error', message, success: false, event_id: null });
