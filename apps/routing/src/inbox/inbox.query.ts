import { caseStatusSchema, stageSchema } from '@sunshine/contracts';
import { z } from 'zod';
import type { Viewer } from '../cases/visibility';

export const inboxQuerySchema = z.object({
  /** unit: the cases my unit holds or held; territory: a bureau's territory (DESIGN §3). */
  scope: z.enum(['unit', 'territory']).default('unit'),
  /** held: holds or held (主办); assisting: cases my unit assists on (协办). */
  relation: z.enum(['held', 'assisting']).default('held'),
  status: caseStatusSchema.optional(),
  stage: stageSchema.optional(),
  category: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/).optional(),
  type: z.enum(['suggestion', 'accusation', 'claim']).optional(),
  holding: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  dueAfter: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(['updatedAt', 'dueAt', 'registeredAt', 'caseNumber']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

const SORT_COLUMNS: Record<InboxQuery['sort'], string> = {
  updatedAt: 'updated_at',
  dueAt: 'due_at',
  registeredAt: 'registered_at',
  caseNumber: 'case_number',
};

export interface InboxSql {
  /** WHERE without the status filter (for the counts per status). */
  readonly scoped: string;
  /** WHERE with every filter. */
  readonly filtered: string;
  readonly params: unknown[];
  readonly orderBy: string;
}

/**
 * The inbox as SQL over `cases`: visibility first (the unit's own cases, or a bureau's territory where accusations
 * show only to units that held them), never the accused unit's; then the filters. `$1` is the unit.
 */
export function inboxSql(viewer: Viewer, q: InboxQuery): InboxSql {
  const params: unknown[] = [viewer.unitId];
  const add = (value: unknown): string => `$${params.push(value)}`;
  const visibility =
    q.scope === 'territory'
      ? `${add(viewer.divisionCode)} = ANY(territory_codes) AND (type IS DISTINCT FROM 'accusation' OR $1 = ANY(held_by))`
      : q.relation === 'assisting'
        ? `$1 = ANY(assisting_unit_ids)`
        : `$1 = ANY(held_by)`;
  const parts = [visibility, `accused_unit_id IS DISTINCT FROM $1`];
  if (q.stage) parts.push(`stage = ${add(q.stage)}`);
  if (q.category) parts.push(`category = ${add(q.category)}`);
  if (q.type) parts.push(`type = ${add(q.type)}`);
  if (q.holding !== undefined) parts.push(`(holding_unit_id = $1) = ${add(q.holding)}`);
  if (q.dueBefore) parts.push(`due_at < ${add(q.dueBefore)}`);
  if (q.dueAfter) parts.push(`due_at >= ${add(q.dueAfter)}`);
  const scoped = parts.join(' AND ');
  const filtered = q.status ? `${scoped} AND status = ${add(q.status)}` : scoped;
  const order = q.order ?? (q.sort === 'updatedAt' ? 'desc' : 'asc');
  return { scoped, filtered, params, orderBy: `${SORT_COLUMNS[q.sort]} ${order.toUpperCase()} NULLS LAST, case_id` };
}
