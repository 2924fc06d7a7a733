import { Topics } from '@sunshine/contracts';

/** Topics whose messages are about no case (the directory's units, city-wide reference data): ops read them whole. */
const CASELESS_TOPICS: readonly string[] = [Topics.orgDirectory, Topics.referenceData];

/** What ops may always read of a dead letter's message: the envelope's metadata, never its payload, actor or places. */
export interface EnvelopeMetadata {
  readonly id: string | null;
  readonly type: string | null;
  readonly version: number | null;
  readonly caseId: string | null;
  readonly producer: string | null;
  readonly occurredAt: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
}

/** What a dead letter's message is about. */
export interface MessageSubject {
  /** False only on a topic that carries no case (the directory, reference data): shown whole. */
  readonly caseBound: boolean;
  /** The case it concerns (the envelope's `caseId`, else the key on the case log); null when none can be told. */
  readonly caseId: string | null;
  /** The envelope's metadata, when the value is a JSON object. */
  readonly envelope: EnvelopeMetadata | null;
}

/** Whether `topic` (possibly with the run's prefix, `<prefix>.sunshine.…`) is `name`. */
function isTopic(topic: string, name: string): boolean {
  return topic === name || topic.endsWith(`.${name}`);
}

function text(o: Record<string, unknown>, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

/**
 * The case a dead letter's message is about, from its topic, key and raw value. Every topic but the directory's and
 * the reference data's is case-bound (the case log, alerts naming cases, evaluation figures): its payload is shown only
 * to a caller with full access to the case (issue 17: dead letters carry whole events, accusations included).
 */
export function messageSubject(topic: string, key: string, value: string): MessageSubject {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(value);
  } catch {
    // not JSON: no envelope
  }
  const o = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  const envelope: EnvelopeMetadata | null = o
    ? {
        id: text(o, 'id'),
        type: text(o, 'type'),
        version: typeof o['version'] === 'number' ? o['version'] : null,
        caseId: text(o, 'caseId'),
        producer: text(o, 'producer'),
        occurredAt: text(o, 'occurredAt'),
        correlationId: text(o, 'correlationId'),
        causationId: text(o, 'causationId'),
      }
    : null;
  const caseBound = !CASELESS_TOPICS.some((t) => isTopic(topic, t));
  const caseId = envelope?.caseId ?? (isTopic(topic, Topics.caseLog) && key ? key : null);
  return { caseBound, caseId, envelope };
}

/** Why a payload is not shown: the caller does not fully see the case (or it cannot be told which case it is). */
export const PAYLOAD_REDACTED = {
  zh: '消息内容仅向有权完整查阅该信访事项的人员显示（检举控告等），此处只显示消息元数据',
  en: 'the payload is shown only to those with full access to the case; the envelope metadata only',
} as const;
