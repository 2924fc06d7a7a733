import { Param } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { openApiSchemaOf, Public, Route, StaffController, ZodBody, ZodPipe } from '@sunshine/platform';

import {
  type HotlineOrderAnswer,
  hotlineOrderAnswer,
  type HotlineOrderDto,
  hotlineOrderNoSchema,
  hotlineOrderSchema,
  type HotlineVisitAnswer,
  hotlineVisitAnswer,
  type HotlineVisitDto,
  hotlineVisitSchema,
} from './hotline.dto';
import { HotlineService } from './hotline.service';
import { HotlineApiKey } from './hotline-api-key.decorator';

/**
 * 12345 政务服务便民热线: the hotline platform dispatches a work order (派单) system to system, by its `X-Api-Key` (no
 * staff token, no per-address rate limit: one system sends every order). docs/interop.md names the assumed fields.
 */
@StaffController('interop/12345', '12345 hotline')
export class HotlineOrdersController {
  constructor(private readonly hotline: HotlineService) {}

  @Route('POST', 'orders', {
    status: 201,
    summary:
      '12345 派单 Receive a hotline work order: registered as a petition (channel hotline) once per order number; answers the case number',
  })
  @Public()
  @ApiResponse({ status: 201, schema: openApiSchemaOf(hotlineOrderAnswer) })
  receive(@ZodBody(hotlineOrderSchema) order: HotlineOrderDto, @HotlineApiKey() apiKey: string | null): Promise<HotlineOrderAnswer> {
    return this.hotline.receive(order, apiKey);
  }

  @Route('POST', 'orders/:orderNo/visits', {
    status: 201,
    summary:
      "12345 回访 The citizen's satisfaction from the hotline's return call: recorded as the case's rating (entered by callback) once per visit id",
  })
  @Public()
  @ApiResponse({ status: 201, schema: openApiSchemaOf(hotlineVisitAnswer) })
  visit(
    @Param('orderNo', new ZodPipe(hotlineOrderNoSchema)) orderNo: string,
    @ZodBody(hotlineVisitSchema) visit: HotlineVisitDto,
    @HotlineApiKey() apiKey: string | null,
  ): Promise<HotlineVisitAnswer> {
    return this.hotline.visit(orderNo, visit, apiKey);
  }
}
