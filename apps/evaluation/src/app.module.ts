import { Module } from '@nestjs/common';
import { ServiceModule, standardReplicas } from '@sunshine/platform';

/** The evaluation service: 考核评价 evaluation: KPIs, rankings, reports. */
@Module({})
export class AppModule extends ServiceModule(() => ({ database: { replicas: standardReplicas() } })) {}
