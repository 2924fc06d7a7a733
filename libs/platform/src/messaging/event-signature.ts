import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EventCatalog, isEventType, prefixed } from '@sunshine/contracts';
import type { Admin } from 'kafkajs';

import { type ServiceName, ServiceNames } from '../config/platform-config';

/**
 * 事件签名 Producer-signed events. Kafka's ACLs are per topic, and every service writes the case log: without more, a
 * compromised intake could publish `case.dispatched` "from routing" and every consumer would apply it. So each service
 * signs every event it publishes with its OWN Ed25519 event key (EVENT_SIGNING_KEY_FILE; the relay, at publish), and
 * every consumer verifies before applying (MessageProcessor): the `event-signer` header names a service whose public
 * key is in EVENT_KEYS_DIR, the `event-signature` header verifies over the domain-separated bytes
 * `sunshine-event-v1\n<topic>\n<key>\n<value>` (topic without the run's KAFKA_TOPIC_PREFIX), and the signer is both the
 * catalog's producer of the event's type and the envelope's `producer`. A message failing any of it is never applied:
 * it is dead-lettered with the code of EventSignatureError.
 */
export const EVENT_SIGNATURE_HEADER = 'event-signature';
/** The service whose key made `event-signature`. */
export const EVENT_SIGNER_HEADER = 'event-signer';
/** Domain separation: these bytes are never a token, nor any other signed message. */
const SIGNED_PREFIX = 'sunshine-event-v1\n';

export type EventSignatureCode = 'EVENT_SIGNATURE_MISSING' | 'EVENT_SIGNER_UNKNOWN' | 'EVENT_SIGNATURE_INVALID' | 'EVENT_PRODUCER_MISMATCH';

/** Why a message is not authentic; its message starts with the code (the dead letter's error, the operators' filter). */
export class EventSignatureError extends Error {
  constructor(
    readonly code: EventSignatureCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'EventSignatureError';
  }
}

/** The message a signature covers: its topic without the run's prefix (a prefix only isolates runs), key and value. */
export interface SignedMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
}

/** The bytes signed: `sunshine-event-v1\n<topic>\n<key>\n<value>` (UTF-8). */
export function eventSignedBytes({ topic, key, value }: SignedMessage): Buffer {
  return Buffer.from(`${SIGNED_PREFIX}${topic}\n${key}\n${value}`, 'utf8');
}

/** A topic's name without the run's KAFKA_TOPIC_PREFIX (`<prefix>.<topic>`), as signatures cover it. */
export function unprefixedTopic(prefix: string, topic: string): string {
  return prefix && topic.startsWith(`${prefix}.`) ? topic.slice(prefix.length + 1) : topic;
}

/**
 * `<dir>/<service>.pem`: a service's event public key (SPKI) in EVENT_KEYS_DIR. Its earlier keys stay beside it as
 * `<service>.<anything>.pem` after a rotation, so the history they signed still verifies (a rebuild from offset zero).
 */
export function eventPublicKeyFile(dir: string, service: ServiceName): string {
  return join(dir, `${service}.pem`);
}

/** Signs as one service with its own event key (imported once). */
export class EventSigner {
  private constructor(
    readonly service: ServiceName,
    private readonly key: KeyObject,
  ) {}

  static fromPem(service: ServiceName, privateKeyPem: string): EventSigner {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'ed25519')
      throw new Error(`EVENT_SIGNING_KEY_FILE: an Ed25519 key is required, not ${key.asymmetricKeyType}`);
    return new EventSigner(service, key);
  }

  static fromFile(service: ServiceName, file: string): EventSigner {
    return EventSigner.fromPem(service, readFileSync(file, 'utf8'));
  }

  /** The two headers that travel with the message: `event-signer` and `event-signature` (base64). */
  headers(message: SignedMessage): Record<string, string> {
    return {
      [EVENT_SIGNER_HEADER]: this.service,
      [EVENT_SIGNATURE_HEADER]: sign(null, eventSignedBytes(message), this.key).toString('base64'),
    };
  }
}

/**
 * 签名前的历史 Per topic (without the run's prefix) and partition, the first offset written once every producer signed
 * (EVENT_UNSIGNED_BELOW_FILE, written by `npm run event-cutover` when a deployment with unsigned history is upgraded): a
 * message below it WITHOUT signature headers is that history and is accepted; one with signature headers is verified as
 * any. The broker assigns offsets, so nothing written after the cut-over can pass as history.
 */
export type UnsignedHistory = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Reads and checks EVENT_UNSIGNED_BELOW_FILE: `{ "<topic>": { "<partition>": "<offset>" } }`. */
export function readUnsignedHistory(file: string): UnsignedHistory {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const ok =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.values(parsed).every(
      (partitions: unknown) =>
        typeof partitions === 'object' &&
        partitions !== null &&
        Object.entries(partitions).every(([p, o]) => /^\d+$/.test(p) && typeof o === 'string' && /^\d+$/.test(o)),
    );
  if (!ok) throw new Error(`EVENT_UNSIGNED_BELOW_FILE ${file}: expected { "<topic>": { "<partition>": "<offset>" } }`);
  return parsed as UnsignedHistory;
}

/**
 * The cut-over now (`npm run event-cutover`): per topic of the event catalog (the ones signed events travel on, without
 * the run's prefix) and partition, the end offset — the first offset a signing producer will write.
 */
export async function unsignedHistoryNow(admin: Admin, prefix: string): Promise<UnsignedHistory> {
  const topics = [...new Set(Object.values(EventCatalog).map((d) => d.topic))].sort();
  const history: Record<string, Record<string, string>> = {};
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(prefixed(prefix, topic));
    history[topic] = Object.fromEntries(ends.map((p) => [String(p.partition), p.high]));
  }
  return history;
}

/** Where a consumed message sits: its partition and offset (the unsigned history is known by them). */
export interface MessagePosition {
  readonly partition: number;
  readonly offset: string;
}

/** Verifies events with the services' event public keys (imported once). */
export class EventVerifier {
  /** Each service's keys, the current one first; the unsigned history accepted, if any. */
  private constructor(
    private readonly keys: ReadonlyMap<string, readonly KeyObject[]>,
    private readonly history: UnsignedHistory,
  ) {}

  /** Each service's public keys (PEM), the current one first. */
  static fromPems(pems: ReadonlyMap<ServiceName, string | readonly string[]>, history: UnsignedHistory = {}): EventVerifier {
    const keys = new Map<string, KeyObject[]>();
    for (const [service, pem] of pems) {
      keys.set(
        service,
        (typeof pem === 'string' ? [pem] : pem).map((one) => {
          const key = createPublicKey(one);
          if (key.asymmetricKeyType !== 'ed25519') throw new Error(`EVENT_KEYS_DIR: ${service}.pem is not an Ed25519 key`);
          return key;
        }),
      );
    }
    return new EventVerifier(keys, history);
  }

  /** The keys in EVENT_KEYS_DIR (`<service>.pem`, earlier ones `<service>.<anything>.pem`); a service without any signs nothing anyone accepts. */
  static fromDir(dir: string, history: UnsignedHistory = {}): EventVerifier {
    if (!existsSync(dir)) throw new Error(`EVENT_KEYS_DIR ${dir} does not exist`);
    const files = readdirSync(dir);
    const pems = new Map<ServiceName, string[]>();
    for (const service of ServiceNames) {
      const earlier = files.filter((f) => f.startsWith(`${service}.`) && f.endsWith('.pem') && f !== `${service}.pem`).sort();
      const found = [`${service}.pem`, ...earlier].filter((f) => files.includes(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
      if (found.length > 0) pems.set(service, found);
    }
    return EventVerifier.fromPems(pems, history);
  }

  /**
   * The service that signed the message, or an EventSignatureError: headers missing, a signer without a key, a
   * signature that does not verify, or a signer that is not the producer the catalog names for the event's type and
   * the envelope's `producer` (`envelope`: the parsed value's `type` and `producer`, as far as they are strings).
   * null: an unsigned message of the history before the cut-over (`at` below its topic's and partition's offset).
   */
  verify(message: SignedMessage, headers: Readonly<Record<string, string>>, envelope: EnvelopeClaim, at?: MessagePosition): string | null {
    const signer = headers[EVENT_SIGNER_HEADER];
    const signature = headers[EVENT_SIGNATURE_HEADER];
    if (!signer && !signature && at && this.isHistory(message.topic, at)) return null;
    if (!signer || !signature)
      throw new EventSignatureError('EVENT_SIGNATURE_MISSING', `no ${EVENT_SIGNER_HEADER}/${EVENT_SIGNATURE_HEADER} headers`);
    const keys = this.keys.get(signer);
    if (!keys) throw new EventSignatureError('EVENT_SIGNER_UNKNOWN', `no event key for signer ${JSON.stringify(signer.slice(0, 40))}`);
    const bytes = eventSignedBytes(message);
    const raw = Buffer.from(signature, 'base64');
    if (!keys.some((key) => verify(null, bytes, key, raw))) {
      throw new EventSignatureError('EVENT_SIGNATURE_INVALID', `the signature of ${signer} does not verify`);
    }
    const problem = producerMismatch(signer, envelope);
    if (problem) throw new EventSignatureError('EVENT_PRODUCER_MISMATCH', problem);
    return signer;
  }

  private isHistory(topic: string, { partition, offset }: MessagePosition): boolean {
    const below = this.history[topic]?.[String(partition)];
    return below !== undefined && BigInt(offset) < BigInt(below);
  }
}

/** What the envelope claims about its origin (the type decides the catalog's producer). */
export interface EnvelopeClaim {
  readonly type?: string;
  readonly producer?: string;
}

/** Why `signer` may not publish this envelope (undefined when it may). Types the catalog does not know are checked by the envelope only. */
function producerMismatch(signer: string, { type, producer }: EnvelopeClaim): string | undefined {
  const owner = type !== undefined && isEventType(type) ? EventCatalog[type].producer : undefined;
  if (owner !== undefined && owner !== signer) return `${type} is published by ${owner}, signed by ${signer}`;
  if (producer !== signer) return `the envelope says producer ${JSON.stringify(producer ?? null)}, signed by ${signer}`;
  return undefined;
}

/** The envelope's `type` and `producer` from a parsed message value, without decoding the rest. */
export function envelopeClaim(parsed: unknown): EnvelopeClaim {
  if (typeof parsed !== 'object' || parsed === null) return {};
  const o = parsed as Record<string, unknown>;
  return {
    ...(typeof o['type'] === 'string' ? { type: o['type'] } : {}),
    ...(typeof o['producer'] === 'string' ? { producer: o['producer'] } : {}),
  };
}

/** A new event key pair (Ed25519, PEM: PKCS#8 private, SPKI public): tools/dev-keys.ts and the tests' keys. */
export function generateEventKeyPair(): { readonly privateKeyPem: string; readonly publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
