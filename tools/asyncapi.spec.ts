import { EventCatalog, TopicSpecs } from '@sunshine/contracts';
import { readFileSync } from 'node:fs';
import { ASYNCAPI_PATH, buildAsyncApiDocument, renderAsyncApi } from './asyncapi';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function refs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

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
    const expected = renderAsyncApi();
    let current = '';
    try {
      current = readFileSync(ASYNCAPI_PATH, 'utf8');
    } catch {
      // missing
    }
    if (current !== expected) {
      const a = current.split('\n');
      const b = expected.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `docs/asyncapi.json is out of date (first difference at line ${line + 1}: ${JSON.stringify(a[line] ?? '')} ≠ ${JSON.stringify(b[line] ?? '')}); ` +
          'regenerate it: node -r @swc-node/register tools/asyncapi.ts',
      );
    }
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
    const unresolved = refs(doc).filter((ref) => resolvePointer(doc, ref) === undefined);
    expect(unresolved).toEqual([]);
    const operations = doc['operations'] as Record<string, { action: string; channel: { $ref: string }; messages: Array<{ $ref: string }> }>;
    for (const op of Object.values(operations)) {
      expect(['send', 'receive']).toContain(op.action);
      for (const m of op.messages) expect(m.$ref.startsWith(`${op.channel.$ref}/messages/`)).toBe(true);
    }
  });
});
