// The report form's draft: its fields, a fresh one, the checks made before sending (in the
// server's words), and its copy in sessionStorage.
import type { IssueKind, IssueSource } from '../../worker/core/taxonomy'
import { textMessage } from '../../worker/core/text'
import { FIRST_DATE, FIRST_YEAR, MAX_CHARS } from '../../worker/core/limits'
import { draftStore } from './draft-store'

export interface Draft {
  countyCode: string
  fieldCode: string
  kind: IssueKind
  title: string
  description: string
  township: string
  location: string
  source: IssueSource
  foundOn: string
  /** 代表小组: the group that found it ('' none), with its name so the choice shows without signal. */
  groupId: string
  groupName: string
}
export type Fields = Partial<Record<keyof Draft, string>>
export const ORDER: (keyof Draft)[] = ['countyCode', 'foundOn', 'fieldCode', 'title', 'description', 'township', 'location', 'source', 'groupId']

export const fresh = (today: string, keep?: Draft): Draft => ({
  countyCode: keep?.countyCode ?? '',
  fieldCode: '',
  kind: 'problem',
  title: '',
  description: '',
  township: keep?.township ?? '',
  location: '',
  source: keep?.source ?? 'deputy',
  foundOn: keep?.foundOn ?? today,
  groupId: keep?.groupId ?? '',
  groupName: keep?.groupName ?? '',
})

export function check(d: Draft, today: string, needCounty: boolean): Fields {
  const f: Fields = {}
  if (needCounty && !d.countyCode) f.countyCode = '请选择县市区'
  if (!d.foundOn) f.foundOn = '请填写发现日期'
  else if (d.foundOn > today) f.foundOn = '发现日期不能晚于今天'
  else if (d.foundOn < FIRST_DATE) f.foundOn = `发现日期不能早于台账首年（${FIRST_YEAR} 年）`
  if (!d.fieldCode) f.fieldCode = '请选择监督领域'
  const title = textMessage('问题标题', d.title, { max: MAX_CHARS.title, required: true })
  if (title) f.title = title
  const description = textMessage('问题描述', d.description, { max: MAX_CHARS.text, required: true, multiline: true })
  if (description) f.description = description
  return f
}

// What was typed survives a reload or a lapsed session in this tab, with the client id of a send
// that got no answer, so the retry after signing in again still files the issue only once.
const drafts = draftStore<Draft>('issue-draft')
export const loadSaved = drafts.load
export const store = drafts.store
