/**
 * CSV loading: RFC 4180 text (quoted fields, doubled quotes, CRLF) into a feature Matrix and
 * an optional target column.
 */
import { LinfitError } from '../errors.js';
import { Matrix } from '../matrix.js';
import { booleanOption, checkOptionNames, describe, numberIn } from '../validate.js';

export interface ReadCsvOptions {
  /** The target column, by header name or index (negative counts from the end: −1 is the last). Default: none. */
  target?: string | number;
  /** Whether the first non-blank line names the columns (default true). */
  header?: boolean;
}

export interface CsvData {
  /** Every column except the target, as numbers. */
  X: Matrix;
  /** The target column: numbers if every value is one, else strings. Only when `target` is given. */
  y?: Float64Array | string[];
  /** Names of X's columns (from the header, or x0, x1, … without one). */
  featureNames: string[];
  /** The target column's name (from the header, or 'y' without one). */
  targetName?: string;
}

/**
 * Reads a CSV into `{ X, y, featureNames, targetName }`. A string containing a line break is
 * CSV text; anything else is a file path, read synchronously with `node:fs` (in a browser,
 * fetch the file and pass its text).
 *
 * Blank lines are skipped and unquoted fields trimmed. Features must be decimal numbers: an
 * empty field or a missing-value marker (NA, N/A, NaN, null, ?) throws NON_FINITE, other text
 * BAD_INPUT; both name the line and column. A target column is numeric when all its values
 * are numbers; otherwise its values are kept as strings (labels).
 * @example
 * const { X, y, featureNames } = readCsv('a,b,label\n1,2,cat\n3,4,dog\n', { target: 'label' });
 * X.toArray();  // [[1, 2], [3, 4]]
 * y;            // ['cat', 'dog']
 * featureNames; // ['a', 'b']
 */
export function readCsv(textOrPath: string, options?: ReadCsvOptions): CsvData {
  const where = 'readCsv';
  const opts = checkOptionNames(options, ['target', 'header'], where);
  const header = opts.header === undefined ? true : booleanOption(opts.header, 'header', where);
  if (typeof textOrPath !== 'string') {
    throw new LinfitError('BAD_INPUT', `${where}: expected CSV text or a file path, got ${describe(textOrPath)}`);
  }
  const text = /[\r\n]/.test(textOrPath) ? textOrPath : readTextFile(textOrPath, where);
  const records = parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, where);

  if (records.length === 0) throw new LinfitError('EMPTY', `${where}: the CSV has no lines`);
  const width = records[0].fields.length;
  const names = header
    ? records[0].fields.map((name, j) => name || `x${j}`)
    : Array.from({ length: width }, (_, j) => `x${j}`);
  const rows = header ? records.slice(1) : records;
  if (rows.length === 0) throw new LinfitError('EMPTY', `${where}: the CSV has a header but no data rows`);
  for (const row of rows) {
    if (row.fields.length !== width) {
      const reference = header ? `the header (line ${records[0].line}) has` : `line ${records[0].line} has`;
      throw new LinfitError('SHAPE_MISMATCH', `${where}: line ${row.line} has ${row.fields.length} fields but ${reference} ${width}`);
    }
  }

  const targetColumn = opts.target === undefined ? -1 : resolveTarget(opts.target, names, header, where);
  const featureColumns = names.map((_, j) => j).filter((j) => j !== targetColumn);
  if (featureColumns.length === 0) throw new LinfitError('EMPTY', `${where}: no feature columns besides the target`);
  const place = (line: number, j: number) => `line ${line}, column ${j + 1}${header ? ` ('${names[j]}')` : ''}`;

  const X = new Matrix(rows.length, featureColumns.length);
  for (let i = 0; i < rows.length; i++) {
    const { fields, line } = rows[i];
    for (let c = 0; c < featureColumns.length; c++) {
      const j = featureColumns[c];
      X.data[i * featureColumns.length + c] = finiteNumber(fields[j], () => place(line, j), where);
    }
  }
  const result: CsvData = {
    X,
    featureNames: header ? featureColumns.map((j) => names[j]) : featureColumns.map((_, c) => `x${c}`),
  };
  if (targetColumn >= 0) {
    result.y = targetValues(rows, targetColumn, (line) => place(line, targetColumn), where);
    result.targetName = header ? names[targetColumn] : 'y';
  }
  return result;
}

function readTextFile(path: string, where: string): string {
  // getBuiltinModule (Node ≥ 20.16) keeps readCsv synchronous without a static node:fs
  // import that would break browser bundles.
  const fs = typeof process === 'undefined' ? undefined : process.getBuiltinModule?.('node:fs');
  if (!fs) {
    throw new LinfitError('BAD_INPUT',
      `${where}: ${describe(path)} has no line break, so it is taken as a file path, but this runtime cannot read files; pass the CSV text instead`);
  }
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new LinfitError('BAD_INPUT',
      `${where}: cannot read file ${describe(path)} (a string without a line break is taken as a path): ${(err as Error).message}`);
  }
}

function resolveTarget(target: unknown, names: string[], header: boolean, where: string): number {
  if (typeof target === 'string') {
    if (!header) {
      throw new LinfitError('BAD_OPTION', `${where}: target ${describe(target)} is a column name but header is false; give the column index`);
    }
    const j = names.indexOf(target);
    if (j < 0) {
      throw new LinfitError('BAD_OPTION', `${where}: target ${describe(target)} is not a column; columns: ${names.join(', ')}`);
    }
    if (names.lastIndexOf(target) !== j) {
      throw new LinfitError('BAD_OPTION', `${where}: target ${describe(target)} names more than one column; give the column index`);
    }
    return j;
  }
  if (typeof target !== 'number') {
    throw new LinfitError('BAD_OPTION', `${where}: target must be a column name or index; got ${describe(target)}`);
  }
  const j = numberIn(target, 'target', where, { min: -names.length, max: names.length - 1, integer: true });
  return j < 0 ? names.length + j : j;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?inf(inity)?$/i;
const MISSING = /^(|na|n\/a|nan|null|\?)$/i;

/** A field's numeric reading: stricter than Number(), which accepts '', '0x1f' and '0b1'. */
function readNumber(field: string): number | 'missing' | 'text' {
  if (DECIMAL.test(field)) return Number(field); // may overflow to ±Infinity, e.g. 1e999
  if (INFINITY.test(field)) return field.startsWith('-') ? -Infinity : Infinity;
  return MISSING.test(field) ? 'missing' : 'text';
}

function finiteNumber(field: string, place: () => string, where: string): number {
  const value = readNumber(field);
  if (value === 'text') throw new LinfitError('BAD_INPUT', `${where}: ${place()}: ${describe(field)} is not a number`);
  if (value === 'missing') {
    throw new LinfitError('NON_FINITE', `${where}: ${place()}: missing value${field ? ` (${describe(field)})` : ''}; fill or drop it first`);
  }
  if (!Number.isFinite(value)) throw new LinfitError('NON_FINITE', `${where}: ${place()}: ${describe(field)} is not finite`);
  return value;
}

/** Numbers when every non-missing value is one, else strings; a missing value is an error either way. */
function targetValues(rows: CsvRecord[], j: number, place: (line: number) => string, where: string): Float64Array | string[] {
  const readings = rows.map((row) => readNumber(row.fields[j]));
  const numeric = readings.every((r) => r !== 'text') && readings.some((r) => typeof r === 'number');
  if (numeric) return Float64Array.from(rows, (row) => finiteNumber(row.fields[j], () => place(row.line), where));
  return rows.map((row) => {
    if (row.fields[j] === '') throw new LinfitError('NON_FINITE', `${where}: ${place(row.line)}: missing label`);
    return row.fields[j];
  });
}

interface CsvRecord {
  /** The 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records. Quoted fields may hold commas, line breaks and doubled
 * quotes and are kept verbatim; unquoted fields are trimmed. Lines that are empty (or only
 * spaces) are skipped.
 */
function parseCsv(text: string, where: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;    // the current field began with a quote
  let inQuotes = false;  // inside that quote now
  let line = 1, recordLine = 1, quoteLine = 1;

  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && !quoted && field.trim() === '';
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else if (c === '"' && !quoted && field.trim() === '') {
      inQuotes = quoted = true;
      quoteLine = line;
      field = '';
    } else if (!(quoted && (c === ' ' || c === '\t'))) {
      field += c; // (spaces after a closing quote are dropped; other stray text is kept)
    }
  }
  if (inQuotes) throw new LinfitError('BAD_INPUT', `${where}: the quoted field that starts on line ${quoteLine} is never closed`);
  if (fields.length > 0 || quoted || field.trim() !== '') endRecord();
  return records;
}
