/**
 * Where a JSON text stops being valid. V8's JSON.parse messages only sometimes carry a position
 * ("Unexpected token '}', ..." has none), and users need a line number for a broken file, so this
 * small scanner walks the grammar (RFC 8259) and returns the offset of the first bad character.
 * Only called after JSON.parse has failed; speed does not matter.
 */
const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
const STRING_CHUNK = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/uy;

class Stop {
  constructor(readonly at: number) {}
}

export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const expect = (c: string): void => {
    if (text[i] !== c) throw new Stop(i);
    i++;
  };
  const sticky = (re: RegExp): void => {
    re.lastIndex = i;
    if (!re.test(text)) throw new Stop(i);
    i = re.lastIndex;
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') return void i++;
      for (;;) {
        skip();
        sticky(STRING_CHUNK);
        skip();
        expect(':');
        value();
        skip();
        if (text[i] === ',') i++;
        else return expect('}');
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        skip();
        if (text[i] === ',') i++;
        else return expect(']');
      }
    }
    if (c === '"') return sticky(STRING_CHUNK);
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    sticky(NUMBER);
  };
  try {
    value();
    skip();
    return i < text.length ? i : null;
  } catch (stop) {
    if (stop instanceof Stop) return stop.at;
    throw stop;
  }
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** 1-based column of an offset in its line, in characters (a surrogate pair is one). */
export function columnAt(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let column = 1;
  for (let i = start; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    const low = c >= 0xdc00 && c <= 0xdfff;
    const afterHigh = i > start && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!(low && afterHigh)) column++; // the second half of a surrogate pair is the same character
  }
  return column;
}

/** "invalid JSON at column N: <reason>" for a text JSON.parse rejected (column of the first bad character). */
export function invalidJsonMessage(text: string, reason: string): { message: string; offset: number | null } {
  const offset = jsonErrorOffset(text);
  return { message: `invalid JSON${offset === null ? '' : ` at column ${columnAt(text, offset)}`}: ${reason}`, offset };
}
