import type { EntityManager } from 'typeorm';

/** A message to a petitioner (a one-time code, a receipt …) on a channel the platform reaches them by. */
export interface CitizenMessage {
  readonly caseId: string;
  readonly channel: 'sms';
  readonly to: string;
  readonly template: string;
  readonly text: string;
}

/** The port intake sends through; the notification service's SMS gateway will sit behind it. */
export interface CitizenNotifier {
  send(m: EntityManager, message: CitizenMessage): Promise<void>;
}

export const CITIZEN_NOTIFIER = Symbol('CITIZEN_NOTIFIER');
