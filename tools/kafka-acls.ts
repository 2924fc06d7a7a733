/**
 * 消息访问控制 The Kafka ACL table, derived from what the code declares: each service's principal (`User:sunshine-<service>`,
 * SCRAM-SHA-512) may write the topics whose events it publishes (EventCatalog's producers), read the topics its
 * replicas consume (each service's CONSUMED_TOPICS, read from its preview application), use its own consumer group
 * and dead-letter topic, and describe the platform's topics (start-up checks they exist and have leaders). Nothing else.
 *
 *   npm run kafka-acls                 writes deploy/kafka-acls.json (read by deploy/k8s/generate.py for the Strimzi
 *                                      KafkaUser resources, and by the secured-broker test to apply the bindings)
 *   npm run kafka-acls -- --check      exits 1 if the committed table is not what it would write
 *   npm run kafka-acls -- --print      prints the bindings as `kafka-acls.sh` commands
 *
 * tools/kafka-acls.spec.ts runs the check in the unit tests.
 */
import { resolve } from 'node:path';

import { deadLetterTopic, EventCatalog, type ProducerName, type TopicName, TopicSpecs } from '@sunshine/contracts';
import { CONSUMED_TOPICS, type ServiceName, ServiceNames } from '@sunshine/platform';

import { type GeneratedDoc, runTool, writeOrCheck } from './generated-docs';

export const KAFKA_ACLS_DOC: GeneratedDoc = {
  path: resolve(__dirname, '..', 'deploy', 'kafka-acls.json'),
  command: 'npm run kafka-acls',
};

/** Kafka's operation names (as kafka-acls.sh and Strimzi spell them). */
export type AclOperation = 'Read' | 'Write' | 'Describe';

export interface AclRule {
  readonly resourceType: 'topic' | 'group';
  readonly name: string;
  readonly patternType: 'literal' | 'prefix';
  readonly operations: readonly AclOperation[];
}

export interface KafkaUserAcls {
  readonly service: ServiceName;
  /** The SCRAM user name; the broker's principal is `User:<username>`. */
  readonly username: string;
  readonly acls: readonly AclRule[];
}

export interface KafkaAclTable {
  readonly generatedBy: string;
  readonly mechanism: 'SCRAM-SHA-512';
  readonly users: readonly KafkaUserAcls[];
}

/** The throw-away consumer groups of readTopic (libs/platform topic-reader: the relay's recovery reads what it wrote). */
export const READER_GROUP_PREFIX = 'sunshine-reader-';

/** The SCRAM user of a service (the same name as its Redis ACL user and its identity-provider client). */
export function kafkaUsername(service: ServiceName): string {
  return `sunshine-${service}`;
}

const OPERATION_ORDER: readonly AclOperation[] = ['Describe', 'Read', 'Write'];

/** The topics whose events `service` publishes, in TopicSpecs' order. */
export function producedTopics(service: ProducerName): TopicName[] {
  const produced = new Set<string>(
    Object.values(EventCatalog)
      .filter((d) => d.producer === service)
      .map((d) => d.topic),
  );
  return TopicSpecs.map((s) => s.name).filter((name) => produced.has(name));
}

/** One service's rules from what it publishes and consumes. */
export function serviceAcls(service: ServiceName, consumed: readonly TopicName[]): KafkaUserAcls {
  const produced = producedTopics(service);
  const topicRule = (name: TopicName): AclRule => {
    const ops = new Set<AclOperation>(['Describe']);
    // Read on its own topics too: the outbox relay's recovery reads back what an unfinished batch had written.
    if (produced.includes(name)) ops.add('Write').add('Read');
    if (consumed.includes(name)) ops.add('Read');
    return { resourceType: 'topic', name, patternType: 'literal', operations: OPERATION_ORDER.filter((o) => ops.has(o)) };
  };
  return {
    service,
    username: kafkaUsername(service),
    acls: [
      ...TopicSpecs.map((s) => topicRule(s.name)),
      { resourceType: 'topic', name: deadLetterTopic(service), patternType: 'literal', operations: ['Describe', 'Read', 'Write'] },
      { resourceType: 'group', name: service, patternType: 'literal', operations: ['Describe', 'Read'] },
      { resourceType: 'group', name: READER_GROUP_PREFIX, patternType: 'prefix', operations: ['Read'] },
    ],
  };
}

/** The table from the services' consumed topics (as their applications declare them). */
export function buildKafkaAclTable(consumed: Readonly<Record<ServiceName, readonly TopicName[]>>): KafkaAclTable {
  return {
    generatedBy: `${KAFKA_ACLS_DOC.command} (tools/kafka-acls.ts)`,
    mechanism: 'SCRAM-SHA-512',
    users: ServiceNames.map((s) => serviceAcls(s, consumed[s])),
  };
}

/** Each service's CONSUMED_TOPICS, read from its preview application (nothing connects). */
export async function consumedTopicsOfServices(): Promise<Record<ServiceName, readonly TopicName[]>> {
  const { SERVICE_APPS, withPreviewApp } = await import('./service-apps');
  const out: Partial<Record<ServiceName, readonly TopicName[]>> = {};
  for (const app of SERVICE_APPS) {
    out[app.service] = await withPreviewApp(app, (a) => a.get<symbol, readonly TopicName[]>(CONSUMED_TOPICS, { strict: false }));
  }
  return out as Record<ServiceName, readonly TopicName[]>;
}

export function renderKafkaAclTable(table: KafkaAclTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}

/** The bindings as `kafka-acls.sh` commands (bootstrap server and admin client config left to the operator). */
export function kafkaAclsCommands(table: KafkaAclTable): string[] {
  return table.users.flatMap((user) =>
    user.acls.map(
      (rule) =>
        `kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add --allow-principal User:${user.username} ` +
        `${rule.operations.map((o) => `--operation ${o}`).join(' ')} --${rule.resourceType} ${rule.name} ` +
        `--resource-pattern-type ${rule.patternType === 'prefix' ? 'prefixed' : 'literal'}`,
    ),
  );
}

if (require.main === module) {
  runTool(async () => {
    const table = buildKafkaAclTable(await consumedTopicsOfServices());
    if (process.argv.includes('--print')) {
      process.stdout.write(`${kafkaAclsCommands(table).join('\n')}\n`);
      return;
    }
    await writeOrCheck([{ doc: KAFKA_ACLS_DOC, render: () => renderKafkaAclTable(table), summary: () => `${table.users.length} users` }]);
  });
}
