/**
 * Just enough of a migration file's TypeScript/JavaScript structure for `ormdiff lint`: where the
 * code is (as opposed to comments and string literals) and where the `up` method's body lies. A
 * statement in `down` undoes `up`, so it is expected to be destructive and is not what the migration
 * does going forward. Pure and text-based: no parser is loaded to lint a file.
 *
 * Regular-expression literals are not recognised (migrations rarely hold one); a quote inside one
 * could hide the code after it, which only makes lint read fewer statements of that file.
 */

/**
 * The source with every comment and string or template literal (delimiters included) blanked to
 * spaces, line breaks kept: offsets and line numbers stay those of the source, and braces or
 * `up(` inside SQL text or comments no longer look like code. The expressions inside a template
 * literal's `${…}` stay code. `lineComments`, when given, receives where each `//` comment lies.
 */
export function maskNonCode(source: string, lineComments?: Array<{ start: number; end: number }>): string {
  const out = source.split('');
  const n = source.length;
  const blank = (from: number, to: number) => {
    for (let k = from; k < Math.min(to, n); k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // Brace depth at which each open `${` of a template literal returns to the template's text.
  const resumeAt: number[] = [];
  let depth = 0;

  /** Template text from `start` (just after a backtick or a `${…}`'s closing brace); returns where code resumes. */
  const template = (start: number): number => {
    let j = start;
    while (j < n) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') {
        blank(start - 1, j + 1);
        return j + 1;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        blank(start - 1, j + 2);
        resumeAt.push(depth);
        return j + 2;
      } else j++;
    }
    blank(start - 1, n);
    return n;
  };

  let i = 0;
  while (i < n) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      lineComments?.push({ start: i, end: stop });
      blank(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && source[j] !== ch && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else if (ch === '`') {
      i = template(i + 1);
    } else if (ch === '}' && resumeAt.length > 0 && resumeAt[resumeAt.length - 1] === depth) {
      resumeAt.pop();
      i = template(i + 1);
    } else {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      i++;
    }
  }
  return out.join('');
}

/** The index of the bracket closing the one at `open`, in masked source; -1 when it is never closed. */
function closing(masked: string, open: number): number {
  const pair: Record<string, string> = { '(': ')', '{': '}' };
  const want = pair[masked[open]];
  let depth = 0;
  for (let k = open; k < masked.length; k++) {
    if (masked[k] === masked[open]) depth++;
    else if (masked[k] === want && --depth === 0) return k;
  }
  return -1;
}

/**
 * The body of the method `name` as `[start, end)` offsets (inside its braces), for a method written
 * `name(…) {` or `async name(…): Promise<void> {` in a class or object; undefined when the file has
 * none. A call `name(…);` or `x.name(…)` is not a declaration: it is followed by no body, or preceded
 * by a dot.
 */
export function methodBody(source: string, name: string, masked = maskNonCode(source)): { start: number; end: number } | undefined {
  const declaration = new RegExp(`(?<![\\w$.])${name}\\s*\\(`, 'g');
  for (let m = declaration.exec(masked); m; m = declaration.exec(masked)) {
    const params = closing(masked, m.index + m[0].length - 1);
    if (params < 0) return undefined;
    // After the parameters: the body, or a return type annotation and then the body.
    const after = /^\s*(?::[^{;=]*)?\{/.exec(masked.slice(params + 1));
    if (!after) continue;
    const open = params + after[0].length;
    const end = closing(masked, open);
    return end < 0 ? undefined : { start: open + 1, end };
  }
  return undefined;
}
