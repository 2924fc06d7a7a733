/** The title of notification's OpenAPI document (at /docs and in docs/openapi/notification.json). */
export const NOTIFICATION_API_TITLE = 'Sunshine notification — 通知 notification: notices and deliveries';
