// Types for the two nlp.js packages we use; they ship JavaScript only. Only the members this
// module calls are declared, so a library upgrade that changes them fails typecheck here.
declare module '@nlpjs/neural' {
  export interface NeuralTrainingItem {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export interface NeuralSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralSettings);
    train(corpus: NeuralTrainingItem[]): { iterations: number; error: number };
    /** Returns a shared object that the next call overwrites: copy it before calling again. */
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    constructor();
    stem(tokens: string[]): string[];
  }
}
