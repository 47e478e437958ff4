import { describe, expect, it } from 'vitest';
import { runEn } from '../test-helpers.ts';

// published Tuesday 2016-12-20
const dates = (text: string) => runEn(text).dates.filter((d) => d.precision === 'day').map((d) => [d.start, d.text]);

describe('English dates', () => {
  it.each([
    ['LONDON, July 7, 2005 (AFP) - Four bombs exploded.', [['2005-07-07', 'July 7, 2005']]],
    ['ANKARA, Dec 19 (AFP) - The envoy was shot.', [['2016-12-19', 'Dec 19']]],
    ['The envoy was shot on Monday.', [['2016-12-19', 'on Monday']]],
    ['The gunman struck late Monday.', [['2016-12-19', 'Monday']]],
    ['Talks were held on Tuesday night.', [['2016-12-20', 'on Tuesday']]],
    ['He arrived yesterday and leaves today.', [['2016-12-19', 'yesterday'], ['2016-12-20', 'today']]],
    ['The attacks of September 11, 2001 changed everything.', [['2001-09-11', 'September 11, 2001']]],
    ['Parliamentary elections in the country are due on 8 January 2008.', [['2008-01-08', '8 January 2008']]],
    // no year, no tense cue: the reading nearer publication (12 days ahead, not 353 days back)
    ['Sharif, her rival in the January 8 election, spoke.', [['2017-01-08', 'January 8']]],
    ['The siege of the city began on November 2.', [['2016-11-02', 'November 2']]],
    ['Guards will patrol the beaches from 1 July.', [['2017-07-01', '1 July']]],
    ['The accord signed on 1 July still holds.', [['2016-07-01', '1 July']]],
  ])('%s', (text, expected) => {
    expect(dates(text)).toEqual(expected);
  });

  it.each([
    ['The Sun said the attack was cowardly.'],
    ['They sat in silence as the news came in.'],
    ['A day after the attack, police raided a flat.'],
    ['Earlier in the day the minister spoke.'],
    ['Protesters will march in March.'],
    ['The talks may resume.'],
  ])('%s names no day', (text) => {
    expect(dates(text)).toEqual([]);
  });
});
