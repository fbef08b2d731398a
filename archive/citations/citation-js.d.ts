// The parts of citation-js (which ships no types) that the citations module uses.
declare module '@citation-js/core' {
  interface FormatOptions {
    format?: 'text' | 'html' | 'string' | 'object';
    type?: string;
    template?: string;
    lang?: string;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: Record<string, unknown>[];
    format(format: string, options?: FormatOptions): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: Register<string>; locales: Register<string> };
      get(plugin: '@bibtex'): { format: { asciiOnly: boolean } };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/name' {
  interface ParsedName {
    given?: string;
    family?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    suffix?: string;
  }
  export function parse(name: string): ParsedName;
}
