import type { MenuKey } from './steps.js';

/** A key a menu prompt tells the caller to press, and the words that said it. */
export interface AnnouncedKey {
  key: MenuKey | '*';
  /** The words as written, e.g. "press 1 or 2", "3번", "우물 정". */
  phrase: string;
}

/**
 * The keys a spoken menu announces, in the order it first mentions them. English ("press 3",
 * "press 1, 2 or 3", "dial 0", "3 for sales", "press pound", "the star key") and Korean ("3번을
 * 눌러", "1번 또는 2번", "1, 2, 3번 중", "우물 정자", "샵 버튼", "별표") are both read whatever
 * the prompt's language, since offices mix them ("For English, press 9").
 *
 * Only a digit standing alone counts: not one of the many in a phone number (02-123-4567,
 * 1 800 555 0199), a time (9:00), a year or an extension, and not a count or a place ("3번 이상",
 * "3번째", "1번지", "3번 출구", "6 digits", "9 to 6").
 */
export function announcedKeys(text: string): AnnouncedKey[] {
  const found: (AnnouncedKey & { at: number })[] = [];
  const add = (key: string, phrase: string, at: number) => {
    found.push({ key: key as AnnouncedKey['key'], phrase: phrase.trim(), at });
  };
  englishVerbLists(text, add);
  for (const match of text.matchAll(ENGLISH_FOR)) {
    add(keyOf(match.groups?.key ?? ''), match[0], match.index);
  }
  for (const match of text.matchAll(KOREAN_DIGITS)) {
    for (const digit of match[0].match(/[0-9]/g) ?? []) add(digit, match[0], match.index);
  }
  for (const [pattern, key] of SYMBOLS) {
    for (const match of text.matchAll(pattern)) add(key, match[0], match.index);
  }
  found.sort((a, b) => a.at - b.at);
  const keys = new Map<string, AnnouncedKey>();
  for (const { key, phrase } of found) if (!keys.has(key)) keys.set(key, { key, phrase });
  return [...keys.values()];
}

/**
 * One digit on its own: no digit joined to it by a space, a dash, a dot, a colon or a slash
 * (phone numbers, times, dates, "1 800"), and not counting something ("6 digits", "2 years").
 * A comma does not join digits ("1,2번" is a list), nor does a full stop and a space ("press 1. 2
 * for…").
 */
const JOIN = String.raw`(?:[\-:./]|\s?-\s?|\s)`;
const DIGIT = String.raw`(?<!\d${JOIN}?)\d(?!${JOIN}?\d|\s?(?:digits?|numbers?|times?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|o'clock|of|st|nd|rd|th|am|pm|a\.m\.|p\.m\.|%|percent)(?![a-z]))`;
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const DIGIT_WORD = String.raw`\b(?:${DIGIT_WORDS.join('|')})\b(?!\s+of\b|-)`;

/** What follows "press": a digit or its word, or # and * by name, maybe "the … key". */
const ENGLISH_KEY = new RegExp(
  String.raw`(?:the\s+)?(?:${DIGIT}|${DIGIT_WORD}|\b(?:pound|hash|star|asterisk)\b|#|\*)(?:\s+(?:key|sign|button)\b)?`,
  'iy',
);
/** Between keys of one list: "1, 2 or 3", "1, 2, or 3", "1 or 2". */
const LIST_SEPARATOR = /\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/iy;
const ENGLISH_VERB =
  /\b(?:press(?:ing)?|push|dial|hit|select|choose|enter|touch|options?)\s+(?:(?:the\s+)?(?:option|number|key|button)\s+)?/gi;

/** "press 1", "dial 0", "press 1, 2 or 3", "press the pound key", "select option 4". */
function englishVerbLists(text: string, add: (key: string, phrase: string, at: number) => void): void {
  for (const verb of text.matchAll(ENGLISH_VERB)) {
    let end = verb.index + verb[0].length;
    const keys: string[] = [];
    for (let key = stickyMatch(ENGLISH_KEY, text, end); key !== undefined;) {
      keys.push(key);
      end += key.length;
      const separator = stickyMatch(LIST_SEPARATOR, text, end);
      key = separator === undefined ? undefined : stickyMatch(ENGLISH_KEY, text, end + separator.length);
      if (key !== undefined) end += (separator ?? '').length;
    }
    const phrase = text.slice(verb.index, end);
    for (const key of keys) add(keyOf(key), phrase, verb.index);
  }
}

/** What a sticky pattern matches exactly at `at`, if anything. */
function stickyMatch(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/**
 * "…, 2 for support", "or 3 to leave a message": a key at the start of a clause followed by what
 * it is for. "9 to 6" and "9 to noon" are hours, not keys.
 */
const ENGLISH_FOR = new RegExp(
  String.raw`(?<=^|[,;:.!?]|\bor|\band)\s*(?<key>${DIGIT}|${DIGIT_WORD})\s+(?:for|to)\s+(?!\d|(?:${DIGIT_WORDS.join('|')}|noon|midnight)\b)[a-z]+`,
  'gim',
);

/**
 * Korean: digits before 번 ("1번", "3 번", "1, 2, 3번", "1번 또는 2번") when what follows makes it a
 * key: pressing (을 눌러, 누르세요), 버튼/키, a list, a topic (은/는), the end of the clause, or
 * 중 ("of these"). That leaves out 번지, 번째, 번호, 번 이상, 번 출구, 버스 2번을 타시고.
 */
const KOREAN_DIGITS = new RegExp(
  String.raw`${DIGIT}(?:\s*(?:,|또는|혹은|이나)\s*${DIGIT})*\s?번(?=\s*(?:[을를]?\s*(?:눌|누르|누른|입력|선택)|버튼|키|[은는]\s|,|또는|혹은|이나|입니다|중|[.!?)]|$))`,
  'gm',
);

/** '#' and '*' named on their own: "우물 정자", "샵 버튼", "별표", "the pound key", a bare # or *. */
const SYMBOLS: [RegExp, MenuKey | '*'][] = [
  [/우물\s*정자?/g, '#'],
  // Not "온라인 샵" or "네일샵": a shop is no key unless it is pressed or called a button.
  [/(?<![가-힣])[샵샾](?:\s*(?:버튼|키)|(?=\s*[을를]?\s*(?:눌|누르|누른)))/g, '#'],
  [/\b(?:pound|hash)\s+(?:key|sign|button)\b|\bnumber\s+sign\b/gi, '#'],
  [/(?<![0-9A-Za-z&])#(?![0-9A-Za-z])(?:\s*(?:버튼|키))?/g, '#'],
  [/별표/g, '*'],
  [/\b(?:star|asterisk)\s+(?:key|sign|button)\b/gi, '*'],
  [/\*/g, '*'],
];

/** "the pound key" → '#', "two" → '2', "7" → '7'. */
function keyOf(token: string): string {
  const word = token
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+(?:key|sign|button)$/, '');
  const digit = DIGIT_WORDS.indexOf(word);
  if (digit >= 0) return String(digit);
  if (word === 'pound' || word === 'hash') return '#';
  if (word === 'star' || word === 'asterisk') return '*';
  return word;
}
