import { caseStatusSchema, stageSchema } from '@sunshine/contracts';
import { arrayContainsSql, isoInstantSchema, type VisibilitySql } from '@sunshine/platform';
import { z } from 'zod';

export const inboxQuerySchema = z.object({
  /** unit: the cases my unit holds or held; territory: every case the visibility rule shows an overseer (DESIGN §3). */
  scope: z.enum(['unit', 'territory']).default('unit'),
  /** all (default): every case my unit holds, held or assists on; held: holds or held (主办); assisting: assists on (协办). */
  relation: z.enum(['all', 'held', 'assisting']).default('all'),
  status: caseStatusSchema.optional(),
  stage: stageSchema.optional(),
  category: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,47}$/)
    .optional(),
  type: z.enum(['suggestion', 'accusation', 'claim']).optional(),
  holding: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  dueBefore: isoInstantSchema.optional(),
  dueAfter: isoInstantSchema.optional(),
  sort: z.enum(['updatedAt', 'dueAt', 'registeredAt', 'caseNumber']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

const SORT_COLUMNS: Record<InboxQuery['sort'], string> = {
  updatedAt: 'c.updated_at',
  dueAt: 'c.due_at',
  registeredAt: 'c.registered_at',
  caseNumber: 'c.case_number',
};

/** The first parameter number of the visibility condition (it comes first; the inbox's own parameters follow). */
export const INBOX_VISIBILITY_FROM = 1;

export interface InboxSql {
  /** WHERE over `case_replica c` without the status filter (for the counts per status). */
  readonly scoped: string;
  /** WHERE with every filter. */
  readonly filtered: string;
  readonly params: unknown[];
  readonly orderBy: string;
}

/**
 * The inbox as SQL over `case_replica c`: the one visibility rule first (`visibility`, numbered from
 * INBOX_VISIBILITY_FROM), narrowed for the unit scope to the cases the unit holds or held (or assists on); the
 * territory scope is what the rule shows. Then the filters; the unit is a parameter only where a condition names it.
 */
export function inboxSql(unitId: string, visibility: VisibilitySql, q: InboxQuery): InboxSql {
  const params: unknown[] = [...visibility.params];
  const add = (value: unknown): string => `$${params.push(value)}`;
  let unitParam: string | undefined;
  const unit = (): string => (unitParam ??= add(unitId));
  const parts = [`(${visibility.visible})`];
  if (q.scope === 'unit') {
    const held = arrayContainsSql('c', 'held_by', unit());
    const assisting = `c.state->'assistingUnitIds' @> jsonb_build_array(${unit()}::text)`;
    parts.push(q.relation === 'held' ? held : q.relation === 'assisting' ? assisting : `(${held} OR ${assisting})`);
  }
  if (q.stage) parts.push(`c.stage = ${add(q.stage)}`);
  if (q.category) parts.push(`c.category = ${add(q.category)}`);
  if (q.type) parts.push(`c.type = ${add(q.type)}`);
  if (q.holding !== undefined) parts.push(`(c.holding_unit_id = ${unit()}) = ${add(q.holding)}`);
  if (q.dueBefore) parts.push(`c.due_at < ${add(q.dueBefore)}`);
  if (q.dueAfter) parts.push(`c.due_at >= ${add(q.dueAfter)}`);
  const scoped = parts.join(' AND ');
  const filtered = q.status ? `${scoped} AND c.status = ${add(q.status)}` : scoped;
  const order = q.order ?? (q.sort === 'updatedAt' ? 'desc' : 'asc');
  return { scoped, filtered, params, orderBy: `${SORT_COLUMNS[q.sort]} ${order.toUpperCase()} NULLS LAST, c.case_id` };
}
