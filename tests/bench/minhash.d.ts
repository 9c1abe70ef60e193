/** Types for the npm package `minhash` (it ships none): only what the baseline uses. */
declare module 'minhash' {
  export class Minhash {
    constructor(config?: { numPerm?: number; seed?: number });
    hashvalues: number[];
    update(text: string): void;
    hash(text: string): number;
  }
  export class LshIndex {
    constructor(args?: { bandSize?: number });
    index: Record<string, string[]>;
    insert(key: string, minhash: Minhash): void;
    getHashbands(minhash: Minhash): string[];
  }
}
