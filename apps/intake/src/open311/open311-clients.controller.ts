import { CityLevel, Roles, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';
import { z } from 'zod';

import { Open311Service } from './open311.service';

export const createOpen311ClientSchema = z.object({
  /** The client's name (e.g. the civic app), for the record. */
  name: z.string().trim().min(1).max(100),
  /** The jurisdiction_id the client names in its calls: a division code (6, 9 or 12 digits). */
  jurisdictionId: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码须为6、9或12位数字 / 6, 9 or 12 digits'),
});
export type CreateOpen311ClientDto = z.infer<typeof createOpen311ClientSchema>;

/** Ops: registers an Open311 client; its api_key is answered once (only its SHA-256 is kept). */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: 'Open311 客户端', en: 'Open311 clients' })
@StaffController('ops/open311', 'ops')
export class Open311ClientsController {
  constructor(private readonly open311: Open311Service) {}

  @StaffRoute('POST', 'clients', { status: 201, summary: '登记 Open311 客户端 Register an Open311 client: answers its api_key once' })
  create(
    @ZodBody(createOpen311ClientSchema) dto: CreateOpen311ClientDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<{ id: string; apiKey: string }> {
    return this.open311.createClient(dto.name, dto.jurisdictionId, staff.subject);
  }
}
