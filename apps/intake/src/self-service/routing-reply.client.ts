import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceTokenProvider } from '@sunshine/platform';

import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';

export type ReplyFetch =
  | { readonly available: true; readonly text: string | null; readonly documentRef: string | null }
  | { readonly available: false; readonly note: { readonly zh: string; readonly en: string } };

const TIMEOUT_MS = 3000;

/**
 * The written reply's text, which routing owns: `GET {ROUTING_URL}/cases/:caseId/reply` with intake's service token
 * (role `service`). Anything but a 200 (routing down, the endpoint not deployed yet, no reply) gives an honest
 * "not available" and the progress answer goes on without it.
 */
@Injectable()
export class RoutingReplyClient {
  private readonly logger = new Logger(RoutingReplyClient.name);

  constructor(
    private readonly tokens: ServiceTokenProvider,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async fetch(caseId: string): Promise<ReplyFetch> {
    try {
      const res = await fetch(`${this.config.routingUrl}/cases/${caseId}/reply`, {
        headers: { authorization: `Bearer ${await this.tokens.token()}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.status !== 200) {
        this.logger.warn(`reply of case ${caseId}: routing answered ${res.status}`);
        return unavailable(res.status === 404 ? 'not-found' : 'error');
      }
      const body = (await res.json()) as Record<string, unknown>;
      const text = pickString(body, ['text', 'content', 'body']);
      return { available: true, text, documentRef: pickString(body, ['documentRef', 'replyDocumentRef']) };
    } catch (error) {
      this.logger.warn(`reply of case ${caseId}: routing unreachable (${error instanceof Error ? error.name : 'error'})`);
      return unavailable('error');
    }
  }
}

function pickString(body: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) if (typeof body[k] === 'string') return body[k];
  return null;
}

function unavailable(why: 'not-found' | 'error'): ReplyFetch {
  return why === 'not-found'
    ? {
        available: false,
        note: {
          zh: '答复正文暂未提供，请以书面答复为准',
          en: 'the reply’s text is not available online yet: the written reply served on you is authoritative',
        },
      }
    : {
        available: false,
        note: { zh: '答复正文暂时无法获取，请稍后再查', en: 'the reply’s text cannot be fetched right now: try again later' },
      };
}
