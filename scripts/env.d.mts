/** A number from the environment, or `fallback`; exits with status 2 for anything else. See env.mjs. */
export function envNumber(tool: string, name: string, fallback: number, range?: { min?: number; max?: number; integer?: boolean }): number;
/** The path of a kw corpus from RUTEXT_DATA and the variable `name`; exits with status 2 when missing and required. See env.mjs. */
export function kwCorpus(tool: string, name: string, options?: { required?: boolean }): string;
/** The articles of a kw corpus: title, a line break, content. */
export function articleTexts(path: string): string[];
