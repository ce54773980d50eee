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
