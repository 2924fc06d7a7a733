import { call } from './errors';

// intake's /public/* without a staff token (the citizen's portal, and the one category table's public read): a 429
// carries Retry-After, which the caller shows as a wait it counts down.

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** 429: how long the server asks the petitioner to wait (seconds, from Retry-After; 60 when it names none). */
export class RateLimited extends Error {
  constructor(readonly seconds: number) {
    super(`rate limited, retry after ${seconds}s`);
  }
}

/** As `call` (the generated answer type without a type argument), with a 429 as RateLimited. */
export async function publicCall<R extends FetchResult>(request: Promise<R>): Promise<NonNullable<R['data']>>;
export async function publicCall<T>(request: Promise<FetchResult>): Promise<T>;
export async function publicCall(request: Promise<FetchResult>): Promise<unknown> {
  const result = await request;
  if (result.response.status === 429) {
    const after = Number(result.response.headers.get('Retry-After'));
    throw new RateLimited(Number.isFinite(after) && after > 0 ? Math.ceil(after) : 60);
  }
  return call<unknown>(Promise.resolve(result));
}
