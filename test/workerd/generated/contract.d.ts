// Types of contract.js, which test/support/contract-standalone.ts writes from the OpenAPI
// document before the workerd suite runs (not committed). Its other exports, v1 … vN, are the
// checks that `operations` names.
import type { Check, Operations } from '../../support/contract-check'

export const operations: Operations
export const error: Check
