/** The title of evaluation's OpenAPI document (at /docs and in docs/openapi/evaluation.json). */
export const EVALUATION_API_TITLE = 'Sunshine evaluation — 考核评价 evaluation: KPIs, rankings, reports';
