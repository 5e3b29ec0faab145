import { sql, type SQL } from 'drizzle-orm';
import { create, parseDependencies, type MathNode } from 'mathjs';

/**
 * Indicator formulas are data (a bureau may add one), so they are parsed with mathjs' expression parser and
 * then walked by our own compiler, which accepts only numbers, the named variables below, + − × ÷ and
 * min/max. Nothing is ever evaluated by mathjs itself: a formula becomes either SQL (for the set-based
 * recompute) or a plain function (for tests and previews), and anything else is refused.
 */
const math = create({ parseDependencies });

/** The variables every school has per term (insights.facts.ts computes them). */
export const FORMULA_VARIABLES = [
  'schools',
  'students',
  'teachers',
  'smart_classrooms',
  'ai_labs',
  'lab_seats',
  'teacher_terminals',
  'student_devices',
  'bandwidth_mbps',
  'offers_ai_course',
  'offers_ai_course_in_school',
  'ai_course_grades',
  'ai_course_hours',
  'popularisation_base',
  'trained_teachers',
  'trained_principal',
  'trained_researcher',
  'trained_teacher',
  'trained_new_teacher',
  'contest_students',
  'students_with_evidence',
  'shared_resources',
  'sister_pairs',
  'cross_border_pairs',
] as const;
export type FormulaVariable = (typeof FORMULA_VARIABLES)[number];

/** Why a formula was refused; the UI translates it under `insights.formulaErrors.<reason>`. */
export type FormulaProblem = 'syntax' | 'too_long' | 'number' | 'unknown_variable' | 'operator' | 'function' | 'not_allowed';

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly reason: FormulaProblem = 'not_allowed',
    /** The variable, operator or function named in the message, if any. */
    readonly token: string = '',
  ) {
    super(message);
  }
}

const MAX_CONSTANT = 1_000_000_000;
const MIN_CONSTANT = 0.000001;

const FUNCTIONS: Record<string, 'LEAST' | 'GREATEST'> = { min: 'LEAST', max: 'GREATEST' };

function parse(formula: string): MathNode {
  if (formula.length > 300) throw new FormulaError('formula too long', 'too_long');
  try {
    return math.parse(formula);
  } catch (e) {
    throw new FormulaError((e as Error).message, 'syntax');
  }
}

type Visit<T> = {
  constant(v: number): T;
  symbol(name: FormulaVariable): T;
  binary(op: '+' | '-' | '*' | '/', a: T, b: T): T;
  negate(a: T): T;
  call(fn: 'LEAST' | 'GREATEST', args: T[]): T;
};

function walk<T>(node: MathNode, v: Visit<T>): T {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      if (typeof n.value !== 'number' || !Number.isFinite(n.value)) throw new FormulaError('only numbers are allowed', 'number');
      // Indicator constants are targets and scales (100, 1000, 0.5). Bounding them keeps every formula that fits in
      // 300 characters far inside float8, so the SQL never overflows on counts of any size.
      const size = Math.abs(n.value);
      if (size > MAX_CONSTANT || (size !== 0 && size < MIN_CONSTANT))
        throw new FormulaError(`numbers must be 0 or between ${MIN_CONSTANT} and ${MAX_CONSTANT}`, 'number');
      return v.constant(n.value);
    }
    case 'SymbolNode': {
      const name = n.name as string;
      if (!(FORMULA_VARIABLES as readonly string[]).includes(name))
        throw new FormulaError(`unknown variable ${name}`, 'unknown_variable', name);
      return v.symbol(name as FormulaVariable);
    }
    case 'ParenthesisNode':
      return walk(n.content as MathNode, v);
    case 'OperatorNode': {
      const args = n.args as MathNode[];
      const op = n.op as string;
      if (args.length === 1 && op === '-') return v.negate(walk(args[0], v));
      if (args.length === 1 && op === '+') return walk(args[0], v);
      if (args.length === 2 && (op === '+' || op === '-' || op === '*' || op === '/'))
        return v.binary(op, walk(args[0], v), walk(args[1], v));
      throw new FormulaError(`operator ${op} is not allowed`, 'operator', op);
    }
    case 'FunctionNode': {
      const name = (n.fn as { name?: string }).name ?? '';
      const fn = FUNCTIONS[name];
      const args = n.args as MathNode[];
      if (!fn || args.length < 2) throw new FormulaError(`function ${name} is not allowed`, 'function', name);
      return v.call(
        fn,
        args.map((a) => walk(a, v)),
      );
    }
    default:
      throw new FormulaError(`${node.type} is not allowed`, 'not_allowed');
  }
}

/** Throws FormulaError unless the formula uses only known variables and allowed operations. */
export function checkFormula(formula: string): void {
  walk(parse(formula), {
    constant: () => 0,
    symbol: () => 0,
    binary: () => 0,
    negate: () => 0,
    call: () => 0,
  });
}

/**
 * The formula as a SQL expression over a `vars` jsonb column (missing variables count as 0; a division by
 * zero gives 0 for that school, which then adds nothing to the roll-up).
 */
export function formulaToSql(formula: string, varsColumn: SQL): SQL {
  return walk<SQL>(parse(formula), {
    constant: (x) => sql.raw(`(${x}::float8)`),
    symbol: (name) => sql`coalesce((${varsColumn}->>${sql.raw(`'${name}'`)})::float8, 0)`,
    binary: (op, a, b) => (op === '/' ? sql`coalesce(${a} / nullif(${b}, 0), 0)` : sql`(${a} ${sql.raw(op)} ${b})`),
    negate: (a) => sql`(-${a})`,
    call: (fn, args) => sql`${sql.raw(fn)}(${sql.join(args, sql`, `)})`,
  });
}

/** The same formula as a function of a school's variables (previews, tests). */
export function evaluateFormula(formula: string, vars: Partial<Record<FormulaVariable, number>>): number {
  return walk<number>(parse(formula), {
    constant: (x) => x,
    symbol: (name) => vars[name] ?? 0,
    binary: (op, a, b) => (op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0 ? 0 : a / b),
    negate: (a) => -a,
    call: (fn, args) => (fn === 'LEAST' ? Math.min(...args) : Math.max(...args)),
  });
}
