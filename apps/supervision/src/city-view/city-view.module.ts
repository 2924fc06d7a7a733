import { Module } from '@nestjs/common';
import { FeedController } from '../feed/feed.controller';
import { FeedPublisher } from '../feed/feed-publisher.service';
import { FeedService } from '../feed/feed.service';
import { CaseProjectionService } from './case-projection.service';
import { CaseQueryService } from './case-query.service';
import { CityViewController } from './city-view.controller';
import { CityViewService } from './city-view.service';

/** The city-level view: every case folded from the case log, queries by jurisdiction, the live feed. */
@Module({
  controllers: [CityViewController, FeedController],
  providers: [CaseProjectionService, CityViewService, CaseQueryService, FeedPublisher, FeedService],
  exports: [CaseProjectionService, FeedPublisher],
})
export class CityViewModule {}
