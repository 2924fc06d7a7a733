/** A refusal from a service, as every service answers it: `{ code, message: { zh, en } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${code}: ${en}`);
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const code = typeof b.code === 'string' ? b.code : `HTTP_${status}`;
  const msg = (typeof b.message === 'object' && b.message !== null ? b.message : {}) as { zh?: unknown; en?: unknown };
  const zh = typeof msg.zh === 'string' ? msg.zh : status >= 500 ? '服务暂时不可用，请稍后重试' : '请求未成功';
  const en = typeof msg.en === 'string' ? msg.en : typeof b.message === 'string' ? b.message : `HTTP ${status}`;
  return new ApiError(status, code, zh, en, b.details);
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer, or an ApiError carrying the server's zh-CN reason. Without a type argument the body
 * has the type the generated client gives it: the service's documented success answer (@ZodResponse → docs/openapi →
 * src/api/generated), so a page reads exactly what the server says it answers. `call<T>(…)` (a page naming the answer
 * itself) remains for the pages that have not moved to the inferred form yet.
 */
export async function call<R extends FetchResult>(request: Promise<R>): Promise<NonNullable<R['data']>>;
export async function call<T>(request: Promise<FetchResult>): Promise<T>;
export async function call(request: Promise<FetchResult>): Promise<unknown> {
  const { data, error, response } = await request;
  if (!response.ok) throw toApiError(response.status, error);
  return data;
}

/** The fields of a 400 VALIDATION_FAILED answer, for the form to show beside each input. */
export function fieldErrors(e: unknown): Array<{ field: string; reason: string }> {
  if (!(e instanceof ApiError) || typeof e.details !== 'object' || e.details === null) return [];
  const fields = (e.details as { fields?: unknown }).fields;
  return Array.isArray(fields) ? fields.filter((f): f is { field: string; reason: string } => typeof f?.field === 'string') : [];
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return `${e.zh}（${e.code}）`;
  if (e instanceof Error) return `网络或程序错误：${e.message}`;
  return '未知错误';
}
