import { Client } from '@gradio/client';
import { settleWithin } from '@switchboard/testing/conformance';

const officialClientTimeoutMs = 4000;

/**
 * Calls `endpoint` once with a fresh official `@gradio/client` and returns a copy of every
 * data event's values, in order. A fresh client per call because 2.7.0 hangs on a second
 * call over sse_v1/v2/v2.1, and copies because it mutates emitted values in place. The
 * client is closed afterwards, even on a timeout.
 */
export async function submitWithOfficialClient(url: string, endpoint: number | string, data: unknown[]): Promise<unknown[][]> {
  const client = await Client.connect(url);
  try {
    const snapshots: unknown[][] = [];
    const reading = (async () => {
      for await (const event of client.submit(endpoint, data)) {
        if (event.type === 'data') snapshots.push(structuredClone(event.data) as unknown[]);
      }
    })();
    await settleWithin(reading, officialClientTimeoutMs, 'the official client call');
    return snapshots;
  } finally {
    client.close();
  }
}

/** `predict` with a fresh official client, closed afterwards: the final values. */
export async function predictWithOfficialClient(url: string, endpoint: number | string, data: unknown[]): Promise<unknown[]> {
  const client = await Client.connect(url);
  try {
    const result = await settleWithin(client.predict(endpoint, data), officialClientTimeoutMs, 'the official client predict');
    return structuredClone(result.data) as unknown[];
  } finally {
    client.close();
  }
}
