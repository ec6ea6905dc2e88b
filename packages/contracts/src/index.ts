export * from './audit';
export * from './auth';
export * from './common';
export * from './health';
export * from './units';
export * from './wilayah';
