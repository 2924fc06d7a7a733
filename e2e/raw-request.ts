/** One answer as the confidentiality tests read it: status, body as text, parsed JSON when it is JSON, the error code. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly code: string | null;
}

export interface SendOptions {
  readonly body?: unknown;
  readonly ifMatch?: number;
  readonly form?: FormData;
}

/**
 * A request whose answer is kept whole (the shared `http` helper parses JSON only): for probes that must compare any
 * body — JSON, HTML, an attachment's bytes — with what a missing case gets.
 */
export async function rawRequest(url: string, method: string, token: string | null, options: SendOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // HTML, an attachment's bytes, or empty
  }
  const code = json !== null && typeof json === 'object' && 'code' in json ? String((json as { code: unknown }).code) : null;
  return { status: res.status, text, json, code };
}
