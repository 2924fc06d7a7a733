export * from './char-ngrams';
export * from './hot-topics';
export * from './linear-text-classifier';
export * from './near-duplicate';
export * from './teddy-category-map';
