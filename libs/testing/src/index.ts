export const TESTING = 'testing';
