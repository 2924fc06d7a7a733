// libs/domain: the rules of 《信访工作条例》 as pure TypeScript. No I/O, no framework.
export * from './taxonomy';
export * from './lifecycle';
export * from './calendar';
export * from './deadlines';
export * from './org';
export * from './routing';
export * from './visibility';
export * from './classify';
export * from './evaluation';
