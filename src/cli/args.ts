/** An option a command accepts; `value` names its argument (shown in --help) when it takes one. */
export interface OptionSpec {
  name: string;
  short?: string;
  value?: string;
  help: string;
}

/** A mistake in how the command was called; main prints it with the usage hint and exits 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

/**
 * Parses `--name`, `--name value`, `--name=value`, `-x`, `-x value`, `--` (end of options) and `-`
 * (a positional: stdin). Unknown options throw a UsageError naming the option, so a typo never
 * silently changes what a long batch run does.
 * @example
 * parseArgs(['a.txt', '--format=csv'], [{ name: 'format', value: 'FMT', help: '' }]);
 * // { options: Map { 'format' => 'csv' }, positionals: ['a.txt'] }
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command?: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const key = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const spec = long ? byName.get(key) : byShort.get(key);
    if (spec === undefined) throw new UsageError(`unknown option ${long ? '--' + key : '-' + key}`, command);
    if (spec.value === undefined) {
      if (eq >= 0) throw new UsageError(`option --${spec.name} takes no value`, command);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined) throw new UsageError(`option --${spec.name} needs a value (${spec.value})`, command);
    options.set(spec.name, value);
  }
  return { options, positionals };
}

/**
 * Formats the options block of a command's --help, one option a line, help text aligned.
 * @example
 * formatOptions([{ name: 'quiet', short: 'q', help: 'no progress' }]); // '  -q, --quiet  no progress'
 */
export function formatOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => `  ${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ' ' + s.value : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return specs.map((s, i) => heads[i].padEnd(width) + s.help.replace(/\n/g, '\n' + ' '.repeat(width))).join('\n');
}

/**
 * Reads a string option restricted to `choices`; a UsageError names the option and the choices.
 * @example
 * choiceOption(args, 'format', ['json', 'text'], 'json'); // 'text' for --format text
 */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T, command?: string): T {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(v)})`, command);
  }
  return v as T;
}

/**
 * Reads an integer option of at least `min`; anything else is a UsageError naming the option.
 * @example
 * intOption(args, 'workers', 2, 0); // 4 for --workers 4, 2 when absent
 */
export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, command?: string): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min} (got ${JSON.stringify(v)})`, command);
  return n;
}
