// Types for the espeak-ng package (an emscripten build that ships none): only what we call.
declare module 'espeak-ng' {
  export interface EspeakModule {
    FS: { writeFile(path: string, data: string): void; readFile(path: string): Uint8Array };
  }
  /** Runs espeak-ng's command line with `arguments`; `preRun` may prepare its file system. */
  export default function ESpeakNg(options: {
    arguments: string[];
    preRun?: ((module: EspeakModule) => void)[];
  }): Promise<EspeakModule>;
}
