// The rules the server enforces and the web's forms check before sending: the phone pattern, the
// first year of the ledger, and how long each text may be. One place for both, so a form never
// accepts what the server refuses. No imports: the web bundles this file as it is.

/** A mainland mobile number: 11 digits starting 13–19. */
export const PHONE_RE = /^1[3-9]\d{9}$/

/** The campaign's first year: no issue, activity or 五个一 before it (the reference data starts here). */
export const FIRST_YEAR = 2022
/** The first day a found-on or activity date may be. */
export const FIRST_DATE = `${FIRST_YEAR}-01-01`

/** Longest text of each field, in visible characters (worker/core/text.ts counts them). */
export const MAX_CHARS = {
  /** 问题标题, 活动主题, the title of a 五个一. */
  title: 60,
  /** 问题描述, 活动内容, 整改要求, an action's note, a 五个一's summary. */
  text: 2000,
  township: 50,
  location: 100,
  /** Where an activity took place. */
  place: 100,
  personName: 30,
  deputyGroup: 50,
  unitName: 50,
  introductionName: 100,
  reviewNote: 500,
  search: 50,
} as const

/** 五个引进 in one activity. */
export const MAX_INTRODUCTIONS = 20
/** Each of the 四个一批 counts of one activity. */
export const MAX_OUTCOME = 999
/** Funds introduced in one item (万元). */
export const MAX_FUNDS = 10_000_000
