export * from './case-kpi-facts';
export * from './figure-access';
export * from './kpi-fact';
export * from './kpi-figures';
export * from './kpi-period';
export * from './peer-norm';
export * from './scoring-scheme';
export * from './staff-streak';
