/** A number from the environment, or `fallback`; exits with status 2 for anything else. See env.mjs. */
export function envNumber(tool: string, name: string, fallback: number, range?: { min?: number; max?: number; integer?: boolean }): number;
