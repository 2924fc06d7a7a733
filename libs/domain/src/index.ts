// libs/domain: the rules of 《信访工作条例》 as pure TypeScript. No I/O, no framework.
export * from './calendar';
export * from './classify';
export * from './deadlines';
export * from './evaluation';
export * from './lifecycle';
export * from './org';
export * from './privacy';
export * from './routing';
export * from './taxonomy';
export * from './visibility';
