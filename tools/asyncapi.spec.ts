import { EventCatalog, TopicSpecs } from '@sunshine/contracts';

import { ASYNCAPI_DOC, buildAsyncApiDocument, renderAsyncApi } from './asyncapi';
import { expectCommitted, type Json, refsOf } from './generated-docs';

function resolvePointer(document: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = document;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
  }
  return node;
}

describe('AsyncAPI document (docs/asyncapi.json)', () => {
  it('is exactly what tools/asyncapi.ts generates from the contracts now', () => {
    expectCommitted(ASYNCAPI_DOC, renderAsyncApi());
  });

  it('documents every event type on its topic, with its version and payload schema', () => {
    const doc = buildAsyncApiDocument() as { [key: string]: Json };
    const components = doc['components'] as { messages: Record<string, { payload: { schema: { properties: Record<string, Json> } } }> };
    for (const [type, definition] of Object.entries(EventCatalog)) {
      const message = components.messages[type];
      expect(message).toBeDefined();
      expect(message?.payload.schema.properties['type']).toMatchObject({ const: type });
      expect(message?.payload.schema.properties['version']).toMatchObject({ const: definition.version });
      expect(message?.payload.schema.properties['payload']).toBeDefined();
    }
    const channels = doc['channels'] as Record<string, { address: string; messages: Record<string, Json> }>;
    expect(Object.values(channels).map((c) => c.address)).toEqual([...TopicSpecs.map((s) => s.name), 'sunshine.dlq.{consumerGroup}']);
    const onChannels = Object.values(channels).flatMap((c) => Object.keys(c.messages));
    expect(onChannels.sort()).toEqual([...Object.keys(EventCatalog), 'deadLetter'].sort());
  });

  it('is a well-formed AsyncAPI 3 document: every $ref resolves, operations send messages of their own channel', () => {
    const doc = buildAsyncApiDocument() as { [key: string]: Json };
    expect(doc['asyncapi']).toBe('3.0.0');
    const unresolved = refsOf(doc).filter((ref) => resolvePointer(doc, ref) === undefined);
    expect(unresolved).toEqual([]);
    const operations = doc['operations'] as Record<
      string,
      { action: string; channel: { $ref: string }; messages: Array<{ $ref: string }> }
    >;
    for (const op of Object.values(operations)) {
      expect(['send', 'receive']).toContain(op.action);
      for (const m of op.messages) expect(m.$ref.startsWith(`${op.channel.$ref}/messages/`)).toBe(true);
    }
  });
});
