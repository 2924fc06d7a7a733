import { Module } from '@nestjs/common';

import { CategoryTableController } from './category-table.controller';
import { CategoryTableService } from './category-table.service';

@Module({
  controllers: [CategoryTableController],
  providers: [CategoryTableService],
  exports: [CategoryTableService],
})
export class CategoriesModule {}
