/** One server-sent event as a test reads it. */
export interface SseMessage {
  readonly event: string;
  readonly id: string | null;
  readonly data: unknown;
}

/**
 * A test client of an SSE endpoint (fetch with the bearer token: browsers' EventSource cannot send headers). Collects
 * every message until closed.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  status = 0;
  private readonly abort = new AbortController();
  private done?: Promise<void>;

  static async open(url: string, token?: string): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: client.abort.signal,
    });
    client.status = res.status;
    if (res.ok && res.body) client.done = client.read(res.body);
    else await res.text().catch(() => undefined);
    return client;
  }

  /** The `data` of every message of this event type. */
  of<T>(event: string): T[] {
    return this.messages.filter((m) => m.event === event).map((m) => m.data as T);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done?.catch(() => undefined);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text
    }
    this.messages.push({ event, id, data: parsed });
  }
}
