import { Module } from '@nestjs/common';
import { CaseProjectionConsumer } from './case-projection.consumer';
import { CaseProjectionService } from './case-projection.service';
import { CityViewController } from './city-view.controller';
import { CityViewService } from './city-view.service';

@Module({
  controllers: [CaseProjectionConsumer, CityViewController],
  providers: [CaseProjectionService, CityViewService],
})
export class CityViewModule {}
