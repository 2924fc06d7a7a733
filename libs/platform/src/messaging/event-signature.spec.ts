import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateDevKeyPair } from '../auth/token-issuer';
import {
  envelopeClaim,
  eventPublicKeyFile,
  EventSignatureError,
  eventSignedBytes,
  EventSigner,
  EventVerifier,
  generateEventKeyPair,
  readUnsignedHistory,
  unprefixedTopic,
} from './event-signature';

const routingPair = generateEventKeyPair();
const intakePair = generateEventKeyPair();
const routing = EventSigner.fromPem('routing', routingPair.privateKeyPem);
const intake = EventSigner.fromPem('intake', intakePair.privateKeyPem);
// supervision has no key in the verifier's directory.
const supervision = EventSigner.fromPem('supervision', generateEventKeyPair().privateKeyPem);

const dir = mkdtempSync(join(tmpdir(), 'event-keys-'));
writeFileSync(eventPublicKeyFile(dir, 'routing'), routingPair.publicKeyPem);
writeFileSync(eventPublicKeyFile(dir, 'intake'), intakePair.publicKeyPem);
const verifier = EventVerifier.fromDir(dir);

const DISPATCHED = JSON.stringify({ id: 'e-1', type: 'case.dispatched', producer: 'routing', payload: { toUnitId: 'u-2' } });
const message = { topic: 'sunshine.case-log', key: 'case-1', value: DISPATCHED };
const claim = envelopeClaim(JSON.parse(DISPATCHED));

/** The code of the EventSignatureError `verify` throws (or 'verified: <signer>'). */
function outcome(headers: Record<string, string>, m = message, c = claim): string {
  try {
    return `verified: ${verifier.verify(m, headers, c)}`;
  } catch (error) {
    if (error instanceof EventSignatureError) return error.message;
    throw error;
  }
}

describe('producer-signed events', () => {
  it('signs domain-separated bytes: prefix, topic, key and value on their own lines', () => {
    expect(eventSignedBytes({ topic: 't', key: 'k', value: '{"a":1}' }).toString('utf8')).toBe('sunshine-event-v1\nt\nk\n{"a":1}');
  });

  it('verifies an event its type’s producer signed, and names the signer', () => {
    const headers = routing.headers(message);
    expect(Object.keys(headers).sort()).toEqual(['event-signature', 'event-signer']);
    expect(headers['event-signer']).toBe('routing');
    expect(outcome(headers)).toBe('verified: routing');
  });

  it('refuses case.dispatched signed by intake, even when it says producer routing', () => {
    expect(outcome(intake.headers(message))).toBe('EVENT_PRODUCER_MISMATCH: case.dispatched is published by routing, signed by intake');
  });

  it('refuses routing’s own signature under an envelope naming another producer', () => {
    const value = JSON.stringify({ id: 'e-2', type: 'case.dispatched', producer: 'intake', payload: {} });
    const forged = { ...message, value };
    expect(outcome(routing.headers(forged), forged, envelopeClaim(JSON.parse(value)))).toBe(
      'EVENT_PRODUCER_MISMATCH: the envelope says producer "intake", signed by routing',
    );
  });

  it('refuses a header claiming another signer than the key that signed', () => {
    expect(outcome({ ...intake.headers(message), 'event-signer': 'routing' })).toBe(
      'EVENT_SIGNATURE_INVALID: the signature of routing does not verify',
    );
  });

  it('refuses a tampered value, key or topic', () => {
    const headers = routing.headers(message);
    const tampered = DISPATCHED.replace('u-2', 'u-3');
    expect(outcome(headers, { ...message, value: tampered })).toBe('EVENT_SIGNATURE_INVALID: the signature of routing does not verify');
    expect(outcome(headers, { ...message, key: 'case-2' })).toBe('EVENT_SIGNATURE_INVALID: the signature of routing does not verify');
    expect(outcome(headers, { ...message, topic: 'sunshine.org-directory' })).toBe(
      'EVENT_SIGNATURE_INVALID: the signature of routing does not verify',
    );
  });

  it('refuses a signer without a key in EVENT_KEYS_DIR, and a name that is no service', () => {
    expect(outcome(supervision.headers(message))).toBe('EVENT_SIGNER_UNKNOWN: no event key for signer "supervision"');
    expect(outcome({ ...routing.headers(message), 'event-signer': 'mallory' })).toBe(
      'EVENT_SIGNER_UNKNOWN: no event key for signer "mallory"',
    );
  });

  it('refuses a message without its signature headers', () => {
    expect(outcome({})).toBe('EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers');
    expect(outcome({ 'event-signer': 'routing' })).toBe('EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers');
  });

  it('checks a type the catalogue does not know by its envelope only', () => {
    const value = JSON.stringify({ id: 'e-3', type: 'case.from-the-future', producer: 'intake' });
    const future = { ...message, value };
    expect(outcome(intake.headers(future), future, envelopeClaim(JSON.parse(value)))).toBe('verified: intake');
  });

  it('signs the topic without the run’s prefix', () => {
    expect(unprefixedTopic('t123', 't123.sunshine.case-log')).toBe('sunshine.case-log');
    expect(unprefixedTopic('', 'sunshine.case-log')).toBe('sunshine.case-log');
    expect(unprefixedTopic('t123', 'other.sunshine.case-log')).toBe('other.sunshine.case-log');
  });

  it('still verifies what a rotated-out key signed while its file stays beside the new one (<service>.<anything>.pem)', () => {
    const rotated = mkdtempSync(join(tmpdir(), 'event-keys-'));
    const next = generateEventKeyPair();
    writeFileSync(eventPublicKeyFile(rotated, 'routing'), next.publicKeyPem);
    writeFileSync(join(rotated, 'routing.2026-12.pem'), routingPair.publicKeyPem);
    const history = routing.headers(message);
    const now = EventSigner.fromPem('routing', next.privateKeyPem).headers(message);
    expect(EventVerifier.fromDir(rotated).verify(message, history, claim)).toBe('routing');
    expect(EventVerifier.fromDir(rotated).verify(message, now, claim)).toBe('routing');
    // Without the earlier key's file, the history no longer verifies.
    expect(outcome(EventSigner.fromPem('routing', next.privateKeyPem).headers(message))).toBe(
      'EVENT_SIGNATURE_INVALID: the signature of routing does not verify',
    );
  });

  it('accepts unsigned messages below the cut-over offset of their topic and partition only, and still verifies signed ones there', () => {
    const history = { 'sunshine.case-log': { '0': '100' } };
    const upgraded = EventVerifier.fromPems(new Map([['routing', routingPair.publicKeyPem]]), history);
    const at = (partition: number, offset: string) => ({ partition, offset });
    const check = (headers: Record<string, string>, m = message, where = at(0, '99')): string => {
      try {
        return `accepted: ${String(upgraded.verify(m, headers, claim, where))}`;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(check({})).toBe('accepted: null');
    expect(check({}, message, at(0, '100'))).toBe('EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers');
    expect(check({}, message, at(1, '5'))).toBe('EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers');
    expect(check({}, { ...message, topic: 'sunshine.alerts' })).toBe('EVENT_SIGNATURE_MISSING: no event-signer/event-signature headers');
    expect(check(intake.headers(message))).toBe('EVENT_SIGNER_UNKNOWN: no event key for signer "intake"');
    expect(check(routing.headers(message))).toBe('accepted: routing');
    const file = join(dir, 'cut-over.json');
    writeFileSync(file, JSON.stringify(history));
    expect(readUnsignedHistory(file)).toEqual(history);
    writeFileSync(file, JSON.stringify({ 'sunshine.case-log': { '0': 100 } }));
    expect(() => readUnsignedHistory(file)).toThrow(
      `EVENT_UNSIGNED_BELOW_FILE ${file}: expected { "<topic>": { "<partition>": "<offset>" } }`,
    );
  });

  it('takes Ed25519 keys only', async () => {
    const ecdsa = await generateDevKeyPair();
    expect(() => EventSigner.fromPem('routing', ecdsa.privateKeyPem)).toThrow('EVENT_SIGNING_KEY_FILE: an Ed25519 key is required, not ec');
    expect(() => EventVerifier.fromPems(new Map([['routing', ecdsa.publicKeyPem]]))).toThrow(
      'EVENT_KEYS_DIR: routing.pem is not an Ed25519 key',
    );
  });
});
