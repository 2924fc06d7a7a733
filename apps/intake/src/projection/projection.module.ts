import { Module } from '@nestjs/common';
import { CaseProjectionConsumer } from './case-projection.consumer';

@Module({ controllers: [CaseProjectionConsumer] })
export class ProjectionModule {}
