/** The BullMQ queue of the hot-topic scan (its own, so a slow answer from intake never delays the due check). */
export const HOT_TOPIC_QUEUE = 'supervision-hot-topics';
export const HOT_TOPIC_SCHEDULER_ID = 'hot-topic-scan';
export const HOT_TOPIC_JOB = 'hot-topic-scan';
