import { Module } from '@nestjs/common';

import { DivisionListService } from './division-list.service';
import { PublicDivisionsController } from './public-divisions.controller';

@Module({ controllers: [PublicDivisionsController], providers: [DivisionListService] })
export class DivisionsModule {}
