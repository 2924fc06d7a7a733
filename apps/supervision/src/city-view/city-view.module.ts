import { Module } from '@nestjs/common';

import { FeedController } from '../feed/feed.controller';
import { FeedService } from '../feed/feed.service';
import { FeedPublisher } from '../feed/feed-publisher.service';
import { CaseQueryService } from './case-query.service';
import { CityViewController } from './city-view.controller';
import { CityViewService } from './city-view.service';
import { IntakeSubjectsClient } from './intake-subjects.client';

/** The city-level view: every case of the replica, queries by the one visibility rule, the live feed. */
@Module({
  controllers: [CityViewController, FeedController],
  providers: [CityViewService, CaseQueryService, FeedPublisher, FeedService, IntakeSubjectsClient],
  exports: [FeedPublisher],
})
export class CityViewModule {}
