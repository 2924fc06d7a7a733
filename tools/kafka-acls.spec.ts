import { expectCommitted } from './generated-docs';
import {
  buildKafkaAclTable,
  consumedTopicsOfServices,
  KAFKA_ACLS_ARGS_DOC,
  KAFKA_ACLS_DOC,
  kafkaAclsCommands,
  renderKafkaAclsArguments,
  renderKafkaAclTable,
} from './kafka-acls';

describe('Kafka ACL table (deploy/kafka-acls.json)', () => {
  let table: ReturnType<typeof buildKafkaAclTable>;
  beforeAll(async () => {
    table = buildKafkaAclTable(await consumedTopicsOfServices());
  }, 60000);

  const ops = (service: string, name: string): readonly string[] | undefined =>
    table.users.find((u) => u.service === service)?.acls.find((a) => a.name === name)?.operations;
  const writable = (service: string): string[] =>
    (table.users.find((u) => u.service === service)?.acls ?? []).filter((a) => a.operations.includes('Write')).map((a) => a.name);

  it('is exactly what tools/kafka-acls.ts derives from the contracts and the services now', () => {
    expectCommitted(KAFKA_ACLS_DOC, renderKafkaAclTable(table));
    expectCommitted(KAFKA_ACLS_ARGS_DOC, renderKafkaAclsArguments(table));
  });

  it('lets each service write only the topics it publishes on, and its own dead-letter topic', () => {
    expect(writable('intake')).toEqual(['sunshine.case-log', 'sunshine.dlq.intake']);
    expect(writable('routing')).toEqual(['sunshine.case-log', 'sunshine.org-directory', 'sunshine.reference-data', 'sunshine.dlq.routing']);
    expect(writable('supervision')).toEqual([
      'sunshine.case-log',
      'sunshine.reference-data',
      'sunshine.alerts',
      'sunshine.dlq.supervision',
    ]);
    expect(writable('notification')).toEqual(['sunshine.case-log', 'sunshine.dlq.notification']);
    expect(writable('evaluation')).toEqual(['sunshine.evaluation', 'sunshine.dlq.evaluation']);
  });

  it('lets a service read what it consumes, and only describe the rest', () => {
    expect(ops('notification', 'sunshine.alerts')).toEqual(['Describe', 'Read']);
    expect(ops('notification', 'sunshine.evaluation')).toEqual(['Describe', 'Read']);
    expect(ops('intake', 'sunshine.alerts')).toEqual(['Describe']);
    expect(ops('intake', 'sunshine.org-directory')).toEqual(['Describe', 'Read']);
    expect(ops('evaluation', 'sunshine.alerts')).toEqual(['Describe']);
    expect(ops('intake', 'sunshine.dlq.routing')).toBeUndefined();
    expect(ops('intake', 'intake')).toEqual(['Describe', 'Read']);
    expect(ops('intake', 'routing')).toBeUndefined();
  });

  it('prints kafka-acls.sh commands', () => {
    expect(kafkaAclsCommands(table)[0]).toBe(
      'kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add --allow-principal User:sunshine-intake ' +
        '--operation Describe --operation Read --operation Write --topic sunshine.case-log --resource-pattern-type literal',
    );
  });
});
