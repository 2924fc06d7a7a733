import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { deadLetterTopic, Topics } from '@sunshine/contracts';
import {
  createKafka,
  createOrderedProducer,
  ensureTopics,
  EventVerifier,
  loadPlatformConfig,
  type ReadMessage,
  readTopic,
  type ServiceName,
  ServiceNames,
} from '@sunshine/platform';
import { eventually, ServiceHarness } from '@sunshine/testing';
import type { Kafka } from 'kafkajs';

// Kafka authentication and authorisation (issue 18): a broker of the test's own (deploy/local/kafka-secure.sh, beside
// the shared PLAINTEXT one) with SASL/SCRAM-SHA-512 and the StandardAuthorizer, its users created at format time and
// the ACL table deploy/kafka-acls.json applied (npm run kafka-acls -- --apply). Each principal may write only the
// topics whose events its service publishes; an unknown principal, a principal without ACLs and a wrong password get
// nothing; routing, started from dist/ with its own credentials, consumes and publishes. `npm run test:kafka-auth`.

const SCRIPT = join(__dirname, '..', 'deploy', 'local', 'kafka-secure.sh');

function secureEnv(): Record<string, string> {
  const out = execFileSync('bash', [SCRIPT, 'env'], { encoding: 'utf8' });
  return Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** A client as the service's principal, configured exactly as the service configures itself (loadPlatformConfig). */
function serviceKafka(env: Record<string, string>, service: ServiceName): Kafka {
  const config = loadPlatformConfig(service, {
    ...env,
    DATABASE_URL: 'postgres://unused/none',
    REDIS_URL: 'redis://unused',
    AUTH_PUBLIC_KEY: 'unused',
  });
  return createKafka(`kafka-auth-${service}`, config.kafka.brokers, config.kafka.security);
}

function userKafka(brokers: string, username: string, password: { file: string } | { value: string }): Kafka {
  return createKafka(`kafka-auth-${username}`, [brokers], { sasl: { mechanism: 'scram-sha-512', username, password } });
}

/**
 * The Kafka error code of a failed call (kafkajs' `type`, on the error or the one it wraps), else its class and message
 * (kafkajs keeps only the broker's message when a metadata request fails).
 */
async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    let e: unknown = error;
    while (e && typeof e === 'object') {
      const { type, name, message, originalError } = e as { type?: string; name?: string; message?: string; originalError?: unknown };
      if (type) return type;
      if (!originalError) return `${name ?? 'Error'}: ${message ?? ''}`;
      e = originalError;
    }
    return String(e);
  }
  return 'succeeded';
}

/** TOPIC_AUTHORIZATION_FAILED as kafkajs reports it when the topic's metadata is refused (no Describe either). */
const METADATA_REFUSED = 'KafkaJSNonRetriableError: Not authorized to access topics: [Topic authorization failed]';

const message = (type: string) => ({ key: randomUUID(), value: JSON.stringify({ probe: true }), headers: { 'event-type': type } });

describe('Kafka with SASL/SCRAM and the generated ACLs', () => {
  let env: Record<string, string>;
  let admin: Kafka;
  let harness: ServiceHarness | undefined;

  beforeAll(async () => {
    execFileSync('bash', [SCRIPT, 'up'], { stdio: 'inherit' });
    env = secureEnv();
    const home = join(__dirname, '..', '.local', 'kafka-secure', 'secrets');
    admin = userKafka(env['KAFKA_BROKERS'] ?? '', 'sunshine-admin', { file: join(home, 'sunshine-admin') });
    // Topics are the operator's (Strimzi KafkaTopic in Kubernetes): created here as the admin.
    await ensureTopics(admin, '', ServiceNames.map(deadLetterTopic));
  }, 600000);

  afterAll(async () => {
    await harness?.stopAll();
  });

  it("lets intake's principal publish its own event on the case log", async () => {
    const producer = createOrderedProducer(serviceKafka(env, 'intake'));
    await producer.connect();
    try {
      const [written] = await producer.send({ topic: Topics.caseLog, messages: [message('petition.registered')] });
      expect(written?.errorCode).toBe(0);
    } finally {
      await producer.disconnect();
    }
  });

  it("refuses intake's principal on topics other services own", async () => {
    const producer = createOrderedProducer(serviceKafka(env, 'intake'));
    await producer.connect();
    try {
      expect(await failure(producer.send({ topic: Topics.evaluation, messages: [message('evaluation.report-ready')] }))).toBe(
        'TOPIC_AUTHORIZATION_FAILED',
      );
      expect(await failure(producer.send({ topic: Topics.alerts, messages: [message('alert.early-warning')] }))).toBe(
        'TOPIC_AUTHORIZATION_FAILED',
      );
      expect(await failure(producer.send({ topic: deadLetterTopic('routing'), messages: [message('petition.registered')] }))).toBe(
        METADATA_REFUSED,
      );
    } finally {
      await producer.disconnect();
    }
  });

  it('refuses an authenticated principal without ACLs, and a wrong password', async () => {
    const passwordFile = execFileSync('bash', [SCRIPT, 'add-user', 'sunshine-no-acl'], { encoding: 'utf8' }).trim();
    const nobody = userKafka(env['KAFKA_BROKERS'] ?? '', 'sunshine-no-acl', { file: passwordFile });
    const producer = nobody.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      expect(await failure(producer.send({ topic: Topics.caseLog, messages: [message('petition.registered')] }))).toBe(METADATA_REFUSED);
    } finally {
      await producer.disconnect();
    }
    const wrong = userKafka(env['KAFKA_BROKERS'] ?? '', 'sunshine-intake', { value: 'not-the-password' }).admin();
    expect(await failure(wrong.connect())).toMatch(/^KafkaJSSASLAuthenticationError: SASL SCRAM SHA512 authentication failed/);
    const unknown = userKafka(env['KAFKA_BROKERS'] ?? '', 'sunshine-stranger', { value: 'whatever' }).admin();
    expect(await failure(unknown.connect())).toMatch(/^KafkaJSSASLAuthenticationError: SASL SCRAM SHA512 authentication failed/);
  });

  it('runs routing against the secured broker with its own credentials: it consumes, and its events go out', async () => {
    harness = await ServiceHarness.create({
      KAFKA_BROKERS: env['KAFKA_BROKERS'] ?? '',
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_PASSWORD_FILE_ROUTING: env['KAFKA_SASL_PASSWORD_FILE_ROUTING'] ?? '',
    });
    // Ready only once its consumer has joined group `routing` and subscribed (SASL, Describe, Read, the group's ACL).
    await harness.start('routing');
    // The seed writes the directory; routing's outbox relay publishes each unit's snapshot on the org directory.
    await harness.runCli('apps/routing/src/seed/seed.js', ['--fixture', 'demo']);
    // This run's snapshots: signed by routing's own event key of this run (docs/security.md §8; the ACLs decide the topic,
    // the signature the producer). The broker is kept between runs: earlier runs' snapshots carry other keys, or none.
    const verifier = EventVerifier.fromDir(harness.keys.eventKeysDir);
    const signedByRouting = (m: ReadMessage): boolean => {
      try {
        return (
          verifier.verify({ topic: Topics.orgDirectory, key: m.key ?? '', value: m.value ?? '' }, m.headers, { producer: 'routing' }) ===
          'routing'
        );
      } catch {
        return false;
      }
    };
    const snapshots = await eventually(
      async () => {
        const read = (await readTopic(admin, Topics.orgDirectory)).filter(signedByRouting);
        return read.length > 0 ? read : undefined;
      },
      60000,
      'unit snapshots on the org directory, signed by routing',
    );
    expect(snapshots[0]?.headers['event-type']).toBe('org.unit-snapshot');
    const ready = (await (await fetch(`${harness.url('routing')}/health/ready`)).json()) as {
      details: { messaging: { consumer: { state: string; groupId: string } } };
    };
    expect(ready.details.messaging.consumer).toMatchObject({ state: 'consuming', groupId: 'routing' });
  });
});
