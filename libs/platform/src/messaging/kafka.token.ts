/** DI token of the process's kafkajs client. */
export const KAFKA = Symbol('KAFKA');
