/** The title of supervision's OpenAPI document (at /docs and in docs/openapi/supervision.json). */
export const SUPERVISION_API_TITLE = 'Sunshine supervision — 督查督办 supervision: clocks, orders, escalation, the city view';
