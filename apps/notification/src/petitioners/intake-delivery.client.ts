import { Inject, Injectable } from '@nestjs/common';
import { ServiceTokenProvider } from '@sunshine/platform';

import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';

/** A petitioner's delivery address as intake answers it just in time (never stored here in clear). */
export interface DeliveryAddress {
  readonly phone: string | null;
  readonly email: string | null;
  /** The channels the petitioner may be reached on, in the order of preference. */
  readonly channels: readonly string[];
}

/** A one-time code intake recorded for a gateway (its text and number are fetched only when sent). */
export interface PendingCitizenMessage {
  readonly id: string;
  readonly caseId: string;
  readonly channel: string;
  readonly template: string;
}

/** What intake failed to answer: worth a retry (unreachable, 5xx) or not (404: no such case or message). */
export class IntakeUnavailable extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 3000;

/**
 * intake's delivery endpoints, called with notification's service token: a case's petitioner address, the one-time
 * codes waiting for a gateway (listed, claimed, and read only when sent). Personal data stays in intake's schema.
 */
@Injectable()
export class IntakeDeliveryClient {
  constructor(
    private readonly tokens: ServiceTokenProvider,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  address(caseId: string): Promise<DeliveryAddress> {
    return this.call<DeliveryAddress>('GET', `/delivery/cases/${caseId}/address`);
  }

  pendingMessages(): Promise<PendingCitizenMessage[]> {
    return this.call<PendingCitizenMessage[]>('GET', '/delivery/messages');
  }

  claim(id: string, deliveryId: string): Promise<unknown> {
    return this.call('POST', `/delivery/messages/${id}/claim`, { deliveryId });
  }

  /** The message's number and text, for the send only. */
  message(id: string): Promise<{ to: string; text: string }> {
    return this.call('GET', `/delivery/messages/${id}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.config.intakeUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${await this.tokens.token()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new IntakeUnavailable(`intake unreachable (${error instanceof Error ? error.name : 'error'})`, true);
    }
    if (res.status >= 200 && res.status < 300) return (await res.json()) as T;
    throw new IntakeUnavailable(
      `intake answered ${res.status} to ${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`,
      res.status >= 500 || res.status === 429,
    );
  }
}
