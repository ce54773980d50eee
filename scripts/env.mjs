import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A number from the environment variable `name`, or `fallback` when it is unset or empty: how
 * the scripts (bench children aside) read their settings. Anything else than a number from `min`
 * to `max` (an integer unless `integer` is false) ends the process with status 2, saying so as
 * `tool`. Plain JavaScript so that the scripts node runs without tsx can import it (env.d.mts
 * gives its type).
 * @example
 * const seed = envNumber('fuzz', 'FUZZ_SEED', 1, { max: 2 ** 32 - 1 });
 */
export function envNumber(tool, name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER, integer = true } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    console.error(`${tool}: ${name} must be ${integer ? 'an integer' : 'a number'} ${range}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

/**
 * The path of a kw corpus: `$RUTEXT_DATA/kw/<name>.jsonlines` (the data folder beside the checkout
 * by default), its name from the environment variable `name` (default russia_today_0). A missing
 * file ends the process with status 2, saying which setting to change, as `tool`, unless
 * `required` is false (the caller then checks, when it needs the file).
 * @example
 * const corpus = kwCorpus('profile', 'PROFILE_CORPUS');
 */
export function kwCorpus(tool, name, { required = true } = {}) {
  const data = process.env.RUTEXT_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url));
  const file = `${process.env[name] || 'russia_today_0'}.jsonlines`;
  const path = resolvePath(data, 'kw', file);
  if (required && !existsSync(path)) {
    console.error(`${tool}: missing ${path} (set RUTEXT_DATA or ${name})`);
    process.exit(2);
  }
  return path;
}

/**
 * The articles of a kw corpus as the bench reads them: title, a line break, content.
 * @example
 * const texts = articleTexts(kwCorpus('jit', 'JIT_CORPUS'));
 */
export function articleTexts(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
    const j = JSON.parse(l);
    return `${j.title ?? ''}\n${j.content ?? ''}`;
  });
}
