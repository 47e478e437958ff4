import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

const cf = (text: string) => run(text).ceasefires.map((c) => ({ kind: c.kind, status: c.status, attempts: c.attempts }));

describe('ceasefires', () => {
  it.each([
    ['وباءت بالفشل ثلاث محاولات لعقد هدنة إنسانية حتى الآن.', 'humanitarian_truce', 'failed', 3],
    ['أعلن الطرفان التوصل إلى اتفاق لوقف إطلاق النار.', 'ceasefire', 'agreed', null],
    ['دخل وقف إطلاق النار حيز التنفيذ صباح اليوم.', 'ceasefire', 'in_effect', null],
    ['تبادل الطرفان الاتهامات بانتهاك الهدنة.', 'truce', 'violated', null],
    ['انهارت الهدنة بعد ساعات من إعلانها.', 'truce', 'failed', null],
    ['رفضت الحركة مقترح وقف الأعمال العدائية.', 'cessation_of_hostilities', 'rejected', null],
    ['دعا الأمين العام إلى وقف فوري لإطلاق النار.', 'ceasefire', 'proposed', null],
  ])('%s', (text, kind, status, attempts) => {
    expect(cf(text)).toEqual([{ kind, status, attempts }]);
  });

  it.each([['أطلق النار على المتظاهرين.'], ['وقفت السيارة عند الحاجز.']])('%s is no ceasefire', (text) => {
    expect(cf(text)).toEqual([]);
  });

  it('names mediators after برعاية', () => {
    const d = run('اتفقت أرمينيا وأذربيجان على هدنة برعاية روسيا.');
    const c = d.ceasefires[0]!;
    const name = (id: string) => d.actors.find((a) => a.id === id)!.name;
    expect(c.parties.map(name).sort()).toEqual(['Armenia', 'Azerbaijan']);
    expect(c.mediators.map(name)).toEqual(['Russia']);
  });

  it('a definite mention after a ceasefire is the same one, and a stronger status updates it', () => {
    const d = run('أعلن الطرفان التوصل إلى هدنة إنسانية. لكن الهدنة انهارت بعد ساعات.');
    expect(d.ceasefires.map((c) => [c.kind, c.status, c.evidence.length])).toEqual([['humanitarian_truce', 'failed', 2]]);
  });

  it('a ceasefire word in the dual counts two attempts', () => {
    expect(cf('وفشلت هدنتان جرى الاتفاق حولهما هذا الشهر.')).toEqual([{ kind: 'truce', status: 'failed', attempts: 2 }]);
  });
});
