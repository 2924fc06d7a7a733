/**
 * Generates the AsyncAPI 3 document of the platform's events from the contracts (EventCatalog, envelope, topics):
 *
 *   npm run asyncapi              writes docs/asyncapi.json
 *   npm run asyncapi -- --check   exits 1 if docs/asyncapi.json is not what it would write
 *
 * tools/asyncapi.spec.ts runs the check in the unit tests, so CI catches a schema changed without regenerating.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  deadLetterTopic,
  envelopeSchema,
  EventCatalog,
  type EventDefinition,
  type ProducerName,
  type TopicKey,
  type TopicName,
  Topics,
  TopicSpecs,
} from '@sunshine/contracts';
import { z } from 'zod';

import { type GeneratedDoc, type Json, runTool, writeOrCheck } from './generated-docs';

export const ASYNCAPI_DOC: GeneratedDoc = {
  path: resolve(__dirname, '..', 'docs', 'asyncapi.json'),
  command: 'npm run asyncapi',
};

type JsonObject = { [key: string]: Json };

const PAYLOAD_FORMAT = 'application/schema+json;version=draft-07';
const KAFKA_BINDING = '0.5.0';

const TOPIC_DESCRIPTIONS: Record<TopicName, string> = {
  [Topics.caseLog]:
    'Every event about one case, from every service, keyed by case id: one order per case for every consumer (一案一册). ' +
    'The partition count is fixed at creation and never changed (the key → partition mapping must not move).',
  [Topics.orgDirectory]:
    "The organisation directory, keyed by unit id, compacted: each record is the unit's full snapshot (never a delta), " +
    'a tombstone when it is retired.',
  [Topics.referenceData]:
    'City-wide reference data every service counts and routes with, keyed `<kind>:<id>`, compacted: each record is the ' +
    "item's full snapshot with a revision that only grows (a replica keeps the highest): holiday arrangements " +
    '(calendar-year:<year>), deadline policies (deadline-policy:<id>), the routing rule set in force (routing-rule-set:active), ' +
    'the category code table (category-table:<id>).',
  [Topics.alerts]:
    'Early warnings about a territory rather than one case (hot spots, sensitive-period thresholds), keyed by division code.',
  [Topics.evaluation]: 'Evaluation results (staff flagged, ranking published, report ready), keyed by unit id or period.',
};

const KEY_SCHEMAS: Record<TopicName, JsonObject> = {
  [Topics.caseLog]: { type: 'string', format: 'uuid', description: 'The case id.' },
  [Topics.orgDirectory]: { type: 'string', description: 'The unit id.' },
  [Topics.referenceData]: { type: 'string', pattern: '^[a-z-]+:[^:]+$', description: '`<kind>:<id>`, e.g. calendar-year:2027.' },
  [Topics.alerts]: { type: 'string', description: 'The division code.' },
  [Topics.evaluation]: { type: 'string', description: 'The unit id or the period.' },
};

/** Headers the outbox relay puts on every message (copied from the envelope, for routing without parsing). */
const MESSAGE_HEADERS: JsonObject = {
  type: 'object',
  properties: {
    'event-id': { type: 'string', format: 'uuid', description: 'The envelope id (UUIDv7).' },
    'event-type': { type: 'string', description: 'The envelope type.' },
    'event-version': { type: 'string', pattern: '^[1-9][0-9]*$', description: 'The payload schema version.' },
    producer: { type: 'string', description: 'The producing service.' },
    'correlation-id': { type: 'string', description: 'The envelope correlation id.' },
  },
  required: ['event-id', 'event-type', 'event-version', 'producer', 'correlation-id'],
};

const DEAD_LETTER_HEADERS: JsonObject = {
  type: 'object',
  description: "The original message's headers, plus:",
  properties: {
    'dlq-id': { type: 'string', format: 'uuid', description: 'The dead letter id (ops: tools/dlq.ts show|replay|discard <id>).' },
    'dlq-error': { type: 'string', maxLength: 2000, description: "The handler's last error." },
    'dlq-attempts': { type: 'string', pattern: '^[0-9]+$', description: 'How many times the handler was tried.' },
    'dlq-original-topic': { type: 'string' },
    'dlq-original-partition': { type: 'string', pattern: '^[0-9]+$' },
    'dlq-original-offset': { type: 'string', pattern: '^[0-9]+$' },
  },
  required: ['dlq-id', 'dlq-error', 'dlq-attempts', 'dlq-original-topic', 'dlq-original-partition', 'dlq-original-offset'],
};

function channelId(topic: TopicName): TopicKey {
  const entry = (Object.entries(Topics) as Array<[TopicKey, TopicName]>).find(([, name]) => name === topic);
  if (!entry) throw new Error(`topic ${topic} is not in Topics`);
  return entry[0];
}

/**
 * What travels is what the producer wrote (validated, not transformed): the input side of the schemas. It also leaves
 * objects open (no `additionalProperties: false`), as consumers ignore fields they do not know.
 */
function toJsonSchema(schema: z.ZodType): JsonObject {
  const out = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'ref',
  }) as JsonObject;
  delete out['$schema'];
  return out;
}

/** The envelope of one event type: type and version fixed, the type's payload schema in place of `payload`. */
function eventSchema(type: string, definition: EventDefinition): JsonObject {
  return toJsonSchema(
    envelopeSchema.extend({ type: z.literal(type), version: z.literal(definition.version), payload: definition.payload }),
  );
}

function topicBinding(topic: TopicName): JsonObject {
  const spec = TopicSpecs.find((s) => s.name === topic);
  if (!spec) throw new Error(`topic ${topic} has no spec`);
  const configuration: JsonObject = {};
  for (const [name, value] of Object.entries(spec.config)) {
    configuration[name] = name === 'cleanup.policy' ? value.split(',') : /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return { kafka: { topic, partitions: spec.partitions, topicConfiguration: configuration, bindingVersion: KAFKA_BINDING } };
}

/** Builds the document; the same contracts always give the same document (no dates, catalogue order). */
export function buildAsyncApiDocument(): JsonObject {
  const version = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const catalog = Object.entries(EventCatalog) as Array<[string, EventDefinition]>;

  const messages: JsonObject = {};
  for (const [type, definition] of catalog) {
    messages[type] = {
      name: type,
      title: type,
      summary: `${type} v${definition.version}, produced by ${definition.producer} on ${definition.topic}.`,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/messageHeaders' },
      payload: { schemaFormat: PAYLOAD_FORMAT, schema: eventSchema(type, definition) },
      correlationId: { location: '$message.payload#/correlationId', description: 'Shared by every event of one chain of causes.' },
      bindings: { kafka: { key: KEY_SCHEMAS[definition.topic], bindingVersion: KAFKA_BINDING } },
      'x-event-version': definition.version,
      'x-producer': definition.producer,
    };
  }
  messages['deadLetter'] = {
    name: 'deadLetter',
    title: 'Dead letter',
    summary: 'A message whose handler kept failing after bounded retries: the original key and value, its headers, the error and attempts.',
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/deadLetterHeaders' },
    payload: {
      schemaFormat: PAYLOAD_FORMAT,
      schema: { description: 'The original message value, as it was consumed (an event envelope, or whatever failed to decode).' },
    },
    bindings: { kafka: { key: { type: 'string', description: "The original message's key." }, bindingVersion: KAFKA_BINDING } },
  };

  const channels: JsonObject = {};
  for (const spec of TopicSpecs) {
    const channelMessages: JsonObject = {};
    for (const [type, definition] of catalog) {
      if (definition.topic === spec.name) channelMessages[type] = { $ref: `#/components/messages/${type}` };
    }
    channels[channelId(spec.name)] = {
      address: spec.name,
      title: spec.name,
      description: TOPIC_DESCRIPTIONS[spec.name],
      messages: channelMessages,
      bindings: topicBinding(spec.name),
    };
  }
  channels['deadLetters'] = {
    address: deadLetterTopic('{consumerGroup}'),
    title: deadLetterTopic('<consumer group>'),
    description:
      'One dead-letter topic per consumer group (= service). While a dead letter is parked, later messages of its key wait for that ' +
      'consumer only; ops replay or discard it through /ops/messaging (tools/dlq.ts).',
    parameters: { consumerGroup: { description: 'The consuming service (its consumer group).' } },
    messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
  };

  const operations: JsonObject = {};
  const producers = [...new Set(catalog.map(([, d]) => d.producer))] as ProducerName[];
  for (const producer of producers) {
    for (const spec of TopicSpecs) {
      const types = catalog.filter(([, d]) => d.producer === producer && d.topic === spec.name).map(([type]) => type);
      if (types.length === 0) continue;
      const channel = channelId(spec.name);
      operations[`${producer}.send.${channel}`] = {
        action: 'send',
        title: `${producer} publishes to ${spec.name}`,
        summary:
          "Written to the outbox in the state change's transaction, published in order by the single active relay (key = " +
          `${spec.name === Topics.caseLog ? 'case id' : spec.name === Topics.referenceData ? '<kind>:<id>' : 'unit id'}, idempotent producer, acks from all replicas).`,
        channel: { $ref: `#/channels/${channel}` },
        messages: types.map((type) => ({ $ref: `#/channels/${channel}/messages/${type}` })),
      };
    }
  }
  operations['consumer.send.deadLetters'] = {
    action: 'send',
    title: 'Every consumer group dead-letters to its own topic',
    channel: { $ref: '#/channels/deadLetters' },
    messages: [{ $ref: '#/channels/deadLetters/messages/deadLetter' }],
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Sunshine 阳光信访 — events',
      version,
      description:
        'Generated from libs/contracts by tools/asyncapi.ts: do not edit by hand. Every message is an event envelope (id UUIDv7, ' +
        'type, version, occurredAt UTC, producer, caseId, jurisdiction, actor, correlationId, causationId, payload). ' +
        'Consumers skip unknown types and newer versions; events carry references only, never personal data or petition text.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local broker of deploy/local/infra.sh (topics prefixed per test run).',
      },
    },
    channels,
    operations,
    components: {
      schemas: { messageHeaders: MESSAGE_HEADERS, deadLetterHeaders: DEAD_LETTER_HEADERS },
      messages,
    },
  };
}

/** The file's exact text. */
export function renderAsyncApi(document: JsonObject = buildAsyncApiDocument()): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  runTool(() =>
    writeOrCheck([{ doc: ASYNCAPI_DOC, render: () => renderAsyncApi(), summary: () => `${Object.keys(EventCatalog).length} event types` }]),
  );
}
