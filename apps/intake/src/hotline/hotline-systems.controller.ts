import { CityLevel, Roles, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import { type CreateHotlineSystemDto, createHotlineSystemSchema, type HotlineSystemCreated } from './hotline.dto';
import { HotlineService } from './hotline.service';

/** Ops: registers a 12345 hotline system; its api key and callback secret are answered once. */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: '12345 热线系统', en: '12345 hotline systems' })
@StaffController('ops/hotline', 'ops')
export class HotlineSystemsController {
  constructor(private readonly hotline: HotlineService) {}

  @StaffRoute('POST', 'systems', {
    status: 201,
    summary: '登记 12345 热线系统 Register a hotline system: answers its api key and callback secret once',
  })
  create(@ZodBody(createHotlineSystemSchema) dto: CreateHotlineSystemDto, @Staff() staff: StaffPrincipal): Promise<HotlineSystemCreated> {
    return this.hotline.createSystem(dto.name, dto.callbackUrl, staff.subject);
  }
}
