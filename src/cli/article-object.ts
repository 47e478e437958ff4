/** A parsed JSON value → ArticleInput, or an error that says which field is wrong. */
import { ArticleInputSchema, type ArticleInput } from '../schema/index.ts';
import { inputError, type InputError } from './input-errors.ts';
import { readPublished } from '../pipeline.ts';

export type Checked = { input: ArticleInput; error?: undefined } | { input?: undefined; error: InputError };

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function toArticleInput(value: unknown, line?: number): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: inputError('invalid_article', `expected an article object with "text", got ${kindOf(value)}`, line) };
  }
  const record = value as Record<string, unknown>;
  if (!('text' in record) || record['text'] === undefined) {
    return { error: inputError('missing_text', 'article has no "text" field', line) };
  }
  if (typeof record['text'] !== 'string') {
    return { error: inputError('text_not_string', `"text" must be a string, got ${kindOf(record['text'])}`, line) };
  }
  if (record['text'].trim() === '') return { error: inputError('empty_text', '"text" is empty', line) };
  const parsed = ArticleInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return { error: inputError('invalid_article', `field "${where}": ${issue?.message ?? 'invalid'}`, line) };
  }
  // a wrong anchor would silently shift every relative date of the article: refuse it, say why
  const published = parsed.data.published;
  if (typeof published === 'string' && published.trim() !== '') {
    const reading = readPublished(published, parsed.data.lang ?? 'ar');
    if (reading.date === null) return { error: inputError('invalid_published', `"published" ${JSON.stringify(published.slice(0, 60))} is not a date: ${reading.reason}`, line) };
  }
  return { input: parsed.data };
}
