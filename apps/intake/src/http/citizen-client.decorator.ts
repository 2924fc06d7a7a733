import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * Who is asking on a citizen endpoint: the client's address as the HTTP server sees it (behind a reverse proxy, the
 * service must trust the proxy's forwarded address, or every citizen is one client). Budgets for wrong answers are
 * kept per client (GuessBudgetService), so a guesser is locked out, never the petitioner.
 */
export interface CitizenClient {
  readonly address: string;
}

export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): CitizenClient => ({
  address: ctx.switchToHttp().getRequest<{ ip?: string }>().ip ?? 'unknown',
}));
