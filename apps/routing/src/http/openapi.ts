/** The title of routing's OpenAPI document (at /docs and in docs/openapi/routing.json). */
export const ROUTING_API_TITLE = 'Sunshine routing — 转送交办 routing: org directory, dispatch, unit inbox and actions';
