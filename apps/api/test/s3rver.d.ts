/** The part of s3rver's API the tests and the storage benchmark use (the package ships no types). */
declare module 's3rver' {
  interface Options {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    configureBuckets?: { name: string }[];
  }
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    /** The listening server once `run` has resolved. */
    httpServer?: import('node:http').Server;
  }
}
