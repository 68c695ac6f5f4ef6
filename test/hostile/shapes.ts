/**
 * What a generated file or report must look like, read back the way its consumer reads it: a
 * migration through the TypeScript compiler, a Markdown report line by line as CommonMark/GFM
 * would see its blocks and inline markers. A payload that escaped its context shows up as an extra
 * statement, an extra comment or a Markdown element the renderer did not write.
 */
import ts from 'typescript';

export interface MigrationShape {
  /** The cooked text of each `await queryRunner.query(`…`)` in up() and down(), in order. */
  up: string[];
  down: string[];
  /** Every comment in the file, its escapes decoded, `//` and `/**` markers and ` * ` prefixes removed. */
  lineComments: string[];
  headerLines: string[];
}

/** Reverses commentText: `\\`, `\uXXXX`, `\u{X}` and `*\/`. */
export function decodeComment(text: string): string {
  return text.replace(/\\(\\|\/|u\{([0-9A-F]+)\}|u([0-9A-F]{4}))/g, (_m, what: string, long?: string, short?: string) =>
    what === '\\' ? '\\' : what === '/' ? '/' : String.fromCodePoint(parseInt((long ?? short)!, 16)),
  );
}

function fail(message: string): never {
  throw new Error(message);
}

function queries(method: ts.MethodDeclaration, file: ts.SourceFile): string[] {
  return method.body!.statements.map((s) => {
    const where = `${method.name.getText(file)}(): ${s.getText(file).slice(0, 80)}`;
    if (!ts.isExpressionStatement(s) || !ts.isAwaitExpression(s.expression)) fail(`not an awaited query: ${where}`);
    const call = s.expression.expression;
    if (!ts.isCallExpression(call) || call.getText(file).indexOf('queryRunner.query(') !== 0) fail(`not queryRunner.query: ${where}`);
    if (!ts.isNoSubstitutionTemplateLiteral(call.arguments[0])) fail(`first argument is not a plain template literal: ${where}`);
    // Query parameters, when a statement has them, are a literal array of literals.
    const params = call.arguments[1];
    const literal = (e: ts.Expression) => ts.isStringLiteral(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.NullKeyword;
    if (call.arguments.length > 2 || (params && !(ts.isArrayLiteralExpression(params) && params.elements.every(literal)))) fail(`parameters are not literals: ${where}`);
    return call.arguments[0].text;
  });
}

/** Parses a migration file; throws when it holds anything but the import and the one class ormdiff writes. */
export function migrationShape(source: string): MigrationShape {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) fail(`does not parse: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
  if (file.statements.length !== 2) fail(`${file.statements.length} top-level statements, not 2`);
  const [imports, cls] = file.statements;
  if (!ts.isImportDeclaration(imports) || imports.getText(file) !== 'import { MigrationInterface, QueryRunner } from "typeorm";') {
    fail(`unexpected first statement: ${imports.getText(file)}`);
  }
  if (!ts.isClassDeclaration(cls)) fail('second statement is not the class');
  const members = cls.members.map((m) => m.name?.getText(file));
  // `transaction = false` only for a migration that must run outside a transaction.
  const fields = members.join() === 'name,revision,downRevision,transaction,up,down' ? 4 : 3;
  if (fields === 3 && members.join() !== 'name,revision,downRevision,up,down') fail(`class members: ${members.join()}`);
  for (const m of cls.members.slice(0, fields)) {
    const init = (m as ts.PropertyDeclaration).initializer;
    const literal = (e: ts.Expression | undefined) =>
      e !== undefined && (ts.isStringLiteral(e) || e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword);
    if (!literal(init) && !(init && ts.isArrayLiteralExpression(init) && init.elements.every(literal))) fail(`property ${m.getText(file)} is not a literal`);
  }
  const [up, down] = cls.members.slice(fields) as ts.MethodDeclaration[];

  const lineComments: string[] = [];
  let headerLines: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.SingleLineCommentTrivia) lineComments.push(decodeComment(scanner.getTokenText().replace(/^\/\/ /, '')));
    if (t === ts.SyntaxKind.MultiLineCommentTrivia) {
      if (headerLines.length > 0) fail('a second block comment');
      headerLines = scanner
        .getTokenText()
        .split('\n')
        .slice(1, -1)
        .map((l) => decodeComment(l.replace(/^ \* ?/, '')));
    }
    // A template literal is one token for the scanner only when it is re-scanned as such.
    if (t === ts.SyntaxKind.NoSubstitutionTemplateLiteral || t === ts.SyntaxKind.TemplateHead) {
      if (t === ts.SyntaxKind.TemplateHead) fail('a template literal with a substitution');
    }
  }
  return { up: queries(up, file), down: queries(down, file), lineComments, headerLines };
}

/** `text` with each backslash escape removed, so what remains is what Markdown treats as syntax. */
const unescaped = (line: string): string => line.replace(/\\[!-/:-@[-`{-~]/g, '  ');

export interface MarkdownRules {
  /** Heading lines the renderer writes (after `#`s and a space): titles, or an escaped name. */
  headings: RegExp[];
  /** Line starts that are ours: `- **CODE**` warning items, table rows, help lines… */
  allowedLineStarts: RegExp[];
}

/**
 * The Markdown elements the input could have created, as problems (empty when none). Fenced blocks are
 * skipped whole (their fence is longer than any backtick run inside); outside them each line is read
 * as CommonMark/GFM would: block starts, then inline markers not backslash-escaped.
 */
export function markdownProblems(md: string, rules: MarkdownRules): string[] {
  const problems: string[] = [];
  let fence: string | undefined;
  const lines = md.split('\n');
  lines.forEach((line, i) => {
    const at = `line ${i + 1}: ${JSON.stringify(line.slice(0, 100))}`;
    const marks = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== undefined) {
      if (marks && marks[1][0] === fence[0] && marks[1].length >= fence.length && marks[2].trim() === '') fence = undefined;
      return;
    }
    if (marks) {
      if (!/^(sql|diff|text)?$/.test(marks[2])) problems.push(`fence with an info string not ours: ${at}`);
      fence = marks[1];
      return;
    }
    // Line endings CommonMark honours besides \n; and JavaScript's, which a renderer may split on.
    if (/[\r\u2028\u2029]/.test(line)) problems.push(`a raw line break inside a line: ${at}`);
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (heading) {
      if (!rules.headings.some((h) => h.test(heading[2] ?? ''))) problems.push(`a heading not ours: ${at}`);
    } else if (/^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)|^ {0,3}>|^ {0,3}<|^ {0,3}(=+|-+|\*+|_+)\s*$|^ {4}/.test(line) && !rules.allowedLineStarts.some((r) => r.test(line))) {
      problems.push(`a block (list, quote, HTML, setext, break or code) not ours: ${at}`);
    }
    const bare = unescaped(line);
    if (line.startsWith('|')) {
      const cells = (bare.match(/\|/g) ?? []).length;
      if (cells !== 4) problems.push(`a table row with ${cells - 1} cells: ${at}`);
    } else if (bare.includes('|')) problems.push(`an unescaped pipe: ${at}`);
    const inline: Array<[RegExp, string]> = [
      [/[[\]]/, 'a bracket (link, image, footnote)'],
      [/`/, 'a backtick (code span)'],
      [/<(?!br>)/, 'raw HTML or an autolink'],
      [/&/, 'an entity'],
      [/[~$]/, 'strikethrough or math'],
      [/(?<!\*)\*(?!\*)|_/, 'emphasis'],
      [/:\/\/|www\.|@/, 'an autolink'],
      [/:[a-z0-9_+-]+:/, 'an emoji shortcode'],
    ];
    for (const [re, what] of inline) if (re.test(bare)) problems.push(`${what}: ${at}`);
  });
  if (fence !== undefined) problems.push('a fence left open');
  return problems;
}
