// The @libsql/client `Client` for an embedded libSQL database (a file, or :memory: in tests), on
// one native connection of the `libsql` package. It differs from the stock file client in two
// ways, both measured by the surge benchmark (bench/README.md):
//
// - Every SQL text is prepared once and its statement reused (the app issues the same few dozen
//   texts over and over; preparing was about a sixth of a submission's CPU).
// - Group commit. The batches that reach `batch()` while the event loop is busy are committed in
//   one transaction, each inside a savepoint of its own, so N submissions cost one commit (the
//   WAL write and, with synchronous=FULL, its fsync: the largest single cost of a write), not N.
//   Each batch stays atomic and independent of the others: one that fails rolls back to its own
//   savepoint and fails alone, and no batch is answered before the COMMIT that made it durable.
//
// Statements run synchronously on the one connection, so nothing else can land inside a batch or
// a group, just as with the stock client. For the same reason the connection never waits long
// for a lock another process holds (an admin CLI, a backup): SQLite's busy wait would stop the
// whole event loop. It waits a few milliseconds at most (busy_timeout), and a write that still
// finds the database locked is tried again from a timer, for up to `busyWaitMs`, and then fails
// with SQLITE_BUSY (which the app answers with 503). Interactive transactions (`transaction()`) are not
// offered: the app never holds a transaction across an await (D1 has none), and one held here
// would take every other request's statements into it. Arguments, rows and errors are
// translated in ./embedded-values.ts.
import Database from 'libsql'
import { LibsqlError } from '@libsql/client'
import type { Client, InArgs, InStatement, Replicated, ResultSet, Transaction, TransactionMode } from '@libsql/client'
import { batchError, bindArgs, isBusy, libsqlError, normalize, resultSet, toRow, type Statement } from './embedded-values'

type Native = InstanceType<typeof Database>
type NativeStatement = ReturnType<Native['prepare']>

interface Prepared {
  stmt: NativeStatement
  reader: boolean
}

interface Job {
  stmts: Statement[]
  mode: TransactionMode
  resolve(results: ResultSet[]): void
  reject(error: unknown): void
  /** When it first found the database locked by another process. */
  busySince?: number
}

export interface EmbeddedOptions {
  /** PRAGMAs run on the connection whenever it is opened, e.g. `journal_mode = WAL`. */
  pragmas?: string[]
  /** At most this many batches share one commit. */
  maxGroup?: number
  /** How long a write may wait, in all, for a lock another process holds (default 3000 ms). */
  busyWaitMs?: number
}

/** Statements kept prepared per connection; generated SQL (bulk inserts) beyond it is not kept. */
const STATEMENT_CACHE_SIZE = 500

/** Statements that may run inside a transaction of their own (not PRAGMA, VACUUM, BEGIN…). */
const SINGLE_WRITE = /^\s*(insert|update|delete|replace|with|create|drop|alter)\b/i

const TRANSACTION_CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i

/** Pause between two tries of a write that found the database locked. */
const BUSY_RETRY_MS = 25

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' }

export class EmbeddedClient implements Client {
  closed = false
  readonly protocol = 'file'
  /** Write batches taken, and the commits that stored them (fewer when batches share one). */
  readonly stats = { batches: 0, commits: 0 }
  #native: Native
  #statements = new Map<string, Prepared>()
  #pending: Job[] = []
  #flushScheduled = false
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  /** Set while closing: a locked database is waited for then, not retried later. */
  #final = false
  readonly #path: string
  readonly #pragmas: string[]
  readonly #maxGroup: number
  readonly #busyWaitMs: number

  /** `path` is a file path or `:memory:`. */
  constructor(path: string, options: EmbeddedOptions = {}) {
    this.#path = path
    this.#pragmas = options.pragmas ?? []
    this.#maxGroup = options.maxGroup ?? 64
    this.#busyWaitMs = options.busyWaitMs ?? 3000
    this.#native = this.#open()
  }

  #open(): Native {
    const native = new Database(this.#path)
    for (const p of this.#pragmas) native.exec(`PRAGMA ${p}`)
    return native
  }

  #checkOpen() {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
  }

  #prepare(sql: string): Prepared {
    let p = this.#statements.get(sql)
    if (p) return p
    const stmt = this.#native.prepare(sql)
    const reader = stmt.reader
    stmt.safeIntegers(true)
    if (reader) stmt.raw(true)
    p = { stmt, reader }
    if (this.#statements.size < STATEMENT_CACHE_SIZE) this.#statements.set(sql, p)
    return p
  }

  /** Runs one statement; throws the native error as it is. */
  #run(s: Statement): ResultSet {
    const { stmt, reader } = this.#prepare(s.sql)
    const args = bindArgs(s.args)
    if (reader) {
      const defs = stmt.columns()
      const columns = defs.map((c) => c.name)
      const rows = (stmt.all(args) as unknown[][]).map((values) => toRow(values, columns))
      // Like the stock client, a statement that returns rows reports no rowsAffected.
      return resultSet(
        columns,
        defs.map((c) => c.type ?? ''),
        rows,
        0,
        undefined,
      )
    }
    const info = stmt.run(args)
    return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid))
  }

  /**
   * Whether any statement writes. A write takes the write lock at BEGIN (IMMEDIATE), never
   * half-way: a native statement that meets a locked database stays "in progress" on the shared
   * connection (the package cannot reset it), and every later SAVEPOINT would fail.
   */
  #writes(stmts: Statement[]): boolean {
    return stmts.some((st) => {
      try {
        return !this.#prepare(st.sql).reader
      } catch {
        return true
      }
    })
  }

  /** A statement run alone and outside a transaction, under the write lock taken first (see #writes). */
  #runLocked(stmt: Statement): ResultSet {
    if (this.#native.inTransaction || !SINGLE_WRITE.test(stmt.sql) || !this.#writes([stmt])) return this.#run(stmt)
    this.#native.exec('BEGIN IMMEDIATE')
    const result = this.#run(stmt)
    this.#native.exec('COMMIT')
    return result
  }

  #rollback() {
    if (this.#native.open && this.#native.inTransaction) this.#native.exec('ROLLBACK')
  }

  /** One batch in a transaction of its own. */
  #transaction(stmts: Statement[], mode: TransactionMode): ResultSet[] {
    try {
      this.#native.exec(mode !== 'read' && this.#writes(stmts) ? 'BEGIN IMMEDIATE' : BEGIN[mode])
    } catch (e) {
      throw libsqlError(e)
    }
    const results: ResultSet[] = []
    try {
      for (let i = 0; i < stmts.length; i++) {
        try {
          results.push(this.#run(stmts[i]!))
        } catch (e) {
          throw batchError(e, i)
        }
      }
      this.#native.exec('COMMIT')
      return results
    } catch (e) {
      this.#rollback()
      throw libsqlError(e)
    }
  }

  /** Whether a batch that found the database locked is to be tried again later. */
  #mayWait(job: Job): boolean {
    if (this.#final) return false
    job.busySince ??= Date.now()
    return Date.now() - job.busySince < this.#busyWaitMs
  }

  /** Runs one batch; false when the database was locked and the batch is to be tried again. */
  #alone(job: Job): boolean {
    try {
      const results = this.#transaction(job.stmts, job.mode)
      this.stats.commits++
      job.resolve(results)
    } catch (e) {
      // Rolled back whole, so trying again later is safe.
      if (isBusy(e) && this.#mayWait(job)) return false
      job.reject(e)
    }
    return true
  }

  /**
   * Several batches, one transaction: a savepoint per batch, one COMMIT for all. Whenever the
   * shared transaction cannot be completed (the COMMIT fails, or an error such as a full disk
   * makes SQLite roll all of it back), nothing of it is stored and no batch of it has been
   * answered, so the batches that did not fail themselves run again, each in a transaction of
   * its own: the outcome is the one they would have had without the grouping.
   */
  #group(jobs: Job[]): Job[] {
    const native = this.#native
    try {
      native.exec('BEGIN IMMEDIATE')
    } catch (e) {
      // Another process holds the write lock: the batches wait, or fail as each would have alone.
      const error = libsqlError(e)
      const later: Job[] = []
      for (const job of jobs) {
        if (isBusy(error) && this.#mayWait(job)) later.push(job)
        else job.reject(error)
      }
      return later
    }
    const done: { job: Job; results: ResultSet[] }[] = []
    const failed: { job: Job; error: unknown }[] = []
    let again: Job[] = []
    for (let j = 0; j < jobs.length; j++) {
      const job = jobs[j]!
      const results: ResultSet[] = []
      let i = 0
      try {
        native.exec('SAVEPOINT batch')
        for (; i < job.stmts.length; i++) results.push(this.#run(job.stmts[i]!))
        native.exec('RELEASE batch')
        done.push({ job, results })
      } catch (e) {
        failed.push({ job, error: batchError(e, i) })
        try {
          native.exec('ROLLBACK TO batch')
          native.exec('RELEASE batch')
        } catch {
          // The transaction is gone, and every batch before this one with it.
          this.#rollback()
          again = [...done.map((d) => d.job), ...jobs.slice(j + 1)]
          done.length = 0
          break
        }
      }
    }
    if (native.inTransaction) {
      try {
        native.exec('COMMIT')
        this.stats.commits++
      } catch {
        this.#rollback()
        again = [...done.map((d) => d.job), ...again]
        done.length = 0
      }
    }
    for (const d of done) d.job.resolve(d.results)
    for (const f of failed) f.job.reject(f.error)
    return again.filter((job) => !this.#alone(job))
  }

  /** Commits every batch waiting for a commit, or leaves them for a timer while the database is locked. */
  #flush() {
    this.#flushScheduled = false
    if (this.#retryTimer) return
    while (this.#pending.length > 0) {
      const jobs = this.#pending.splice(0, this.#maxGroup)
      let later: Job[] = []
      const shared: Job[] = []
      for (const job of jobs) {
        // A batch that ends or starts transactions itself cannot share one.
        if (job.stmts.some((st) => TRANSACTION_CONTROL.test(st.sql))) {
          if (!this.#alone(job)) later.push(job)
        } else shared.push(job)
      }
      if (shared.length === 1) {
        if (!this.#alone(shared[0]!)) later.push(shared[0]!)
      } else if (shared.length > 1) later = [...later, ...this.#group(shared)]
      if (later.length > 0) {
        // In the order they came, ahead of whatever arrives meanwhile.
        this.#pending.unshift(...later.sort((a, b) => jobs.indexOf(a) - jobs.indexOf(b)))
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null
          this.#flush()
        }, BUSY_RETRY_MS)
        return
      }
    }
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen()
    const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : normalize(stmtOrSql)
    let busySince: number | undefined
    for (;;) {
      try {
        return this.#runLocked(stmt)
      } catch (e) {
        const error = libsqlError(e)
        if (!isBusy(error) || this.#final) throw error
        // A write another process holds the lock against: wait off the event loop, then again.
        busySince ??= Date.now()
        if (Date.now() - busySince >= this.#busyWaitMs) throw error
      } finally {
        // As the stock client does: a stray BEGIN never leaves the shared connection in a transaction.
        this.#rollback()
      }
      await sleep(BUSY_RETRY_MS)
      this.#checkOpen()
    }
  }

  /**
   * A batch is atomic. It waits for the end of the current turn of the event loop and commits
   * together with whatever else arrived in it.
   */
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    try {
      this.#checkOpen()
      const list = stmts.map(normalize)
      return new Promise((resolve, reject) => {
        this.#pending.push({ stmts: list, mode, resolve, reject })
        this.stats.batches++
        if (!this.#flushScheduled) {
          this.#flushScheduled = true
          setImmediate(() => this.#flush())
        }
      })
    } catch (e) {
      return Promise.reject(e)
    }
  }

  /** drizzle's migrator: a batch with foreign keys off, as the stock client runs it. */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen()
    this.#flush()
    this.#native.exec('PRAGMA foreign_keys = off')
    try {
      return this.#transaction(stmts.map(normalize), 'deferred')
    } finally {
      this.#native.exec('PRAGMA foreign_keys = on')
      // The schema changed under the cached statements.
      this.#statements.clear()
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen()
    this.#flush()
    try {
      this.#native.exec(sql)
    } catch (e) {
      throw libsqlError(e)
    } finally {
      this.#rollback()
      this.#statements.clear()
    }
  }

  async transaction(_mode?: TransactionMode): Promise<Transaction> {
    throw new LibsqlError('Interactive transactions are not supported on the embedded database: use batch()', 'TRANSACTION_NOT_SUPPORTED')
  }

  async sync(): Promise<Replicated> {
    throw new LibsqlError('sync() is for embedded replicas, which this client does not open', 'SYNC_NOT_SUPPORTED')
  }

  /**
   * Folds the write-ahead log into the database file and empties it, so that the file alone
   * holds every commit (a clean shutdown, before a copy). Returns false when another process's
   * reader or writer kept it from completing.
   */
  checkpoint(): boolean {
    this.#checkOpen()
    this.#flush()
    const [row] = this.#native.prepare('PRAGMA wal_checkpoint(TRUNCATE)').raw(true).all() as unknown[][]
    return row === undefined || Number(row[0]) === 0
  }

  /**
   * Batches waiting for their commit are committed first: closing never drops one. A lock held
   * by another process is waited for here (up to busyWaitMs), not retried from a timer.
   */
  close(): void {
    if (this.closed) return
    this.#final = true
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#retryTimer = null
    if (this.#pending.length > 0 && this.#path !== ':memory:') this.#native.exec(`PRAGMA busy_timeout = ${this.#busyWaitMs}`)
    this.#flush()
    this.closed = true
    this.#statements.clear()
    this.#native.close()
  }

  reconnect(): void {
    this.#flush()
    this.#statements.clear()
    if (this.#native.open) this.#native.close()
    this.#native = this.#open()
    this.closed = false
    this.#final = false
  }
}
