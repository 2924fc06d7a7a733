import { StaffController, ZodResponse } from '@sunshine/platform';

import { CitizenRoute } from '../http/citizen-route.decorator';
import { categoryTableResponseSchema } from './category-table.response';
import { type CategoryEntry, CategoryTableService } from './category-table.service';

/** 问题类别 for the citizen's form: the same one table as staff read (public, rate limited). */
@StaffController('', 'citizen self-service 群众自助')
export class PublicCategoriesController {
  constructor(private readonly categories: CategoryTableService) {}

  @CitizenRoute('GET', 'public/categories', {
    summary: '问题类别（公开） The category code table for the online petition form: codes, Chinese and English labels',
  })
  @ZodResponse(categoryTableResponseSchema)
  list(): Promise<{ items: CategoryEntry[] }> {
    return this.categories.list().then((items) => ({ items }));
  }
}
