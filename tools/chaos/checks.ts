import { type AnyEvent, Topics } from '@sunshine/contracts';
import { createKafka, readTopic } from '@sunshine/platform';
import { infraEnv } from '@sunshine/testing';

import type { BenchStack } from '../bench/pipeline/stack';

/** How many times each case shows somewhere (0 = lost, 2+ = duplicated). */
export type Counts = Map<string, number>;

/** `case.dispatched` events per case on the whole case log (read from the start: the topic is the truth). */
export async function dispatchedOnTopic(stack: BenchStack): Promise<{ counts: Counts; target: Map<string, string> }> {
  const kafka = createKafka('chaos-check', infraEnv().kafkaBrokers);
  const messages = await readTopic(kafka, stack.topic(Topics.caseLog), undefined, 60000);
  const counts: Counts = new Map();
  const target = new Map<string, string>();
  for (const m of messages) {
    const e = JSON.parse(m.value ?? 'null') as AnyEvent | null;
    if (e?.type !== 'case.dispatched' || !e.caseId) continue;
    counts.set(e.caseId, (counts.get(e.caseId) ?? 0) + 1);
    if (!target.has(e.caseId)) target.set(e.caseId, (e.payload as { toUnitId: string }).toUnitId);
  }
  return { counts, target };
}

async function pages(url: (offset: number) => string, token: string, pageSize: number): Promise<string[] | null> {
  const ids: string[] = [];
  for (let offset = 0; offset < 100000; offset += pageSize) {
    const res = await fetch(url(offset), { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    if (res?.status !== 200) return null;
    const body = (await res.json()) as { items: Array<{ caseId: string }> };
    ids.push(...body.items.map((i) => i.caseId));
    if (body.items.length < pageSize) return ids;
  }
  return ids;
}

/** Each target unit's inbox (routing, unit scope), every page: how often each case shows. Null when routing does not answer. */
export async function inInboxes(stack: BenchStack, units: Iterable<string>): Promise<Counts | null> {
  const counts: Counts = new Map();
  for (const unit of new Set(units)) {
    const token = await stack.token({ sub: `chaos-${unit}`, unit, division: unit.slice(0, 12), roles: ['handler', 'clerk'] });
    const ids = await pages(
      (o) => `${stack.url('routing')}/inbox?scope=unit&sort=registeredAt&order=asc&limit=200&offset=${o}`,
      token,
      200,
    );
    if (!ids) return null;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The city view (supervision `GET /cases`) of 新乡市信访局, every page. Null when supervision does not answer. */
export async function inCityView(stack: BenchStack): Promise<Counts | null> {
  const token = await stack.token({
    sub: 'chaos-city',
    unit: '410700000000:petition-bureau',
    division: '410700000000',
    roles: ['supervisor', 'leader'],
  });
  const ids = await pages((o) => `${stack.url('supervision')}/cases?limit=500&offset=${o}`, token, 500);
  if (!ids) return null;
  const counts: Counts = new Map();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export interface Verdict {
  readonly lost: { dispatched: number; inbox: number; city: number };
  readonly duplicated: { dispatched: number; inbox: number; city: number };
  /** Every case is dispatched once, in its inbox once, in the city view once. */
  readonly whole: boolean;
}

/** Checks every accepted case against the topic, the inboxes and the city view. */
export async function verify(stack: BenchStack, accepted: readonly string[]): Promise<Verdict> {
  const { counts: dispatched, target } = await dispatchedOnTopic(stack);
  const inbox =
    (await inInboxes(
      stack,
      accepted.flatMap((c) => (target.has(c) ? [target.get(c) ?? ''] : [])),
    )) ?? new Map<string, number>();
  const city = (await inCityView(stack)) ?? new Map<string, number>();
  const lost = (m: Counts) => accepted.filter((c) => (m.get(c) ?? 0) === 0).length;
  const dup = (m: Counts) => accepted.filter((c) => (m.get(c) ?? 0) > 1).length;
  const verdict = {
    lost: { dispatched: lost(dispatched), inbox: lost(inbox), city: lost(city) },
    duplicated: { dispatched: dup(dispatched), inbox: dup(inbox), city: dup(city) },
  };
  const whole = Object.values(verdict.lost).every((n) => n === 0) && Object.values(verdict.duplicated).every((n) => n === 0);
  return { ...verdict, whole };
}
