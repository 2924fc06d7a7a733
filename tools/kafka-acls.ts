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
 *   npm run kafka-acls -- --apply      applies the committed table to KAFKA_BROKERS as KAFKA_ADMIN_USERNAME (password in
 *                                      KAFKA_ADMIN_PASSWORD_FILE): every binding added, any other binding of those
 *                                      users removed (deploy/local/kafka-secure.sh runs it)
 *
 * tools/kafka-acls.spec.ts runs the check in the unit tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { deadLetterTopic, EventCatalog, type ProducerName, type TopicName, TopicSpecs } from '@sunshine/contracts';
import { CONSUMED_TOPICS, createKafka, type ServiceName, ServiceNames } from '@sunshine/platform';
import { type AclEntry, AclOperationTypes, AclPermissionTypes, AclResourceTypes, type Admin, ResourcePatternTypes } from 'kafkajs';

import { type GeneratedDoc, runTool, writeOrCheck } from './generated-docs';

export const KAFKA_ACLS_DOC: GeneratedDoc = {
  path: resolve(__dirname, '..', 'deploy', 'kafka-acls.json'),
  command: 'npm run kafka-acls',
};

/** The same bindings as `kafka-acls.sh` arguments, one binding a line: what the Compose broker applies (no JSON reader there). */
export const KAFKA_ACLS_ARGS_DOC: GeneratedDoc = {
  path: resolve(__dirname, '..', 'deploy', 'docker', 'kafka-acls.args'),
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

/** Each binding's `kafka-acls.sh --add` arguments. */
export function kafkaAclsArguments(table: KafkaAclTable): string[] {
  return table.users.flatMap((user) =>
    user.acls.map(
      (rule) =>
        `--add --allow-principal User:${user.username} ${rule.operations.map((o) => `--operation ${o}`).join(' ')} ` +
        `--${rule.resourceType} ${rule.name} --resource-pattern-type ${rule.patternType === 'prefix' ? 'prefixed' : 'literal'}`,
    ),
  );
}

/** The bindings as `kafka-acls.sh` commands (bootstrap server and admin client config left to the operator). */
export function kafkaAclsCommands(table: KafkaAclTable): string[] {
  return kafkaAclsArguments(table).map((args) => `kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" ${args}`);
}

/**
 * The Compose broker's setup: `topic <kafka-topics.sh arguments>` lines (the platform's topics and every dead-letter
 * topic, created by the admin: no service may create topics) and `acl <kafka-acls.sh arguments>` lines.
 */
export function renderKafkaAclsArguments(table: KafkaAclTable): string {
  const header = `# Generated by ${KAFKA_ACLS_DOC.command} from TopicSpecs and the table of deploy/kafka-acls.json -- do not edit.`;
  const topics = [
    ...TopicSpecs.map((t) => ({ name: t.name, partitions: t.partitions, config: t.config })),
    ...table.users.map((u) => ({ name: deadLetterTopic(u.service), partitions: 3, config: { 'retention.ms': '-1' } })),
  ].map(
    (t) =>
      `topic --create --if-not-exists --topic ${t.name} --partitions ${t.partitions}` +
      Object.entries(t.config)
        .map(([k, v]) => ` --config ${k}=${v}`)
        .join(''),
  );
  return `${header}\n${[...topics, ...kafkaAclsArguments(table).map((a) => `acl ${a}`)].join('\n')}\n`;
}

/** The committed table (what a broker is given). */
export function committedKafkaAclTable(): KafkaAclTable {
  return JSON.parse(readFileSync(KAFKA_ACLS_DOC.path, 'utf8')) as KafkaAclTable;
}

const OPERATION: Record<AclOperation, AclOperationTypes> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Describe: AclOperationTypes.DESCRIBE,
};

/** The table as broker bindings: one ALLOW per user, resource and operation, from any host. */
export function aclBindings(table: KafkaAclTable): AclEntry[] {
  return table.users.flatMap((user) =>
    user.acls.flatMap((rule) =>
      rule.operations.map((operation) => ({
        resourceType: rule.resourceType === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
        resourceName: rule.name,
        resourcePatternType: rule.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
        principal: `User:${user.username}`,
        host: '*',
        operation: OPERATION[operation],
        permissionType: AclPermissionTypes.ALLOW,
      })),
    ),
  );
}

const bindingKey = (a: AclEntry): string =>
  [a.principal, a.resourceType, a.resourceName, a.resourcePatternType, a.host, a.operation, a.permissionType].join('|');

/** Makes the table's users hold exactly its bindings: adds the missing ones, deletes any other of theirs. */
export async function applyKafkaAcls(admin: Admin, table: KafkaAclTable): Promise<{ added: number; removed: number }> {
  const wanted = aclBindings(table);
  const wantedKeys = new Set(wanted.map(bindingKey));
  const stale: AclEntry[] = [];
  for (const user of table.users) {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      principal: `User:${user.username}`,
      host: '*',
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    for (const r of resources) {
      for (const a of r.acls) {
        const binding = { ...a, resourceType: r.resourceType, resourceName: r.resourceName, resourcePatternType: r.resourcePatternType };
        if (!wantedKeys.has(bindingKey(binding))) stale.push(binding);
      }
    }
  }
  await admin.createAcls({ acl: wanted });
  if (stale.length > 0) await admin.deleteAcls({ filters: stale });
  return { added: wanted.length, removed: stale.length };
}

async function applyCommitted(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  const username = process.env['KAFKA_ADMIN_USERNAME'];
  const passwordFile = process.env['KAFKA_ADMIN_PASSWORD_FILE'];
  if (brokers.length === 0 || !username || !passwordFile)
    throw new Error('--apply needs KAFKA_BROKERS, KAFKA_ADMIN_USERNAME, KAFKA_ADMIN_PASSWORD_FILE');
  const kafka = createKafka('sunshine-kafka-acls', brokers, {
    sasl: { mechanism: 'scram-sha-512', username, password: { file: passwordFile } },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { added, removed } = await applyKafkaAcls(admin, committedKafkaAclTable());
    process.stdout.write(`kafka-acls: ${added} bindings in force, ${removed} stale removed\n`);
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) {
  runTool(async () => {
    if (process.argv.includes('--apply')) return applyCommitted();
    const table = buildKafkaAclTable(await consumedTopicsOfServices());
    if (process.argv.includes('--print')) {
      process.stdout.write(`${kafkaAclsCommands(table).join('\n')}\n`);
      return;
    }
    await writeOrCheck([
      { doc: KAFKA_ACLS_DOC, render: () => renderKafkaAclTable(table), summary: () => `${table.users.length} users` },
      {
        doc: KAFKA_ACLS_ARGS_DOC,
        render: () => renderKafkaAclsArguments(table),
        summary: () => `${kafkaAclsArguments(table).length} bindings`,
      },
    ]);
  });
}
