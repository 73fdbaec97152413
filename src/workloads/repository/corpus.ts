// Seeded C-like source text: a vocabulary of identifiers drawn with repetition, so it compresses like
// real kernel code (about 4.2x at deflate level 1, 4.9x at level 6) rather than like random text.
import { seededRandom, type SeededRandom } from '../../suites/common/rng.js';
import { yieldToEventLoop } from '../../bench/timer.js';

const SYLLABLES = [
  'ac', 'ad', 'al', 'an', 'ar', 'at', 'ba', 'be', 'bi', 'bu', 'ca', 'ce', 'ch', 'ci', 'co', 'cu', 'da', 'de',
  'di', 'do', 'dr', 'du', 'el', 'em', 'en', 'er', 'ev', 'ex', 'fa', 'fe', 'fi', 'fl', 'fo', 'fr', 'ga', 'ge',
  'gi', 'go', 'ha', 'he', 'hi', 'ho', 'ic', 'id', 'il', 'im', 'in', 'ir', 'is', 'it', 'la', 'le', 'li', 'lo',
  'lu', 'ma', 'me', 'mi', 'mo', 'mu', 'na', 'ne', 'ni', 'no', 'nu', 'ob', 'oc', 'od', 'of', 'ol', 'om', 'on',
  'op', 'or', 'ou', 'pa', 'pe', 'pi', 'po', 'pr', 'pu', 'qu', 'ra', 're', 'ri', 'ro', 'ru', 'sa', 'sc', 'se',
  'sh', 'si', 'sk', 'so', 'sp', 'st', 'su', 'ta', 'te', 'th', 'ti', 'to', 'tr', 'tu', 'ul', 'un', 'ur', 'us',
  'va', 've', 'vi', 'vo', 'wa', 'we', 'wi', 'xa', 'xe', 'ya', 'ze', 'zo',
];

const TYPES = ['int', 'u32', 'u64', 'u8', 'u16', 'unsigned int', 'unsigned long', 'bool', 'size_t', 'void *', 'char *', 'long', 's32', 'dma_addr_t', 'gfp_t', 'loff_t'];
const ERRORS = ['-EINVAL', '-ENOMEM', '-EIO', '-EBUSY', '-ENODEV', '-EAGAIN', '-EFAULT', '-ETIMEDOUT', '-ENOENT', '-EOPNOTSUPP'];
const LOGS = ['pr_err', 'pr_info', 'pr_debug', 'dev_err', 'dev_warn', 'dev_dbg', 'pr_warn', 'netdev_err'];
const OPS = ['==', '!=', '<', '>', '<=', '>=', '&', '|'];

/**
 * Knobs of the text model. The defaults were tuned so that deflate level 1 gives about 4.2x and level 6
 * about 4.9x, as on a real kernel tree.
 *
 * @internal
 */
export interface CorpusModel {
  /** Distinct words identifiers are built from. */
  readonly words: number;
  /** Distinct global identifiers (functions, macros, fields). */
  readonly identifiers: number;
  /** Identifiers a module (a stretch of the corpus) prefers. */
  readonly moduleVocabulary: number;
  /** Identifiers a function uses. */
  readonly functionVocabulary: number;
  /** Bytes per module before the preferred vocabulary changes. */
  readonly moduleBytes: number;
  /** Probability a statement carries a comment. */
  readonly commentRate: number;
  /** Probability a statement repeats one of the recent lines verbatim. */
  readonly repeatRate: number;
  /** Probability a top-level block is a recent block again with one identifier renamed. */
  readonly blockRepeatRate: number;
}

/** @internal */
export const DEFAULT_CORPUS_MODEL: CorpusModel = {
  words: 1200,
  identifiers: 12000,
  moduleVocabulary: 50,
  functionVocabulary: 8,
  moduleBytes: 24_000,
  commentRate: 0.08,
  repeatRate: 0.4,
  blockRepeatRate: 0.4,
};

class TextModel {
  readonly #rng: SeededRandom;
  readonly #model: CorpusModel;
  readonly #words: string[];
  readonly #identifiers: string[];
  #module: string[] = [];
  #prefix = '';
  #local: string[] = [];
  #recent: string[] = [];

  constructor(seed: number, model: CorpusModel) {
    this.#rng = seededRandom(seed);
    this.#model = model;
    const seen = new Set<string>();
    this.#words = [];
    while (this.#words.length < model.words) {
      const parts = 1 + this.#rng.int(3);
      let word = '';
      for (let i = 0; i < parts; i++) word += this.#pick(SYLLABLES);
      if (!seen.has(word)) {
        seen.add(word);
        this.#words.push(word);
      }
    }
    this.#identifiers = [];
    for (let i = 0; i < model.identifiers; i++) {
      const parts = 1 + this.#rng.int(3);
      const words: string[] = [];
      for (let j = 0; j < parts; j++) words.push(this.#zipfWord());
      this.#identifiers.push(words.join('_'));
    }
    this.newModule();
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.#rng.int(items.length)] as T;
  }

  /** A word, skewed towards the common ones. */
  #zipfWord(): string {
    const u = this.#rng.next();
    return this.#words[Math.floor(this.#words.length * u * u * u)] ?? 'x';
  }

  newModule(): void {
    this.#recent = [];
    this.#prefix = this.#zipfWord();
    this.#module = [];
    for (let i = 0; i < this.#model.moduleVocabulary; i++) {
      const u = this.#rng.next();
      const base = this.#identifiers[Math.floor(this.#identifiers.length * u * u)] ?? 'x';
      this.#module.push(this.#rng.next() < 0.5 ? `${this.#prefix}_${base}` : base);
    }
  }

  newFunction(): void {
    this.#local = [];
    for (let i = 0; i < this.#model.functionVocabulary; i++) this.#local.push(this.#moduleIdent());
  }

  #moduleIdent(): string {
    const u = this.#rng.next();
    return this.#module[Math.floor(this.#module.length * u * u)] ?? 'x';
  }

  #ident(): string {
    const r = this.#rng.next();
    if (r < 0.7) return this.#pick(this.#local);
    if (r < 0.98) return this.#moduleIdent();
    return this.#pick(this.#identifiers);
  }

  #number(): string {
    const r = this.#rng.next();
    if (r < 0.5) return String(this.#rng.int(16));
    if (r < 0.8) return String(this.#rng.int(4096));
    return `0x${this.#rng.int(0x10000).toString(16).padStart(4, '0')}`;
  }

  #comment(): string {
    const n = 2 + this.#rng.int(7);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.#zipfWord());
    return `/* ${words.join(' ')} */`;
  }

  #expr(): string {
    const r = this.#rng.next();
    if (r < 0.3) return this.#ident();
    if (r < 0.5) return `${this.#ident()}->${this.#ident()}`;
    if (r < 0.7) return `${this.#ident()}(${this.#ident()}, ${this.#ident()})`;
    if (r < 0.85) return this.#number();
    return `${this.#ident()} ${this.#pick(OPS)} ${this.#number()}`;
  }

  #statement(indent: string, out: string[], depth: number): void {
    if (this.#recent.length > 8 && this.#rng.next() < this.#model.repeatRate) {
      out.push(this.#recent[this.#rng.int(this.#recent.length)] ?? '\n');
      return;
    }
    const before = out.length;
    this.#statementNew(indent, out, depth);
    const line = out[before];
    if (line !== undefined && out.length === before + 1) {
      if (this.#recent.length < 48) this.#recent.push(line);
      else this.#recent[this.#rng.int(48)] = line;
    }
  }

  #statementNew(indent: string, out: string[], depth: number): void {
    const r = this.#rng.next();
    const comment = this.#rng.next() < this.#model.commentRate ? ` ${this.#comment()}` : '';
    if (r < 0.3) {
      out.push(`${indent}${this.#ident()} = ${this.#expr()};${comment}\n`);
    } else if (r < 0.45) {
      out.push(`${indent}${this.#ident()}->${this.#ident()} = ${this.#expr()};${comment}\n`);
    } else if (r < 0.6) {
      out.push(`${indent}ret = ${this.#ident()}(${this.#ident()}, ${this.#expr()});\n`);
      if (this.#rng.next() < 0.7) {
        out.push(`${indent}if (ret)\n${indent}\treturn ret;\n`);
      }
    } else if (r < 0.72 && depth < 3) {
      out.push(`${indent}if (${this.#expr()}) {${comment}\n`);
      const n = 1 + this.#rng.int(3);
      for (let i = 0; i < n; i++) this.#statement(`${indent}\t`, out, depth + 1);
      out.push(`${indent}}\n`);
    } else if (r < 0.78 && depth < 3) {
      const i = this.#pick(['i', 'j', 'n']);
      out.push(`${indent}for (${i} = 0; ${i} < ${this.#expr()}; ${i}++) {\n`);
      const n = 1 + this.#rng.int(3);
      for (let k = 0; k < n; k++) this.#statement(`${indent}\t`, out, depth + 1);
      out.push(`${indent}}\n`);
    } else if (r < 0.86) {
      out.push(`${indent}${this.#pick(LOGS)}(${this.#ident()}, "${this.#zipfWord()} ${this.#zipfWord()} %d\\n", ${this.#ident()});\n`);
    } else if (r < 0.93) {
      out.push(`${indent}${this.#pick(TYPES)} ${this.#ident()};${comment}\n`);
    } else {
      out.push(`${indent}return ${this.#rng.next() < 0.5 ? this.#pick(ERRORS) : this.#expr()};\n`);
    }
  }

  #function(out: string[]): void {
    this.newFunction();
    const name = this.#moduleIdent();
    const args = 1 + this.#rng.int(3);
    const params: string[] = [];
    for (let i = 0; i < args; i++) params.push(`${this.#pick(TYPES)} ${this.#ident()}`);
    if (this.#rng.next() < 0.3) out.push(`/*\n * ${this.#comment().slice(3, -3)}\n */\n`);
    out.push(`${this.#rng.next() < 0.6 ? 'static ' : ''}${this.#pick(TYPES)} ${name}(${params.join(', ')})\n{\n`);
    out.push(`\tint ret;\n\n`);
    const n = 3 + this.#rng.int(12);
    for (let i = 0; i < n; i++) this.#statement('\t', out, 0);
    out.push('\treturn 0;\n}\n\n');
  }

  #struct(out: string[]): void {
    this.newFunction();
    out.push(`struct ${this.#moduleIdent()} {\n`);
    const n = 2 + this.#rng.int(10);
    for (let i = 0; i < n; i++) {
      const comment = this.#rng.next() < this.#model.commentRate * 2 ? `\t${this.#comment()}` : '';
      out.push(`\t${this.#pick(TYPES)} ${this.#ident()};${comment}\n`);
    }
    out.push('};\n\n');
  }

  #defines(out: string[]): void {
    const n = 2 + this.#rng.int(10);
    const base = this.#moduleIdent().toUpperCase();
    for (let i = 0; i < n; i++) {
      out.push(`#define ${base}_${this.#zipfWord().toUpperCase()}\t\t${this.#number()}\n`);
    }
    out.push('\n');
  }

  #includes(out: string[]): void {
    const n = 2 + this.#rng.int(6);
    for (let i = 0; i < n; i++) out.push(`#include <linux/${this.#zipfWord()}.h>\n`);
    out.push('\n');
  }

  /** A uniform number in [0, 1) from the model's stream. */
  random(): number {
    return this.#rng.next();
  }

  /** A global identifier. */
  identifier(): string {
    return this.#moduleIdent();
  }

  /** Appends one top-level block (function, struct, defines or includes) to `out`. */
  block(out: string[]): void {
    const r = this.#rng.next();
    if (r < 0.68) this.#function(out);
    else if (r < 0.82) this.#struct(out);
    else if (r < 0.95) this.#defines(out);
    else this.#includes(out);
  }
}

/** The corpus's blocks in order, until `bytes` have been produced. */
function* corpusBlocks(bytes: number, seed: number, model: CorpusModel): Generator<string> {
  const text = new TextModel(seed, model);
  let length = 0;
  let moduleStart = 0;
  const recent: string[] = [];
  while (length < bytes) {
    if (length - moduleStart > model.moduleBytes) {
      text.newModule();
      moduleStart = length;
      recent.length = 0;
    }
    let block: string;
    if (recent.length > 2 && text.random() < model.blockRepeatRate) {
      // Code repeats itself: a recent block again, with one identifier renamed throughout.
      const previous = recent[Math.floor(text.random() * recent.length)] ?? '';
      const match = /[a-z][a-z0-9_]{3,}/.exec(previous.slice(Math.floor(text.random() * previous.length)));
      block = match === null ? previous : previous.split(match[0]).join(text.identifier());
    } else {
      const parts: string[] = [];
      text.block(parts);
      block = parts.join('');
    }
    if (recent.length < 8) recent.push(block);
    else recent[Math.floor(text.random() * 8)] = block;
    length += block.length;
    yield block;
  }
}

function corpusBuffer(blocks: readonly string[], bytes: number): Buffer {
  const buffer = Buffer.from(blocks.join(''), 'latin1').subarray(0, bytes);
  if (buffer.length > 0) buffer[buffer.length - 1] = 0x0a;
  return buffer;
}

/**
 * Generates `bytes` of seeded C-like text (exactly `bytes` long, ending in a newline).
 *
 * @internal
 */
export function generateCorpus(bytes: number, seed: number, model: CorpusModel = DEFAULT_CORPUS_MODEL): Buffer {
  return corpusBuffer([...corpusBlocks(bytes, seed, model)], bytes);
}

/**
 * {@link generateCorpus} that yields to the event loop every ~20 ms: the default 8 MiB corpus takes
 * over 100 ms to build, which would otherwise stall timers, progress and a monitor at a suite's start.
 * Same bytes as the synchronous form.
 *
 * @internal
 */
export async function generateCorpusAsync(
  bytes: number,
  seed: number,
  model: CorpusModel = DEFAULT_CORPUS_MODEL,
  yieldEveryMs = 20,
): Promise<Buffer> {
  const blocks: string[] = [];
  let slice = performance.now();
  for (const block of corpusBlocks(bytes, seed, model)) {
    blocks.push(block);
    if (performance.now() - slice >= yieldEveryMs) {
      await yieldToEventLoop();
      slice = performance.now();
    }
  }
  return corpusBuffer(blocks, bytes);
}
