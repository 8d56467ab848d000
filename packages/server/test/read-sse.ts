/** One SSE block of a response, split into its lines. */
export interface SseBlock {
  lines: string[];
}

/** A streamed HTTP response read to its end. */
export interface SseResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The blocks (separated by blank lines), in order. */
  blocks: SseBlock[];
  /** The JSON of every `data:` line except `[DONE]`. */
  data: any[];
  /** Whether the last data line was `data: [DONE]`. */
  done: boolean;
  /** The comment lines (without the leading `: `). */
  comments: string[];
}

/** Splits an SSE body into blocks, data and comments. */
export function parseSse(status: number, headers: Headers, text: string): SseResponse {
  const blocks = text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => ({ lines: block.split('\n') }));
  const lines = blocks.flatMap((block) => block.lines);
  const dataLines = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice('data: '.length));
  return {
    status,
    headers,
    text,
    blocks,
    data: dataLines.filter((line) => line !== '[DONE]').map((line) => JSON.parse(line)),
    done: dataLines.at(-1) === '[DONE]',
    comments: lines.filter((line) => line.startsWith(':')).map((line) => line.replace(/^: ?/, '')),
  };
}

/** POSTs a JSON body and reads the whole (streamed) response. */
export async function postForSse(url: string, body: unknown, headers: Record<string, string> = {}): Promise<SseResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return parseSse(response.status, response.headers, await response.text());
}

/** The text of the answer in a parsed stream: its content deltas joined. */
export function streamedText(response: SseResponse): string {
  return response.data.map((chunk) => chunk.choices?.[0]?.delta?.content ?? '').join('');
}
