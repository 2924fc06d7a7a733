import type { Provider } from '@nestjs/common';
import type { LinearTextModel } from '@sunshine/domain';
import { loadLinearTextModel } from '@sunshine/platform';

/** The committed category model (models/category/model.json), loaded once per process for suggestions and hot topics. */
export const CATEGORY_MODEL = Symbol('CATEGORY_MODEL');

export const categoryModelProvider: Provider<LinearTextModel> = { provide: CATEGORY_MODEL, useFactory: () => loadLinearTextModel() };
